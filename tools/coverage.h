/* vmsdcheck coverage: which C units of the programs carry facts, and
 * which files of the source tree that define descriptions are in none
 * of the programs (a target not built, a file behind a configure
 * option): what every other command cannot see. */
#ifndef VMSDCHECK_TOOL_COVERAGE_H
#define VMSDCHECK_TOOL_COVERAGE_H

#include "program.h"
#include "report.h"
#include "sourcetree.h"

struct coverage {
    const struct program *programs;
    const struct program_input *inputs;
    size_t n_programs;
    const char *root;                   /* --source-root, or NULL */
    /* With a root: its files that define descriptions, and those of
     * them no program names as a unit (borrowed from 'tree'). */
    struct source_files tree;
    const char **not_built;
    size_t n_not_built;
};

/* Walk ROOT (when not NULL) and find the files no program has: false,
 * with the reason on stderr, when the tree cannot be read.  A file
 * counts as a program's when a unit is named by the same path (names
 * taken as paths_display gives them, relative to ROOT), or, for a unit
 * named without directories (a symbol table's file symbol), by the same
 * last part. */
bool coverage_find(struct coverage *c, const struct program *programs,
                   const struct program_input *inputs, size_t n_programs,
                   const char *root);
void coverage_free(struct coverage *c);

/* The text: text (one line per program, its units without facts, the
 * files of the tree in no program) or JSON. */
char *coverage_render(const struct coverage *c, enum report_format format);

/* Something is missed: a unit without facts, or a file not built. */
bool coverage_incomplete(const struct coverage *c);

/* The line db generate prints on stderr with --source-root. */
void coverage_not_built_summary(const struct coverage *c, FILE *out);

#endif
