/* vmsdcheck graph. */
#include "graph.h"

#include "../checker/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_escaped(struct vmsd_strbuf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            vmsd_strbuf_put(b, "\\", 1);
        vmsd_strbuf_put(b, s, 1);
    }
}

/* A place is a pair of the set: its file, and "LINE:COLUMN". */
struct place_key {
    char line_column[32];
};

static struct place_key place_key(struct vmsd_loc loc)
{
    struct place_key key;
    snprintf(key.line_column, sizeof key.line_column, "%u:%u", loc.line,
             loc.column);
    return key;
}

/* The first finding of REPORT at each place, so that drawing a node or
 * an edge looks its place up rather than going through every finding.
 * A place without a file has none. */
static void index_findings(const struct report *report,
                           struct vmsd_strset *places)
{
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        if (!f->finding.loc.file)
            continue;
        struct vmsd_strset_slot *slot = vmsd_strset_add_pair(
            places, f->finding.loc.file, place_key(f->finding.loc).line_column);
        if (!slot->value)
            slot->value = (void *)f;
    }
}

/* The first finding standing at LOC, or NULL. */
static const struct stored_finding *finding_at(const struct vmsd_strset *places,
                                               struct vmsd_loc loc)
{
    struct vmsd_strset_slot *slot = loc.file
        ? vmsd_strset_find_pair(places, loc.file, place_key(loc).line_column)
        : NULL;
    return slot ? slot->value : NULL;
}

static void put_attention(struct vmsd_strbuf *b,
                          const struct stored_finding *f)
{
    if (!f)
        return;
    vmsd_strbuf_puts(b, ", color=red, fontcolor=red, penwidth=2, tooltip=\"");
    put_escaped(b, f->finding.message);
    vmsd_strbuf_printf(b, " [%s]\"", vmsd_rule_id(f->finding.rule));
}

/* Mark what ROOT loads, transitively (subsections and nested fields),
 * with a stack of its own: a chain of a million subsections is deeper
 * than the call stack. */
static void mark(const struct vmsd_desc *root, struct vmsd_uid_index *shown)
{
    const struct vmsd_desc **stack = NULL;
    size_t n = 0;
    *VMSD_APPEND(stack, n) = root;
    while (n) {
        const struct vmsd_desc *d = stack[--n];
        if (!d || vmsd_uid_index_get(shown, d->uid))
            continue;
        vmsd_uid_index_put(shown, d->uid, (void *)d);
        const struct vmsd_sublist *list = d->subsections;
        size_t length = list ? vmsd_sublist_length(list) : 0;
        for (size_t i = 0; i < length; i++)
            *VMSD_APPEND(stack, n) = list->slots[i].target;
        for (size_t i = 0; d->fields && i < d->fields->n_fields; i++)
            *VMSD_APPEND(stack, n) = d->fields->fields[i].vmsd.target;
    }
    free(stack);
}

static const struct vmsd_desc *find_root(const struct vmsd_model *model,
                                         const char *root)
{
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if ((d->symbol && strcmp(d->symbol, root) == 0)
            || (d->name && strcmp(d->name, root) == 0))
            return d;
    }
    return NULL;
}

static void put_node(struct vmsd_strbuf *b, const struct vmsd_desc *d,
                     const struct vmsd_strset *findings)
{
    vmsd_strbuf_printf(b, "  d%u [label=\"", d->uid);
    put_escaped(b, d->name ? d->name : "(no name)");
    vmsd_strbuf_puts(b, "\\n");
    put_escaped(b, d->symbol);
    if (d->loc.file) {
        vmsd_strbuf_puts(b, "\\n");
        put_escaped(b, d->loc.file);
        vmsd_strbuf_printf(b, ":%u", d->loc.line);
    }
    vmsd_strbuf_puts(b, "\"");
    put_attention(b, finding_at(findings, d->loc));
    vmsd_strbuf_puts(b, "];\n");
}

static void put_edges(struct vmsd_strbuf *b, const struct vmsd_desc *d,
                      const struct vmsd_strset *findings)
{
    const struct vmsd_sublist *list = d->subsections;
    size_t length = list ? vmsd_sublist_length(list) : 0;
    for (size_t i = 0; i < length; i++) {
        const struct vmsd_ref *e = &list->slots[i];
        if (!e->target)
            continue;
        vmsd_strbuf_printf(b, "  d%u -> d%u [label=\"%zu\"", d->uid,
                           e->target->uid, i + 1);
        put_attention(b, finding_at(findings, e->loc));
        vmsd_strbuf_puts(b, "];\n");
    }
    for (size_t i = 0; d->fields && i < d->fields->n_fields; i++) {
        const struct vmsd_field *f = &d->fields->fields[i];
        if (!f->vmsd.target)
            continue;
        vmsd_strbuf_printf(b, "  d%u -> d%u [style=dashed, label=\"", d->uid,
                           f->vmsd.target->uid);
        put_escaped(b, f->name);
        vmsd_strbuf_puts(b, "\"];\n");
    }
}

char *graph_render(const struct program *program, const struct report *report,
                   const char *root)
{
    const struct vmsd_model *model = &program->model;
    struct vmsd_uid_index shown = { 0 };
    if (root) {
        const struct vmsd_desc *r = find_root(model, root);
        if (!r)
            return NULL;
        mark(r, &shown);
    }

    struct vmsd_strset findings = { 0 };
    index_findings(report, &findings);
    struct vmsd_strbuf b = { 0 };
    vmsd_strbuf_puts(&b, "digraph vmsd {\n  rankdir=LR;\n"
                     "  node [shape=box, fontname=\"monospace\"];\n");
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (!root || vmsd_uid_index_get(&shown, d->uid))
            put_node(&b, d, &findings);
    }
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (!root || vmsd_uid_index_get(&shown, d->uid))
            put_edges(&b, d, &findings);
    }
    vmsd_strbuf_puts(&b, "}\n");
    vmsd_uid_index_free(&shown);
    vmsd_strset_free(&findings);
    return vmsd_strbuf_take(&b);
}
