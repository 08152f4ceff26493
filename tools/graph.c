/* vmsdcheck graph. */
#include "graph.h"

#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz refuses a quoted string of 16,384 bytes or more ("longer
 * than 16384?"); longer text is written as pieces joined by '+', which
 * dot concatenates. */
#define DOT_PIECE_MAX 8192
/* A name in a label is cut after this many bytes (of its shown form)
 * and ends in an ellipsis; the tooltip has it whole. */
#define DOT_LABEL_NAME_MAX 1024

/* A quoted dot string being written, for the piece its length counts. */
struct dot_string {
    struct vmsd_strbuf *b;
    size_t piece;
};

static struct dot_string dot_open(struct vmsd_strbuf *b)
{
    vmsd_strbuf_put(b, "\"", 1);
    return (struct dot_string){ b, 1 };
}

static void dot_close(struct dot_string *s)
{
    vmsd_strbuf_put(s->b, "\"", 1);
}

/* TEXT, safe to show already (vmsdcheck's own text, a finding's message),
 * with dot's quote and backslash escaped, at most MAX bytes of it (then
 * an ellipsis); a new piece begins only where a character does.  True
 * when it was cut. */
static bool dot_put(struct dot_string *s, const char *text, size_t max)
{
    size_t n = 0;
    for (const char *p = text; *p; p++, n++) {
        bool starts_char = ((unsigned char)*p & 0xc0) != 0x80;
        if (starts_char && n >= max) {
            vmsd_strbuf_puts(s->b, "\xe2\x80\xa6");        /* U+2026 */
            return true;
        }
        if (starts_char && s->piece >= DOT_PIECE_MAX) {
            vmsd_strbuf_puts(s->b, "\" + \"");
            s->piece = 1;
        }
        if (*p == '"' || *p == '\\') {
            vmsd_strbuf_put(s->b, "\\", 1);
            s->piece++;
        }
        vmsd_strbuf_put(s->b, p, 1);
        s->piece++;
    }
    return false;
}

/* A line break in a label or a tooltip. */
static void dot_newline(struct dot_string *s)
{
    vmsd_strbuf_puts(s->b, "\\n");
    s->piece += 2;
}

/* NAME (untrusted: a name, a symbol, a file name) as the terminal shows
 * it (control bytes escaped: they make the SVG dot writes ill-formed),
 * cut to MAX bytes: true when it was cut. */
static bool dot_put_name(struct dot_string *s, const char *name, size_t max)
{
    char *shown = vmsd_shown(name);
    bool cut = dot_put(s, shown, max);
    free(shown);
    return cut;
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

/* The red of a place with a finding. */
static void put_attention(struct vmsd_strbuf *b,
                          const struct stored_finding *f)
{
    if (f)
        vmsd_strbuf_puts(b, ", color=red, fontcolor=red, penwidth=2");
}

/* A finding's message and rule, in a tooltip. */
static void put_finding(struct dot_string *s, const struct stored_finding *f)
{
    char rule[64];
    snprintf(rule, sizeof rule, " [%s]", vmsd_rule_id(f->finding.rule));
    dot_put(s, f->finding.message, SIZE_MAX);
    dot_put(s, rule, SIZE_MAX);
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

/* D's name, symbol and place, each cut to MAX bytes: true when one
 * was cut. */
static bool put_desc_text(struct dot_string *s, const struct vmsd_desc *d,
                          size_t max)
{
    char line[16];
    bool cut = d->name ? dot_put_name(s, d->name, max)
                       : dot_put(s, "(no name)", max);
    dot_newline(s);
    cut |= dot_put_name(s, d->symbol, max);
    if (d->loc.file) {
        dot_newline(s);
        cut |= dot_put_name(s, d->loc.file, max);
        snprintf(line, sizeof line, ":%u", d->loc.line);
        dot_put(s, line, SIZE_MAX);
    }
    return cut;
}

/* A node: its label with names cut, and a tooltip with them whole when
 * one was cut, and with the finding at its place. */
static void put_node(struct vmsd_strbuf *b, const struct vmsd_desc *d,
                     const struct vmsd_strset *findings)
{
    vmsd_strbuf_printf(b, "  d%u [label=", d->uid);
    struct dot_string s = dot_open(b);
    bool cut = put_desc_text(&s, d, DOT_LABEL_NAME_MAX);
    dot_close(&s);
    const struct stored_finding *f = finding_at(findings, d->loc);
    put_attention(b, f);
    if (cut || f) {
        vmsd_strbuf_puts(b, ", tooltip=");
        s = dot_open(b);
        if (cut)
            put_desc_text(&s, d, SIZE_MAX);
        if (cut && f)
            dot_newline(&s);
        if (f)
            put_finding(&s, f);
        dot_close(&s);
    }
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
        const struct stored_finding *f = finding_at(findings, e->loc);
        put_attention(b, f);
        if (f) {
            vmsd_strbuf_puts(b, ", tooltip=");
            struct dot_string s = dot_open(b);
            put_finding(&s, f);
            dot_close(&s);
        }
        vmsd_strbuf_puts(b, "];\n");
    }
    for (size_t i = 0; d->fields && i < d->fields->n_fields; i++) {
        const struct vmsd_field *f = &d->fields->fields[i];
        if (!f->vmsd.target)
            continue;
        vmsd_strbuf_printf(b, "  d%u -> d%u [style=dashed, label=", d->uid,
                           f->vmsd.target->uid);
        struct dot_string s = dot_open(b);
        bool cut = dot_put_name(&s, f->name, DOT_LABEL_NAME_MAX);
        dot_close(&s);
        if (cut) {
            vmsd_strbuf_puts(b, ", tooltip=");
            s = dot_open(b);
            dot_put_name(&s, f->name, SIZE_MAX);
            dot_close(&s);
        }
        vmsd_strbuf_puts(b, "];\n");
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
