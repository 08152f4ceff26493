/* Measuring: the temporary files, one compile run and timed, and a
 * unit's warm-up and interleaved iterations.
 *
 * What is measured, per compile: the CPU time (user + system) and the
 * peak resident set of the compiler driver and of every process it waits
 * for (cc1, as), as wait4() reports them, and the wall time around
 * fork/execvp/wait4.  On Linux, wait4()'s ru_maxrss is the largest of
 * the child's own peak and those of the descendants it waited for, so
 * for "gcc -c" it is cc1's peak (docs/benchmarks.md shows the check). */
#define _GNU_SOURCE             /* wait4, mkdtemp */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"
#include "../checker/whole-file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- */
/* The temporary files. */

/* What the signal handler removes: a handler takes no argument, so this
 * one pointer is the only state outside struct bench. */
static struct bench_temp *temp_in_use;

static void unlink_temporaries(const struct bench_temp *temp)
{
    unlink(temp->object);
    for (int v = 0; v < 2; v++)
        unlink(temp->output[v]);
    rmdir(temp->dir);
}

static void on_signal(int sig)
{
    /* unlink and rmdir are async-signal-safe; the paths are made before
     * the handler is installed. */
    if (temp_in_use)
        unlink_temporaries(temp_in_use);
    signal(sig, SIG_DFL);
    raise(sig);
}

bool make_temporaries(struct bench_temp *temp)
{
    const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR")
                      ? getenv("TMPDIR") : "/tmp";
    char *dir = vmsd_format(NULL, "%s/vmsd-bench.XXXXXX", tmp);
    if (!mkdtemp(dir)) {
        fprintf(stderr, "bench: cannot make a directory in %s: %s\n", tmp,
                strerror(errno));
        free(dir);
        return false;
    }
    temp->dir = dir;
    for (int v = 0; v < 2; v++)
        temp->output[v] = vmsd_format(NULL, "%s/output-%s.txt", dir,
                                      variant_names[v]);
    temp->object = vmsd_format(NULL, "%s/unit.o", dir);
    temp_in_use = temp;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    return true;
}

void remove_temporaries(struct bench_temp *temp)
{
    if (!temp->dir)
        return;
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    temp_in_use = NULL;
    unlink_temporaries(temp);
    free(temp->dir);
    free(temp->object);
    for (int v = 0; v < 2; v++)
        free(temp->output[v]);
    memset(temp, 0, sizeof *temp);
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

static void show_failure(const struct unit *u, char *const *argv,
                         int variant, int status, const char *output)
{
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
}

/* Fork, exec and wait; false (with the compiler's output shown) when the
 * compile does not succeed. */
static bool run_compile(const struct bench_temp *temp, const struct unit *u,
                        char *const *argv, int variant, struct sample *s)
{
    const char *output = temp->output[variant];
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
    show_failure(u, argv, variant, status, output);
    return false;
}

/* ---------------------------------------------------------------- */
/* A unit's iterations. */

/* One iteration: both compiles, FIRST first, into S; the largest output
 * of each variant is kept. */
static bool run_pair(const struct bench *b, struct unit *u,
                     char **const argv[2], int first, struct sample s[2])
{
    for (int k = 0; k < 2; k++) {
        int v = k == 0 ? first : 1 - first;
        if (!run_compile(&b->temp, u, argv[v], v, &s[v]))
            return false;
    }
    for (int v = 0; v < 2; v++)
        if (s[v].output_bytes > u->diag_bytes[v])
            u->diag_bytes[v] = s[v].output_bytes;
    return true;
}

/* Iteration I's samples into U's results, and its line. */
static void record(struct unit *u, size_t i, int first,
                   const struct sample s[2])
{
    for (int v = 0; v < 2; v++) {
        u->cpu[v][i] = s[v].cpu;
        u->wall[v][i] = s[v].wall;
        u->rss[v][i] = (double)s[v].rss_kib;
    }
    /* A compile too short for the CPU clock: even, or 2 if only the
     * compile with the plugin took measurable time. */
    u->ratio[i] = s[WITHOUT].cpu > 0 ? s[WITH].cpu / s[WITHOUT].cpu
                  : s[WITH].cpu > 0 ? 2 : 1;
    printf("   run %2zu/%d (%s first): CPU %.3f / %.3f s  ratio %.4f"
           "  wall %.3f / %.3f s  RSS %ld / %ld KiB\n",
           i + 1, u->runs, variant_names[first], s[WITHOUT].cpu,
           s[WITH].cpu, u->ratio[i], s[WITHOUT].wall, s[WITH].wall,
           s[WITHOUT].rss_kib, s[WITH].rss_kib);
}

bool bench_unit(const struct bench *b, struct unit *u)
{
    /* The compile with the plugin: the same, with -fplugin=... and its
     * arguments right after the driver's name. */
    struct strvec with = { 0 };
    strvec_push(&with, vmsd_strdup(u->argv.v[0]));
    for (size_t i = 0; i < b->plugin_args.n; i++)
        strvec_push(&with, vmsd_strdup(b->plugin_args.v[i]));
    for (size_t i = 1; i < u->argv.n; i++)
        strvec_push(&with, vmsd_strdup(u->argv.v[i]));
    char **const argv[2] = { u->argv.v, with.v };

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
    for (int w = 0; ok && w < b->warmup; w++) {
        ok = run_pair(b, u, argv, WITHOUT, s);
        if (ok)
            printf("   warm-up %d: without %.3f s, with %.3f s\n", w + 1,
                   s[WITHOUT].cpu, s[WITH].cpu);
    }
    for (size_t i = 0; ok && i < n; i++) {
        /* Even iterations: without, then with; odd: the other way. */
        int first = i % 2 ? WITH : WITHOUT;
        ok = run_pair(b, u, argv, first, s);
        if (ok)
            record(u, i, first, s);
    }
    strvec_free(&with);
    if (ok)
        report_unit(u);
    return ok;
}
