/* bench: the plugin's cost (make bench, docs/benchmarks.md).
 *
 * Each unit is compiled without and with -fplugin, side by side in one
 * run, two ways:
 *   - counted: the instructions of the whole compile (cc1 and as, the
 *     driver apart), the pair under valgrind's cachegrind at once, one
 *     per core; a count is deterministic, but GCC's heap falls
 *     otherwise with any shift of what it allocates, and with it what
 *     its malloc costs, so the pair may be counted under several heap
 *     layouts (--layouts) and the median growth taken;
 *   - timed: the pair run again and again, interleaved (the order
 *     alternates every iteration so slow drift cancels), reported as the
 *     median of the per-iteration ratios with/without of CPU time, and
 *     the peak memory of both.
 *
 * One struct bench, filled by main.c from the command line, is handed to
 * every part; each file has one job:
 *   main.c     the command line (a table of options that prints its own
 *              help) and the order of the work
 *   command.c  command lines: words split like a shell's, shown quoted,
 *              and counts given on them (gen-bench-unit uses it too)
 *   units.c    what to compile: --unit files and compile_commands.json
 *              entries, as argument vectors without and with the plugin
 *   measure.c  the temporary files, running one compile, a unit's
 *              interleaved timed iterations
 *   count.c    a unit's compiles under cachegrind, their counts read
 *   stats.c    medians, their confidence intervals, a unit's summary
 *   report.c   what is printed about a unit, and the final tables
 */
#ifndef VMSDCHECK_BENCH_H
#define VMSDCHECK_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <jansson.h>

#include "command.h"

#define DEFAULT_RUNS 11
#define MAX_RUNS 1000
#define MAX_LAYOUTS 9
#define GOAL_OVERHEAD_PCT 1.0           /* of the median CPU time */
#define GOAL_RSS_KIB 2048L
#define GOAL_INSTRUCTIONS_PCT 0.5       /* of the compile's instructions */
#define GOAL_INSTRUCTIONS_O0_PCT 1.0    /* the same, at -O0 */

enum { WITHOUT, WITH };
extern const char *const variant_names[2];      /* "without", "with" */

/* The programs of a compile whose instructions are counted apart. */
enum program { DRIVER, CC1, AS, N_PROGRAMS };
extern const char *const program_names[N_PROGRAMS];

/* units.c */

struct unit {
    char *label;                /* what the tables show */
    const char *level;          /* its last -O option, or "-O0" */
    char *dir;                  /* run here; NULL: the current directory */
    struct strvec argv[2];      /* the compile without and with the plugin */
    int runs;
    bool from_compdb;

    /* Spec, before the argument vectors are built. */
    char *source;               /* --unit FILE */
    char *cflags;               /* --cflags for it */
    char *compdb;               /* --compdb for --file */
    char *suffix;               /* --file SUFFIX */

    /* Counted: instructions per program, summed over its processes, and
     * of them those of glibc's allocator (malloc, free and their
     * internals: the functions of its malloc/ sources). */
    unsigned long long instructions[2][N_PROGRAMS];
    unsigned long long allocator[2][N_PROGRAMS];
    long long object_bytes[2];  /* the object file's size */
    /* Counted under several layouts: the total's growth under each, in
     * percent, and the layout whose counts are above (the median). */
    double layout_pct[MAX_LAYOUTS];
    int n_layouts, median_layout;

    /* Timed: one entry per iteration. */
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

/* The temporary directory: a directory per variant, so that the pair
 * can run at once, each with its object file (units are compiled one
 * after the other, so they share it), what the compiler printed, and
 * cachegrind's files. */
struct bench_temp {
    char *dir;
    char *variant_dir[2];
    char *object[2];
    char *output[2];
};

struct bench {
    /* The command line. */
    const char *plugin;         /* --plugin, as given */
    const char *cc;             /* --cc, for --unit */
    const char *valgrind;       /* --valgrind */
    bool count;                 /* not --no-count */
    bool time;                  /* not --no-time */
    int runs;                   /* --runs */
    int compdb_runs;            /* --compdb-runs; -1: --runs */
    int warmup;                 /* --warmup */
    int layouts;                /* --layouts */
    struct strvec plugin_arg_specs;     /* --plugin-arg, as given */
    struct unit *units;         /* in the order given */
    size_t n_units;

