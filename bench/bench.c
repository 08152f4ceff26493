/* bench: the plugin's cost as a ratio.  Each unit is compiled without and
 * with -fplugin, side by side in one run, interleaved (the order of the
 * pair alternates every iteration so slow drift cancels), and the report
 * is the median of the per-iteration ratios with/without of CPU time,
 * and the peak memory of both.
 *
 * Usage: see usage() below, or docs/benchmarks.md.
 *
 * What is measured, per compile: the CPU time (user + system) and the
 * peak resident set of the compiler driver and of every process it waits
 * for (cc1, as), as wait4() reports them, and the wall time around
 * fork/execvp/wait4.  On Linux, wait4()'s ru_maxrss is the largest of
 * the child's own peak and those of the descendants it waited for, so
 * for "gcc -c" it is cc1's peak (docs/benchmarks.md shows the check).
 *
 * Exit status: 0 after a complete benchmark, 1 when a compile fails
 * (its output is shown) or the runner cannot work, 2 on a usage error.
 */
#define _GNU_SOURCE             /* wait4, mkdtemp, realpath */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/whole-file.h"

#define DEFAULT_RUNS 11
#define MAX_RUNS 1000
#define GOAL_OVERHEAD_PCT 1.0
#define GOAL_RSS_KIB 2048L

enum { WITHOUT, WITH };
static const char *const variant_names[] = { "without", "with" };

/* ---------------------------------------------------------------- */
/* A NULL-terminated argument vector. */
struct strvec {
    char **v;
    size_t n;
};

static void strvec_push(struct strvec *sv, char *s)
{
    /* n + 1 slots are in use (the NULL at the end), or none yet. */
    sv->v = vmsd_grow(sv->v, sv->n + 1, sizeof *sv->v);
    sv->v[sv->n++] = s;
    sv->v[sv->n] = NULL;
}

static void strvec_free(struct strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = 0;
}

/* ---------------------------------------------------------------- */
/* Splitting a command line the way a POSIX shell splits simple words:
 * blanks separate words; '...' is literal; "..." is literal except for
 * \" \\ \$ \` and backslash-newline; an unquoted backslash quotes the
 * next character.  Meson writes -D'NAME="value"' or '-DNAME="value"'.
 * Expansions ($x, globs, ~) are not performed: compile_commands.json
 * does not use them.  Returns false with a message on an unterminated
 * quote. */
static bool split_command(const char *s, struct strvec *out,
                          char *err, size_t errsize)
{
    struct vmsd_strbuf word = { 0 };
    bool in_word = false;

    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\\' && p[1] == '\n') {
            p++;                /* a line continuation */
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word)
                strvec_push(out, vmsd_strbuf_take(&word));
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (!end) {
                snprintf(err, errsize, "unterminated ' in the command");
                free(word.data);
                return false;
            }
            vmsd_strbuf_put(&word, p + 1, (size_t)(end - p - 1));
            p = end;
        } else if (c == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1])) {
                    p++;
                    if (*p == '\n')
                        continue;
                }
                vmsd_strbuf_put(&word, p, 1);
            }
            if (!*p) {
                snprintf(err, errsize, "unterminated \" in the command");
                free(word.data);
                return false;
            }
        } else if (c == '\\') {
            if (!p[1])
                break;          /* a trailing backslash: nothing to quote */
            vmsd_strbuf_put(&word, ++p, 1);
        } else {
            vmsd_strbuf_put(&word, p, 1);
        }
    }
    if (in_word)
        strvec_push(out, vmsd_strbuf_take(&word));
    free(word.data);
    return true;
}

/* ---------------------------------------------------------------- */
/* Units. */

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

static struct unit *units;
static size_t n_units;

static struct unit *add_unit(void)
{
    units = vmsd_grow(units, n_units, sizeof *units);
    struct unit *u = &units[n_units++];
    memset(u, 0, sizeof *u);
    return u;
}

/* ---------------------------------------------------------------- */
/* The temporary directory: the object file (units are compiled one
 * after the other, so they share it) and one output file per variant.
 * Removed at exit, and on SIGINT/SIGTERM/SIGHUP. */

static char tmp_dir[PATH_MAX - 64];     /* room for the names in it */
static char object_path[PATH_MAX];
static char out_path[2][PATH_MAX];      /* compiler output, per variant */

