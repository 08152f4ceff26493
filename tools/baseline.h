/* Reading the base's JSON report for db check --baseline: its programs'
 * description graphs and its findings' fingerprints. */
#ifndef VMSDCHECK_TOOL_BASELINE_H
#define VMSDCHECK_TOOL_BASELINE_H

#include "../checker/baseline.h"
#include "../checker/strset.h"

struct baseline {
    struct vmsd_base_program *programs;
    size_t n_programs;
    struct vmsd_strset fingerprints;
    bool has_source_root;       /* made with --source-root */
};

/* False, with the reason on stderr, when PATH is not a whole vmsdcheck
 * JSON report of this version. */
bool baseline_read(const char *path, struct baseline *out);
void baseline_free(struct baseline *baseline);

/* The base program that program NAME of a run of N programs compares
 * with: the one of the same name, else of the same last path part, else
 * the only one when both runs have one.  NULL when none. */
const struct vmsd_base_program *baseline_match(const struct baseline *b,
                                               const char *name, size_t n);

#endif