    /* Made from it. */
    char *plugin_path;          /* absolute: compdb units run elsewhere */
    char *plugin_name;          /* its file name without .so */
    struct strvec plugin_args;  /* -fplugin=PATH, -fplugin-arg-NAME-ARG */
    struct compdb *compdbs;
    size_t n_compdbs;
    struct bench_temp temp;
    const char *randomized;     /* why addresses stay random, or NULL */
};

/* A new unit at the end of B's, zeroed. */
struct unit *add_unit(struct bench *b);
/* Every unit's argument vectors and runs; false (with a message) when
 * one cannot be built. */
bool build_units(struct bench *b);
void free_units(struct bench *b);

/* measure.c */

/* Make the temporary directories and name the files in them; they are
 * removed by remove_temporaries(), or on SIGINT, SIGTERM and SIGHUP.
 * False with a message. */
bool make_temporaries(struct bench_temp *temp);
void remove_temporaries(struct bench_temp *temp);

/* Call FN with the name of every entry of DIR but "." and "..", DIR
 * open as DIRFD.  Only system calls, so that a signal handler may use
 * it (with an FN that makes only system calls).  False when DIR cannot
 * be read. */
bool for_each_entry(const char *dir,
                    void (*fn)(int dirfd, const char *name, void *arg),
                    void *arg);

/* ARGV started in DIR (NULL: here), its standard output and error into
 * the file OUTPUT; its pid, or -1 with a message. */
pid_t start_command(char *const *argv, const char *dir, const char *output);

/* A compile under way. */
struct compile_run {
    pid_t pid;
    double started;             /* seconds, on a monotonic clock */
};

/* The compile ARGV of U's VARIANT started, its object file removed
 * first; false with a message. */
bool start_compile(const struct bench_temp *temp, const struct unit *u,
                   char *const *argv, int variant, struct compile_run *run);

/* What one compile cost. */
struct sample {
    double cpu;                 /* user + system, seconds */
    double wall;                /* seconds */
    long rss_kib;               /* peak resident set, KiB */
    size_t output_bytes;        /* what it wrote to stdout and stderr */
    long long object_bytes;     /* the object file's size */
};

/* RUN, the compile ARGV of U's VARIANT, reaped; false (with the
 * compiler's output shown) when it did not succeed. */
bool finish_compile(const struct bench_temp *temp, const struct unit *u,
                    char *const *argv, int variant,
                    const struct compile_run *run, struct sample *s);

/* Reap PID, retrying when a signal interrupts; false with a message. */
bool wait_for(pid_t pid, int *status, struct rusage *ru);

/* U counted (when B says so) and timed (when B says so), with its
 * report; false when a compile fails. */
bool bench_unit(const struct bench *b, struct unit *u);

/* count.c */

/* VALGRIND runs cachegrind; false with a message naming the package. */
bool check_cachegrind(const char *valgrind);
/* The macro whose value's length sets a count's heap layout. */
#define LAYOUT_MACRO "VMSD_BENCH_LAYOUT"
/* The instructions of U's compiles into U; false when a compile fails
 * or its counts cannot be read. */
bool count_unit(const struct bench *b, struct unit *u);

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

/* Instructions of one program, or of cc1 and as together (ALL_COUNTED:
 * the driver is apart), without and with the plugin, and the growth in
 * percent. */
#define ALL_COUNTED N_PROGRAMS
struct growth {
    unsigned long long without, with;
    double pct;
};

struct growth instruction_growth(const struct unit *u, int program);
/* The change in the allocator's instructions of cc1 and as with the
 * plugin, in points of the compile without it; false when the counts
 * cannot tell them (no allocator function named: glibc's debugging
 * symbols, Debian's libc6-dbg, are missing). */
bool allocator_change(const struct unit *u, long long *change,
                      double *points);

/* report.c */

/* "WHAT <date and time>, load average ...", so a reader can tell
 * whether something else ran during a unit. */
void print_clock(const char *what);
/* U's counts after they were read, the pair having taken SECONDS. */
void report_unit_counts(const struct unit *u, double seconds);
/* The medians of U after its timed runs. */
void report_unit_times(const struct unit *u);
/* The plugin, the tables of every unit, and the goals. */
void report_summary(const struct bench *b);

#endif
