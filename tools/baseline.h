/* Reading the base's JSON report for db check --baseline: its programs'
 * description graphs and its findings' fingerprints. */
#ifndef VMSDCHECK_TOOL_BASELINE_H
#define VMSDCHECK_TOOL_BASELINE_H

#include "../checker/baseline.h"
#include "../checker/strset.h"

struct program;

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

/* The base program each of the N PROGRAMS compares with, into OUT:
 * the one PAIRS ("BASE=PROGRAM", each name whole or its last path part)
 * give, else the one of the same name, else of the same last path part,
 * else, when both runs have one program, that one if the program has at
 * least 90 % of its description names (a renamed binary; an unrelated
 * base is refused).  False, with both lists of names on stderr, when a
 * program has none or a pair names a program that is not there. */
bool baseline_pair_programs(const struct baseline *b, const char *path,
                            const struct program *programs, size_t n,
                            char *const *pairs, size_t n_pairs,
                            const struct vmsd_base_program **out);

#endif
