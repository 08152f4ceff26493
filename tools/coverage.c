/* vmsdcheck coverage. */
#include "coverage.h"
#include "paths.h"

#include "../checker/json-name.h"
#include "../checker/strbuf.h"
#include "../checker/strset.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <stdlib.h>

/* The program's units as the tree's paths name them (EXACT) and, for
 * units named without directories, their names (LAST). */
static void add_units(const struct program *p, const struct program_input *in,
                      const char *root, struct vmsd_strset *exact,
                      struct vmsd_strset *last)
{
    for (size_t i = 0; i < p->n_fact_units_named; i++)
        vmsd_strset_add_name(exact, p->fact_units[i]);
    for (size_t i = 0; i < in->n_c_units; i++) {
        if (p->units_from != UNITS_DEBUG_INFO) {
            vmsd_strset_add_name(last, paths_last_part(in->c_units[i]));
            continue;
        }
        char *shown = paths_display(in->c_units[i], root);
        vmsd_strset_add_name(exact, shown);
        free(shown);
    }
    for (size_t i = 0; i < p->n_unlisted; i++)
        vmsd_strset_add_name(last, p->unlisted[i]);
}

bool coverage_find(struct coverage *c, const struct program *programs,
                   const struct program_input *inputs, size_t n_programs,
                   const char *root)
{
    memset(c, 0, sizeof *c);
    c->programs = programs;
    c->inputs = inputs;
    c->n_programs = n_programs;
    c->root = root;
    if (!root)
        return true;
    if (!sourcetree_scan(root, &c->tree))
        return false;
    struct vmsd_strset exact = { 0 }, last = { 0 };
    for (size_t i = 0; i < n_programs; i++)
        add_units(&programs[i], &inputs[i], root, &exact, &last);
    for (size_t i = 0; i < c->tree.n; i++) {
        const char *path = c->tree.paths[i];
        if (vmsd_strset_find_name(&exact, path)
            || vmsd_strset_find_name(&last, paths_last_part(path)))
            continue;
        c->not_built = vmsd_grow(c->not_built, c->n_not_built,
                                 sizeof *c->not_built);
        c->not_built[c->n_not_built++] = path;
    }
    vmsd_strset_free(&exact);
    vmsd_strset_free(&last);
    return true;
}

void coverage_free(struct coverage *c)
{
    source_files_free(&c->tree);
    free(c->not_built);
}

bool coverage_incomplete(const struct coverage *c)
{
    for (size_t i = 0; i < c->n_programs; i++)
        if (c->programs[i].n_uncovered || c->programs[i].n_unlisted)
            return true;
    return c->n_not_built > 0;
}

/* Every C unit of program I with whether it carries facts: those its
 * debug information or symbol table lists, else those the facts name. */
static json_t *json_unit_list(const struct coverage *c, size_t i)
{
    const struct program *p = &c->programs[i];
    json_t *list = json_array();
    if (p->units_from == UNITS_UNKNOWN) {
        for (size_t j = 0; j < p->n_fact_units_named; j++)
            json_array_append_new(list, json_pack("{s:o, s:b}", "file",
                                  vmsd_json_name(p->fact_units[j]), "facts",
                                  1));
        return list;
    }
    struct vmsd_strset uncovered = { 0 };
    for (size_t j = 0; j < p->n_uncovered; j++)
        vmsd_strset_add_name(&uncovered, p->uncovered[j]);
    const struct program_input *in = &c->inputs[i];
    for (size_t j = 0; j < in->n_c_units; j++) {
        char *shown = paths_display(in->c_units[j], c->root);
        bool facts = !vmsd_strset_find_name(&uncovered, shown);
        json_array_append_new(list, json_pack("{s:o, s:b}", "file",
                              vmsd_json_name(shown), "facts", facts));
        free(shown);
    }
    vmsd_strset_free(&uncovered);
    return list;
}

static char *render_json(const struct coverage *c)
{
    json_t *programs = json_array();
    for (size_t i = 0; i < c->n_programs; i++)
        json_array_append_new(programs, json_pack(
            "{s:o, s:o, s:o}", "name", vmsd_json_name(c->programs[i].name),
            "units", report_json_units(&c->programs[i]),
            "files", json_unit_list(c, i)));
    json_t *root = json_pack("{s:s, s:i}", "format", "vmsdcheck-coverage",
                             "version", 1);
    if (c->root) {
        json_t *missed = json_array();
        for (size_t i = 0; i < c->n_not_built; i++)
            json_array_append_new(missed, vmsd_json_name(c->not_built[i]));
        json_object_set_new(root, "source_root", vmsd_json_name(c->root));
        json_object_set_new(root, "programs", programs);
        json_object_set_new(root, "source_tree", json_pack(
            "{s:I, s:I, s:I, s:o}", "c_files", (json_int_t)c->tree.c_files,
            "defining", (json_int_t)c->tree.n,
            "not_built", (json_int_t)c->n_not_built, "files_not_built",
            missed));
    } else {
        json_object_set_new(root, "programs", programs);
    }
    return report_json_text(root);
}

static void put_name(struct vmsd_strbuf *b, const char *indent,
                     const char *name)
{
    vmsd_strbuf_puts(b, indent);
    vmsd_put_shown(b, name);
    vmsd_strbuf_puts(b, "\n");
}

static char *render_text(const struct coverage *c)
{
    static const char *const sources[] = {
        [UNITS_DEBUG_INFO] = "debug information",
        [UNITS_SYMBOLS] = "symbol table", [UNITS_OBJECTS] = "objects",
    };
    struct vmsd_strbuf b = { 0 };
    for (size_t i = 0; i < c->n_programs; i++) {
        const struct program *p = &c->programs[i];
        vmsd_put_shown(&b, p->name);
        if (p->units_from == UNITS_UNKNOWN)
            vmsd_strbuf_printf(&b, ": %zu C units carry facts; the others "
                               "cannot be listed (%s)\n",
                               p->n_fact_units_named, p->units_unknown);
        else
            vmsd_strbuf_printf(&b, ": %zu C units (%s), %zu with facts\n",
                               p->n_c_units, sources[p->units_from],
                               p->n_c_units - p->n_uncovered);
        for (size_t j = 0; j < p->n_uncovered; j++)
            put_name(&b, "  no facts: ", p->uncovered[j]);
        for (size_t j = 0; j < p->n_unlisted; j++)
            put_name(&b, "  no facts, no debug information: ",
                     p->unlisted[j]);
    }
    if (c->root) {
        vmsd_put_shown(&b, c->root);
        vmsd_strbuf_printf(&b, ": %zu of %zu C files define a "
                           "VMStateDescription; %zu of them %s in none of "
                           "the programs%s\n", c->tree.n, c->tree.c_files,
                           c->n_not_built, c->n_not_built == 1 ? "is" : "are",
                           c->n_not_built ? ":" : "");
        for (size_t i = 0; i < c->n_not_built; i++)
            put_name(&b, "  ", c->not_built[i]);
    }
    return vmsd_strbuf_take(&b);
}

char *coverage_render(const struct coverage *c, enum report_format format)
{
    return format == REPORT_JSON ? render_json(c) : render_text(c);
}

void coverage_not_built_summary(const struct coverage *c, FILE *out)
{
    fprintf(out, "vmsdcheck: %zu of the %zu C files under the source root "
            "that define a VMStateDescription %s in none of the programs: "
            "their names are not seen (vmsdcheck coverage --source-root "
            "lists them)\n", c->n_not_built, c->tree.n,
            c->n_not_built == 1 ? "is" : "are");
}
