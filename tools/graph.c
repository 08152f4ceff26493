/* vmsdcheck graph. */
#include "graph.h"

#include "../checker/strbuf.h"

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

static bool same_place(struct vmsd_loc a, struct vmsd_loc b)
{
    return a.file && b.file && a.line == b.line && a.column == b.column
           && strcmp(a.file, b.file) == 0;
}

/* The first finding standing at LOC, or NULL. */
static const struct stored_finding *finding_at(const struct report *report,
                                               struct vmsd_loc loc)
{
    for (size_t i = 0; i < report->n_findings; i++)
        if (same_place(report->findings[i].finding.loc, loc))
            return &report->findings[i];
    return NULL;
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

/* Mark what ROOT loads, transitively (subsections and nested fields). */
static void mark(const struct vmsd_desc *d, struct vmsd_uid_index *shown)
{
    if (!d || vmsd_uid_index_get(shown, d->uid))
        return;
    vmsd_uid_index_put(shown, d->uid, (void *)d);
    const struct vmsd_sublist *list = d->subsections;
    for (size_t i = 0; list && i < vmsd_sublist_length(list); i++)
        mark(list->slots[i].target, shown);
    for (size_t i = 0; d->fields && i < d->fields->n_fields; i++)
        mark(d->fields->fields[i].vmsd.target, shown);
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
                     const struct report *report)
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
    put_attention(b, finding_at(report, d->loc));
    vmsd_strbuf_puts(b, "];\n");
}

static void put_edges(struct vmsd_strbuf *b, const struct vmsd_desc *d,
                      const struct report *report)
{
    const struct vmsd_sublist *list = d->subsections;
    for (size_t i = 0; list && i < vmsd_sublist_length(list); i++) {
        const struct vmsd_ref *e = &list->slots[i];
        if (!e->target)
            continue;
        vmsd_strbuf_printf(b, "  d%u -> d%u [label=\"%zu\"", d->uid,
                           e->target->uid, i + 1);
        put_attention(b, finding_at(report, e->loc));
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

    struct vmsd_strbuf b = { 0 };
    vmsd_strbuf_puts(&b, "digraph vmsd {\n  rankdir=LR;\n"
                     "  node [shape=box, fontname=\"monospace\"];\n");
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (!root || vmsd_uid_index_get(&shown, d->uid))
            put_node(&b, d, report);
    }
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (!root || vmsd_uid_index_get(&shown, d->uid))
            put_edges(&b, d, report);
    }
    vmsd_strbuf_puts(&b, "}\n");
    vmsd_uid_index_free(&shown);
    return vmsd_strbuf_take(&b);
}