static void remove_temporaries(void)
{
    if (!tmp_dir[0])
        return;
    unlink(object_path);
    for (int v = 0; v < 2; v++)
        unlink(out_path[v]);
    rmdir(tmp_dir);
}

static void on_signal(int sig)
{
    /* unlink and rmdir are async-signal-safe; the paths are built
     * before the first compile. */
    remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---------------------------------------------------------------- */
/* compile_commands.json */

struct compdb {
    char *path;
    json_t *root;
};

static struct compdb *compdbs;
static size_t n_compdbs;

static json_t *load_compdb(const char *path)
{
    for (size_t i = 0; i < n_compdbs; i++)
        if (strcmp(compdbs[i].path, path) == 0)
            return compdbs[i].root;
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    if (!root) {
        fprintf(stderr, "bench: %s:%d:%d: %s\n", path, error.line,
                error.column, error.text);
        return NULL;
    }
    if (!json_is_array(root)) {
        fprintf(stderr, "bench: %s: not a compilation database "
                "(a JSON array)\n", path);
        json_decref(root);
        return NULL;
    }
    compdbs = vmsd_grow(compdbs, n_compdbs, sizeof *compdbs);
    compdbs[n_compdbs].path = vmsd_strdup(path);
    compdbs[n_compdbs].root = root;
    n_compdbs++;
    return root;
}

/* FILE ends with SUFFIX at a path-component boundary. */
static bool has_path_suffix(const char *file, const char *suffix)
{
    size_t fl = strlen(file), sl = strlen(suffix);
    if (sl == 0 || sl > fl || strcmp(file + fl - sl, suffix) != 0)
        return false;
    return sl == fl || file[fl - sl - 1] == '/' || suffix[0] == '/';
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The entry's arguments with dependency output dropped (-MD, -MMD, -MP,
 * -MF X, -MQ X, -MT X) and the object written to OBJECT. */
static void filter_arguments(struct strvec *in, const char *object,
                             struct strvec *out)
{
    bool have_output = false;
    for (size_t i = 0; i < in->n; i++) {
        const char *a = in->v[i];
        if (i > 0 && (strcmp(a, "-MD") == 0 || strcmp(a, "-MMD") == 0
                      || strcmp(a, "-MP") == 0))
            continue;
        if (i > 0 && (strcmp(a, "-MF") == 0 || strcmp(a, "-MQ") == 0
                      || strcmp(a, "-MT") == 0)) {
            i++;                /* and its operand */
            continue;
        }
        if (i > 0 && (starts_with(a, "-MF") || starts_with(a, "-MQ")
                      || starts_with(a, "-MT")))
            continue;           /* -MFfile */
        if (i > 0 && strcmp(a, "-o") == 0) {
            strvec_push(out, vmsd_strdup("-o"));
            strvec_push(out, vmsd_strdup(object));
            i++;
            have_output = true;
            continue;
        }
        if (i > 0 && starts_with(a, "-o")) {
            strvec_push(out, vmsd_format(NULL, "-o%s", object));
            have_output = true;
            continue;
        }
        strvec_push(out, vmsd_strdup(a));
    }
    if (!have_output) {
        /* Never let a compile write next to the sources. */
        strvec_push(out, vmsd_strdup("-o"));
        strvec_push(out, vmsd_strdup(object));
    }
}

static bool build_compdb_unit(struct unit *u, const char *object)
{
    json_t *root = load_compdb(u->compdb);
    if (!root)
        return false;

    size_t i;
    json_t *entry = NULL;
    json_array_foreach(root, i, entry) {
        const char *file = json_string_value(json_object_get(entry, "file"));
        if (file && has_path_suffix(file, u->suffix))
            break;
    }
    if (i == json_array_size(root)) {
        fprintf(stderr, "bench: no entry of %s has a \"file\" ending in "
                "%s\n", u->compdb, u->suffix);
        return false;
    }

    const char *dir = json_string_value(json_object_get(entry, "directory"));
    const char *command = json_string_value(json_object_get(entry,
                                                            "command"));
    json_t *arguments = json_object_get(entry, "arguments");
    struct strvec words = { 0 };
    if (command) {
        char err[128];
        if (!split_command(command, &words, err, sizeof err)) {
            fprintf(stderr, "bench: %s: the command for %s: %s\n",
                    u->compdb, u->suffix, err);
            strvec_free(&words);
            return false;
        }
    } else if (json_is_array(arguments)) {
        size_t k;
        json_t *arg;
        json_array_foreach(arguments, k, arg) {
            if (!json_is_string(arg)) {
                fprintf(stderr, "bench: %s: an argument for %s is not a "
                        "string\n", u->compdb, u->suffix);
                strvec_free(&words);
                return false;
            }
            strvec_push(&words, vmsd_strdup(json_string_value(arg)));
        }
    }
    if (words.n == 0) {
        fprintf(stderr, "bench: %s: the entry for %s has no \"command\" "
                "or \"arguments\"\n", u->compdb, u->suffix);
        strvec_free(&words);
        return false;
    }

    filter_arguments(&words, object, &u->argv);
    strvec_free(&words);
    u->dir = dir ? vmsd_strdup(dir) : NULL;
    u->label = vmsd_strdup(u->suffix);
    return true;
}

static bool build_source_unit(struct unit *u, const char *cc,
                              const char *object)
{
    char err[128];
    if (!split_command(cc, &u->argv, err, sizeof err) || u->argv.n == 0) {
        fprintf(stderr, "bench: --cc '%s': %s\n", cc,
                u->argv.n ? err : "no compiler");
        return false;
    }
    if (u->cflags && !split_command(u->cflags, &u->argv, err, sizeof err)) {
        fprintf(stderr, "bench: --cflags '%s': %s\n", u->cflags, err);
        return false;
    }
    strvec_push(&u->argv, vmsd_strdup("-c"));
    strvec_push(&u->argv, vmsd_strdup(u->source));
    strvec_push(&u->argv, vmsd_strdup("-o"));
    strvec_push(&u->argv, vmsd_strdup(object));
    u->label = vmsd_strdup(u->source);
    return true;
}

/* ---------------------------------------------------------------- */
/* Running one compile. */

struct sample {
    double cpu;                 /* user + system, seconds */
    double wall;                /* seconds */
    long rss_kib;               /* peak resident set, KiB */
    size_t output_bytes;        /* what it wrote to stdout and stderr */
};

static double seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_argv(FILE *out, char **argv)
{
    for (size_t i = 0; argv[i]; i++) {
        const char *a = argv[i];
        bool plain = *a && strspn(a, "abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                  "-_=./,:+@%") == strlen(a);
        fputs(i ? " " : "", out);
        if (plain) {
            fputs(a, out);
        } else {
            fputc('\'', out);
            for (; *a; a++) {
                if (*a == '\'')
                    fputs("'\\''", out);
                else
                    fputc(*a, out);
            }
            fputc('\'', out);
        }
    }
    fputc('\n', out);
}

static void show_file(FILE *out, const char *path)
{
    size_t length;
    const char *why;
    char *text = vmsd_read_whole_file(path, VMSD_MAX_REPORT_BYTES, &length,
                                      &why);
    if (text)
        fwrite(text, 1, length, out);
    free(text);
}

/* Fork, exec and wait; false (with the compiler's output shown) when the
 * compile does not succeed. */
static bool run_compile(const struct unit *u, char **argv, int variant,
                        struct sample *s)
{
    const char *output = out_path[variant];
    fflush(stdout);
    fflush(stderr);

    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench: fork");
        return false;
    }
    if (pid == 0) {
        int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                      0644);
        int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0
            || dup2(fd, 2) < 0)
            _exit(126);
        if (u->dir && chdir(u->dir) != 0) {
            dprintf(2, "bench: cannot enter %s: %s\n", u->dir,
                    strerror(errno));
            _exit(126);
        }
        execvp(argv[0], argv);
        dprintf(2, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }

    int status;
    struct rusage ru;
    pid_t got;
    do
        got = wait4(pid, &status, 0, &ru);
    while (got < 0 && errno == EINTR);
    double end = now();
    if (got < 0) {
        perror("bench: wait4");
        return false;
    }

    struct stat st;
    s->output_bytes = stat(output, &st) == 0 ? (size_t)st.st_size : 0;
    s->cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    s->wall = end - start;
    s->rss_kib = ru.ru_maxrss;  /* KiB on Linux */

    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;

    fprintf(stderr, "bench: the compile of %s %s the plugin ",
            u->label, variant_names[variant]);
    if (WIFEXITED(status))
        fprintf(stderr, "failed (exit status %d)", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        fprintf(stderr, "was killed by signal %d (%s)", WTERMSIG(status),
                strsignal(WTERMSIG(status)));
    else
        fprintf(stderr, "ended with status 0x%x", status);
    fprintf(stderr, "\n  in %s:\n  ", u->dir ? u->dir : ".");
    print_argv(stderr, argv);
    fprintf(stderr, "--- its output ---\n");
    show_file(stderr, output);
    fprintf(stderr, "---\n");
    return false;
}

/* ---------------------------------------------------------------- */
/* Statistics. */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The N values in increasing order, in a new array. */
static double *sorted_copy(const double *values, size_t n)
{
    double *copy = vmsd_xrealloc(NULL, n * sizeof *copy);
    memcpy(copy, values, n * sizeof *copy);
    qsort(copy, n, sizeof *copy, cmp_double);
    return copy;
}

/* The median of N sorted values; N > 0.  An even count averages the
 * middle two. */
static double sorted_median(const double *sorted, size_t n)
{
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static double median(const double *values, size_t n)
{
    double *sorted = sorted_copy(values, n);
    double m = sorted_median(sorted, n);
    free(sorted);
    return m;
}

/* A distribution-free confidence interval for the median of N values:
 * [x(l), x(N+1-l)] of the sorted values, with l the largest rank for
 * which P(Binomial(N, 1/2) <= l - 1) <= 2.5%, so the interval covers
 * the true median with probability >= 95%.  Below 6 values no such l
 * exists: the interval is then the range, and *exact is false. */
static void median_ci(const double *sorted, size_t n, double *lo, double *hi,
                      bool *exact)
{
    double pmf = 1;             /* P(B = 0) = 2^-n; n <= MAX_RUNS */
    for (size_t i = 0; i < n; i++)
        pmf /= 2;
    double cdf = 0;
    size_t l = 0;               /* ranks 1..l-1 are excluded below */
    for (size_t k = 0; k < n; k++) {
        cdf += pmf;             /* P(B <= k) */
        if (cdf > 0.025)
            break;
        l = k + 1;
        pmf = pmf * (double)(n - k) / (double)(k + 1);
    }
    *exact = l >= 1;
    if (l < 1)
        l = 1;
    *lo = sorted[l - 1];
    *hi = sorted[n - l];
}

struct summary {
    double cpu[2], wall[2];
    double ratio, ratio_min, ratio_max, wall_ratio;
    double ratio_lo, ratio_hi;  /* 95% confidence interval of the median */
    bool ci_exact;
    double overhead_pct;
    long rss[2], rss_delta;
};

static struct summary summarize(const struct unit *u)
{
    struct summary s;
    size_t n = (size_t)u->runs;
    double *wall_ratio = vmsd_xrealloc(NULL, n * sizeof *wall_ratio);
    for (int v = 0; v < 2; v++) {
        s.cpu[v] = median(u->cpu[v], n);
        s.wall[v] = median(u->wall[v], n);
        s.rss[v] = (long)median(u->rss[v], n);
    }
    for (size_t i = 0; i < n; i++)
        wall_ratio[i] = u->wall[WITHOUT][i] > 0
                        ? u->wall[WITH][i] / u->wall[WITHOUT][i] : 1;
    double *ratio = sorted_copy(u->ratio, n);
    s.ratio = sorted_median(ratio, n);
    s.ratio_min = ratio[0];
    s.ratio_max = ratio[n - 1];
    median_ci(ratio, n, &s.ratio_lo, &s.ratio_hi, &s.ci_exact);
    free(ratio);
    s.wall_ratio = median(wall_ratio, n);
    s.overhead_pct = (s.ratio - 1) * 100;
    s.rss_delta = s.rss[WITH] - s.rss[WITHOUT];
    free(wall_ratio);
    return s;
}

/* ---------------------------------------------------------------- */
/* Benchmarking one unit. */

/* The time and the load averages, so a reader can tell whether something
 * else ran during a unit. */
static void print_clock(const char *what)
{
    time_t t = time(NULL);
    struct tm tm;
    char when[32] = "?";
    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    double load[3];
    if (getloadavg(load, 3) == 3)
        printf("   %s %s, load average %.2f %.2f %.2f\n", what, when,
               load[0], load[1], load[2]);
    else
        printf("   %s %s\n", what, when);
}

static bool bench_unit(struct unit *u, char **plugin_args, size_t n_plugin,
                       int warmup)
{
    /* The compile with the plugin: the same, with -fplugin=... and its
     * arguments right after the driver's name. */
    struct strvec with = { 0 };
    strvec_push(&with, vmsd_strdup(u->argv.v[0]));
    for (size_t i = 0; i < n_plugin; i++)
        strvec_push(&with, vmsd_strdup(plugin_args[i]));
    for (size_t i = 1; i < u->argv.n; i++)
        strvec_push(&with, vmsd_strdup(u->argv.v[i]));
    char **argv[2] = { u->argv.v, with.v };

    printf("== %s: %d runs each way%s%s\n", u->label, u->runs,
           u->dir ? ", in " : "", u->dir ? u->dir : "");
    print_clock("started");
    printf("   without: ");
    print_argv(stdout, argv[WITHOUT]);

    size_t n = (size_t)u->runs;
    for (int v = 0; v < 2; v++) {
        u->cpu[v] = vmsd_xcalloc(n, sizeof(double));
        u->wall[v] = vmsd_xcalloc(n, sizeof(double));
        u->rss[v] = vmsd_xcalloc(n, sizeof(double));
    }
    u->ratio = vmsd_xcalloc(n, sizeof(double));

    bool ok = true;
    struct sample s[2];
    for (int w = 0; ok && w < warmup; w++) {
        for (int v = 0; ok && v < 2; v++) {
            ok = run_compile(u, argv[v], v, &s[v]);
            if (ok && s[v].output_bytes > u->diag_bytes[v])
                u->diag_bytes[v] = s[v].output_bytes;
        }
        if (ok)
            printf("   warm-up %d: without %.3f s, with %.3f s\n", w + 1,
                   s[WITHOUT].cpu, s[WITH].cpu);
    }
    for (size_t i = 0; ok && i < n; i++) {
        /* Even iterations: without, then with; odd: the other way. */
        int first = i % 2 ? WITH : WITHOUT;
        for (int k = 0; ok && k < 2; k++) {
            int v = k == 0 ? first : 1 - first;
            ok = run_compile(u, argv[v], v, &s[v]);
        }
        if (!ok)
            break;
        for (int v = 0; v < 2; v++) {
            u->cpu[v][i] = s[v].cpu;
            u->wall[v][i] = s[v].wall;
            u->rss[v][i] = (double)s[v].rss_kib;
            if (s[v].output_bytes > u->diag_bytes[v])
                u->diag_bytes[v] = s[v].output_bytes;
        }
        /* A compile too short for the CPU clock: even, or 2 if only the
         * compile with the plugin took measurable time. */
        u->ratio[i] = s[WITHOUT].cpu > 0 ? s[WITH].cpu / s[WITHOUT].cpu
                      : s[WITH].cpu > 0 ? 2 : 1;
        printf("   run %2zu/%zu (%s first): CPU %.3f / %.3f s  ratio %.4f"
               "  wall %.3f / %.3f s  RSS %ld / %ld KiB\n",
               i + 1, n, variant_names[first], s[WITHOUT].cpu, s[WITH].cpu,
               u->ratio[i], s[WITHOUT].wall, s[WITH].wall,
               s[WITHOUT].rss_kib, s[WITH].rss_kib);
    }
    strvec_free(&with);
    if (!ok)
        return false;

    struct summary m = summarize(u);
    printf("   median CPU: without %.3f s, with %.3f s; "
           "median ratio %.4f: overhead %+.2f%%\n",
           m.cpu[WITHOUT], m.cpu[WITH], m.ratio, m.overhead_pct);
    printf("   ratios range %.4f .. %.4f; %s of the median ratio "
           "%.4f .. %.4f (overhead %+.2f%% .. %+.2f%%)\n",
           m.ratio_min, m.ratio_max,
           m.ci_exact ? "95% confidence interval"
                      : "too few runs for a 95% interval: range",
           m.ratio_lo, m.ratio_hi, (m.ratio_lo - 1) * 100,
           (m.ratio_hi - 1) * 100);
    printf("   median wall: without %.3f s, with %.3f s; median ratio %.4f\n",
           m.wall[WITHOUT], m.wall[WITH], m.wall_ratio);
    printf("   median peak RSS: without %ld KiB, with %ld KiB: %+ld KiB\n",
           m.rss[WITHOUT], m.rss[WITH], m.rss_delta);
    if (u->diag_bytes[WITH] > u->diag_bytes[WITHOUT])
        printf("   note: with the plugin the compiler printed %zu bytes of "
               "diagnostics (without: %zu); printing them is part of the "
               "cost measured\n", u->diag_bytes[WITH],
               u->diag_bytes[WITHOUT]);
    print_clock("ended");
    printf("\n");
    return true;
}

/* The per-iteration ratios of every --file unit in one sample, when there
 * are two or more: a unit's own interval is wide on a noisy machine, and
 * a real cost shows in all of them. */
static const char pooled_label[] = "all --file units, pooled";

static bool pooled_ratios(double **out, size_t *n_out)
{
    size_t n = 0, n_compdb = 0;
    for (size_t i = 0; i < n_units; i++)
        if (units[i].from_compdb) {
            n += (size_t)units[i].runs;
            n_compdb++;
        }
    if (n_compdb < 2)
        return false;
    double *all = vmsd_xcalloc(n, sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < n_units; i++)
        if (units[i].from_compdb) {
            memcpy(all + k, units[i].ratio, (size_t)units[i].runs
                   * sizeof *all);
            k += (size_t)units[i].runs;
        }
    *out = all;
    *n_out = n;
    return true;
}

static void print_summary(void)
{
    size_t width = strlen(pooled_label);
    for (size_t i = 0; i < n_units; i++)
        if (strlen(units[i].label) > width)
            width = strlen(units[i].label);

    printf("Summary (medians; ratio = median of the per-iteration ratios "
           "of CPU time with/without):\n\n");
    printf("| %-*s | runs | CPU without (s) | CPU with (s) | median ratio "
           "| overhead | %-18s | RSS without (KiB) "
           "| RSS with (KiB) | RSS delta (KiB) |\n", (int)width, "unit",
           "overhead 95% CI");
    printf("|-%.*s-|-----:|----------------:|-------------:|-------------:"
           "|---------:|-------------------:|------------------:"
           "|---------------:|---------------:|\n", (int)width,
           "------------------------------------------------------------"
           "------------------------------------------------------------");
    size_t over_time = 0, over_rss = 0;
    bool any_inexact = false;
    for (size_t i = 0; i < n_units; i++) {
        struct summary m = summarize(&units[i]);
        char ci[64];
        snprintf(ci, sizeof ci, "%+.2f .. %+.2f%%%s",
                 (m.ratio_lo - 1) * 100, (m.ratio_hi - 1) * 100,
                 m.ci_exact ? "" : "*");
        printf("| %-*s | %4d | %15.3f | %12.3f | %12.4f | %+7.2f%% "
               "| %18s | %17ld | %14ld | %+15ld |\n", (int)width,
               units[i].label, units[i].runs, m.cpu[WITHOUT], m.cpu[WITH],
               m.ratio, m.overhead_pct, ci, m.rss[WITHOUT], m.rss[WITH],
               m.rss_delta);
        any_inexact |= !m.ci_exact;
        over_time += m.overhead_pct > GOAL_OVERHEAD_PCT;
        over_rss += m.rss_delta > GOAL_RSS_KIB;
    }
    double *pooled;
    size_t n_pooled;
    if (pooled_ratios(&pooled, &n_pooled)) {
        double *sorted = sorted_copy(pooled, n_pooled);
        double ratio = sorted_median(sorted, n_pooled), lo, hi;
        bool exact;
        median_ci(sorted, n_pooled, &lo, &hi, &exact);
        free(sorted);
        char ci[64];
        snprintf(ci, sizeof ci, "%+.2f .. %+.2f%%%s", (lo - 1) * 100,
                 (hi - 1) * 100, exact ? "" : "*");
        printf("| %-*s | %4zu | %15s | %12s | %12.4f | %+7.2f%% "
               "| %18s | %17s | %14s | %15s |\n", (int)width, pooled_label,
               n_pooled, "", "", ratio, (ratio - 1) * 100, ci, "", "", "");
        free(pooled);
    }
    if (any_inexact)
        printf("\n* fewer than 6 runs: the range of the ratios, not a 95%% "
               "interval.\n");
    printf("\nGoals (informative, not a pass/fail test): median overhead "
           "<= %.0f%%: %s; extra peak RSS <= %ld KiB: %s.\n",
           GOAL_OVERHEAD_PCT,
           over_time ? "NOT met" : "met",
           GOAL_RSS_KIB, over_rss ? "NOT met" : "met");
    for (size_t i = 0; i < n_units; i++) {
        struct summary m = summarize(&units[i]);
        double ci_lo = (m.ratio_lo - 1) * 100, ci_hi = (m.ratio_hi - 1) * 100;
        if (m.overhead_pct > GOAL_OVERHEAD_PCT)
            printf("  %s: overhead %+.2f%% is %.2f points over the goal%s\n",
                   units[i].label, m.overhead_pct,
                   m.overhead_pct - GOAL_OVERHEAD_PCT,
                   ci_lo <= GOAL_OVERHEAD_PCT
                   ? " (but within the noise: its interval reaches the goal)"
                   : "");
        else if (ci_hi > GOAL_OVERHEAD_PCT)
            printf("  %s: overhead %+.2f%% meets the goal, but its interval "
                   "reaches %+.2f%%: more runs would tell\n",
                   units[i].label, m.overhead_pct, ci_hi);
        if (m.rss_delta > GOAL_RSS_KIB)
            printf("  %s: %+ld KiB of peak RSS is %ld KiB over the goal\n",
                   units[i].label, m.rss_delta, m.rss_delta - GOAL_RSS_KIB);
    }
}

/* ---------------------------------------------------------------- */
/* Arguments. */

static void usage(FILE *out)
{
    fprintf(out,
"usage: bench [OPTION]... UNIT...\n"
"Compile each UNIT without and with a GCC plugin, interleaved, and report\n"
"the median ratio of CPU time (with/without) and the peak memory of both.\n"
"\n"
"Units (any number, in order):\n"
"  --unit FILE.c           compile FILE.c with CC CFLAGS -c FILE.c -o TMP\n"
"  --cflags \"FLAGS\"        the flags of the preceding --unit\n"
"  --compdb FILE.json      a compilation database for the --file options\n"
"                          after it\n"
"  --file SUFFIX           the first entry of the last --compdb whose \"file\"\n"
"                          ends with SUFFIX (at a '/'), compiled in its\n"
"                          \"directory\", without -MD/-MMD/-MP/-MF/-MQ/-MT,\n"
"                          with the object written to a temporary directory\n"
"Options:\n"
"  --plugin PATH           the plugin (default: plugin/vmsdcheck.so)\n"
"  --plugin-arg ARG        pass -fplugin-arg-NAME-ARG (NAME: the plugin's\n"
"                          file name without .so); repeatable\n"
"  --runs N                timed iterations per unit (default %d)\n"
"  --compdb-runs N         timed iterations per --file unit (default: --runs)\n"
"  --warmup N              untimed iterations before them (default 1)\n"
"  --cc \"CC\"               the compiler for --unit (default: $CC, or gcc)\n"
"  --help                  this text\n"
"Exit status: 0 when every compile succeeded, 1 when one failed, 2 on a\n"
"usage error.\n", DEFAULT_RUNS);
}

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'bench --help'.\n", stderr);
    return 2;
}

static bool parse_count(const char *s, int min, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min || v > MAX_RUNS)
        return false;
    *out = (int)v;
    return true;
}

