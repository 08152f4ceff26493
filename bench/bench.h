/* bench: the plugin's cost as a ratio (make bench, docs/benchmarks.md).
 *
 * Each unit is compiled without and with -fplugin, side by side in one
 * run, interleaved (the order of the pair alternates every iteration so
 * slow drift cancels), and the report is the median of the per-iteration
 * ratios with/without of CPU time, and the peak memory of both.
 *
 * One struct bench, filled by main.c from the command line, is handed to
 * every part; each file has one job:
 *   main.c     the command line and the order of the work
 *   command.c  command lines: words split like a shell's, shown quoted,
 *              and counts given on them (gen-bench-unit uses it too)
 *   units.c    what to compile: --unit files and compile_commands.json
 *              entries, as argument vectors
 *   measure.c  the temporary files, one timed compile, a unit's
 *              interleaved iterations
 *   stats.c    medians, their confidence intervals, a unit's summary
 *   report.c   what is printed about a unit, and the final table
 */
#ifndef VMSDCHECK_BENCH_H
#define VMSDCHECK_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "command.h"

#define DEFAULT_RUNS 11
#define MAX_RUNS 1000
#define GOAL_OVERHEAD_PCT 1.0
#define GOAL_RSS_KIB 2048L

enum { WITHOUT, WITH };
extern const char *const variant_names[2];      /* "without", "with" */

/* units.c */

struct unit {
    char *label;                /* what the tables show */
    char *dir;                  /* run here; NULL: the current directory */
    struct strvec argv;         /* the compile without the plugin */
    int runs;
    bool from_compdb;

    /* Spec, before the argument vector is built. */
    char *source;               /* --unit FILE */
    char *cflags;               /* --cflags for it */
    char *compdb;               /* --compdb for --file */
    char *suffix;               /* --file SUFFIX */

    /* Results: one entry per timed iteration. */
    double *cpu[2];
    double *wall[2];
    double *rss[2];             /* KiB, as doubles for median() */
    double *ratio;
    size_t diag_bytes[2];       /* largest stderr+stdout of a run */
};

/* A compilation database, read once however many units come from it. */
struct compdb {
    char *path;
    json_t *root;
};

/* The temporary directory: the object file (units are compiled one
 * after the other, so they share it) and one output file per variant. */
struct bench_temp {
    char *dir;
    char *object;
    char *output[2];            /* what the compiler printed, per variant */
};

struct bench {
    /* The command line. */
    const char *plugin;         /* --plugin, as given */
    const char *cc;             /* --cc, for --unit */
    int runs;                   /* --runs */
    int compdb_runs;            /* --compdb-runs; -1: --runs */
    int warmup;                 /* --warmup */
    struct strvec plugin_arg_specs;     /* --plugin-arg, as given */
    struct unit *units;         /* in the order given */
    size_t n_units;

    /* Made from it. */
    char *plugin_path;          /* absolute: compdb units run elsewhere */
    struct strvec plugin_args;  /* -fplugin=PATH, -fplugin-arg-NAME-ARG */
    struct compdb *compdbs;
    size_t n_compdbs;
    struct bench_temp temp;
};

/* A new unit at the end of B's, zeroed. */
struct unit *add_unit(struct bench *b);
/* Every unit's argument vector and runs; false (with a message) when
 * one cannot be built. */
bool build_units(struct bench *b);
void free_units(struct bench *b);

/* measure.c */

/* Make the temporary directory and name the files in it; they are
 * removed by remove_temporaries(), or on SIGINT, SIGTERM and SIGHUP.
 * False with a message. */
bool make_temporaries(struct bench_temp *temp);
void remove_temporaries(struct bench_temp *temp);

/* The warm-up and the timed iterations of U, with and without the
 * plugin, then its report; false when a compile fails. */
bool bench_unit(const struct bench *b, struct unit *u);

/* stats.c */

/* The median of N values (N > 0) and a distribution-free 95%
 * confidence interval for it; below 6 values the interval is the range
 * and 'exact' is false. */
struct median_ci {
    double median, min, max;
    double lo, hi;
    bool exact;
};

double median(const double *values, size_t n);
struct median_ci median_ci(const double *values, size_t n);

struct summary {
    double cpu[2], wall[2];     /* medians, seconds */
    long rss[2], rss_delta;     /* median peaks, KiB */
    struct median_ci ratio;     /* of the CPU-time ratios with/without */
    double wall_ratio;          /* the median wall-time ratio */
    double overhead_pct;        /* (ratio.median - 1) * 100 */
};

struct summary summarize(const struct unit *u);

/* report.c */

/* "WHAT <date and time>, load average ...", so a reader can tell
 * whether something else ran during a unit. */
void print_clock(const char *what);
/* The medians of U after its runs. */
void report_unit(const struct unit *u);
/* The plugin, the table of every unit, and the goals. */
void report_summary(const struct bench *b);

#endif