int main(int argc, char **argv)
{
    const char *plugin = "plugin/vmsdcheck.so";
    const char *cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "gcc";
    const char *compdb = NULL;
    struct strvec plugin_arg_specs = { 0 };
    int runs = DEFAULT_RUNS, compdb_runs = -1, warmup = 1;

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        static const char *const with_value[] = {
            "--unit", "--cflags", "--compdb", "--file", "--plugin",
            "--plugin-arg", "--runs", "--compdb-runs", "--warmup", "--cc",
        };
        bool known = false;
        for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++)
            known |= strcmp(opt, with_value[k]) == 0;
        if (!known)
            return usage_error("unknown argument '%s'", opt);
        if (i + 1 >= argc)
            return usage_error("%s needs a value", opt);
        const char *val = argv[++i];

        if (strcmp(opt, "--unit") == 0) {
            add_unit()->source = vmsd_strdup(val);
        } else if (strcmp(opt, "--cflags") == 0) {
            struct unit *last = n_units ? &units[n_units - 1] : NULL;
            if (!last || !last->source)
                return usage_error("--cflags must follow a --unit");
            if (last->cflags)
                return usage_error("--unit %s has two --cflags",
                                   last->source);
            last->cflags = vmsd_strdup(val);
        } else if (strcmp(opt, "--compdb") == 0) {
            compdb = val;
        } else if (strcmp(opt, "--file") == 0) {
            if (!compdb)
                return usage_error("--file %s needs a --compdb before it",
                                   val);
            if (!*val)
                return usage_error("--file needs a non-empty suffix");
            struct unit *u = add_unit();
            u->compdb = vmsd_strdup(compdb);
            u->suffix = vmsd_strdup(val);
            u->from_compdb = true;
        } else if (strcmp(opt, "--plugin") == 0) {
            plugin = val;
        } else if (strcmp(opt, "--plugin-arg") == 0) {
            strvec_push(&plugin_arg_specs, vmsd_strdup(val));
        } else if (strcmp(opt, "--runs") == 0) {
            if (!parse_count(val, 1, &runs))
                return usage_error("--runs takes a number from 1 to %d, "
                                   "not '%s'", MAX_RUNS, val);
        } else if (strcmp(opt, "--compdb-runs") == 0) {
            if (!parse_count(val, 1, &compdb_runs))
                return usage_error("--compdb-runs takes a number from 1 "
                                   "to %d, not '%s'", MAX_RUNS, val);
        } else if (strcmp(opt, "--warmup") == 0) {
            if (!parse_count(val, 0, &warmup))
                return usage_error("--warmup takes a number from 0 to %d, "
                                   "not '%s'", MAX_RUNS, val);
        } else if (strcmp(opt, "--cc") == 0) {
            cc = val;
        }
    }
    if (n_units == 0)
        return usage_error("nothing to compile: give --unit or --compdb "
                           "with --file");

    /* The plugin by absolute path: compdb units run in other
     * directories. */
    char plugin_path[PATH_MAX];
    if (!realpath(plugin, plugin_path)) {
        fprintf(stderr, "bench: the plugin %s: %s\n", plugin,
                strerror(errno));
        return 2;
    }
    char *name = vmsd_strdup(strrchr(plugin_path, '/') + 1);
    size_t name_len = strlen(name);
    if (name_len > 3 && strcmp(name + name_len - 3, ".so") == 0)
        name[name_len - 3] = '\0';
    struct strvec plugin_args = { 0 };
    strvec_push(&plugin_args, vmsd_format(NULL, "-fplugin=%s", plugin_path));
    for (size_t i = 0; i < plugin_arg_specs.n; i++) {
        const char *a = plugin_arg_specs.v[i];
        if (starts_with(a, "-fplugin-arg-"))
            strvec_push(&plugin_args, vmsd_strdup(a));
        else
            strvec_push(&plugin_args,
                        vmsd_format(NULL, "-fplugin-arg-%s-%s", name, a));
    }
    free(name);

    const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR")
                      ? getenv("TMPDIR") : "/tmp";
    if ((size_t)snprintf(tmp_dir, sizeof tmp_dir, "%s/vmsd-bench.XXXXXX",
                         tmp) >= sizeof tmp_dir) {
        fprintf(stderr, "bench: TMPDIR is too long: %s\n", tmp);
        return 1;
    }
    if (!mkdtemp(tmp_dir)) {
        fprintf(stderr, "bench: cannot make a directory in %s: %s\n", tmp,
                strerror(errno));
        return 1;
    }
    for (int v = 0; v < 2; v++)
        snprintf(out_path[v], sizeof out_path[v], "%s/output-%s.txt",
                 tmp_dir, variant_names[v]);
    snprintf(object_path, sizeof object_path, "%s/unit.o", tmp_dir);
    atexit(remove_temporaries);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);

    int status = 0;
    for (size_t i = 0; i < n_units && status == 0; i++) {
        struct unit *u = &units[i];
        bool built = u->from_compdb ? build_compdb_unit(u, object_path)
                                    : build_source_unit(u, cc, object_path);
        if (!built)
            status = 1;
        u->runs = u->from_compdb && compdb_runs > 0 ? compdb_runs : runs;
    }
    for (size_t i = 0; i < n_units && status == 0; i++)
        if (!bench_unit(&units[i], plugin_args.v, plugin_args.n, warmup))
            status = 1;
    if (status == 0) {
        printf("Plugin: %s\n", plugin_path);
        for (size_t i = 1; i < plugin_args.n; i++)
            printf("Plugin argument: %s\n", plugin_args.v[i]);
        printf("\n");
        print_summary();
    }

    for (size_t i = 0; i < n_compdbs; i++) {
        json_decref(compdbs[i].root);
        free(compdbs[i].path);
    }
    free(compdbs);
    strvec_free(&plugin_args);
    strvec_free(&plugin_arg_specs);
    return status;
}
