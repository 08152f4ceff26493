/* Measuring: the temporary files, one compile run and timed, and a
 * unit's warm-up and interleaved iterations.
 *
 * What is measured, per compile: the CPU time (user + system) and the
 * peak resident set of the compiler driver and of every process it waits
 * for (cc1, as), as wait4() reports them, and the wall time around
 * fork/execvp/wait4.  On Linux, wait4()'s ru_maxrss is the largest of
 * the child's own peak and those of the descendants it waited for, so
 * for "gcc -c" it is cc1's peak (docs/benchmarks.md shows the check). */
#define _GNU_SOURCE             /* wait4, mkdtemp, getdents64 */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"
#include "../checker/whole-file.h"
#include "../checker/xalloc.h"

#include <dirent.h>
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

/* What the signal handler removes, and the commands it ends: a handler
 * takes no argument, so these are the only state outside struct bench.
 * Each command leads its own process group, so that ending it ends what
 * it started (cc1 and as, under valgrind for minutes). */
static struct bench_temp *temp_in_use;
static volatile pid_t running[2];

bool for_each_entry(const char *dir,
                    void (*fn)(int dirfd, const char *name, void *arg),
                    void *arg)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* getdents64, not readdir: opendir allocates. */
    _Alignas(struct dirent64) char buf[4096];
    ssize_t got;
    while ((got = getdents64(fd, buf, sizeof buf)) > 0) {
        for (ssize_t at = 0; at < got; ) {
            const struct dirent64 *d = (const void *)(buf + at);
            if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
                fn(fd, d->d_name, arg);
            at += d->d_reclen;
        }
    }
    close(fd);
    return got == 0;
}

static void unlink_entry(int dirfd, const char *name, void *arg)
{
    (void)arg;
    unlinkat(dirfd, name, 0);
}

/* Every file bench made, cachegrind's included, and the directories. */
static void unlink_temporaries(const struct bench_temp *temp)
{
    for (int v = 0; v < 2; v++) {
        for_each_entry(temp->variant_dir[v], unlink_entry, NULL);
        rmdir(temp->variant_dir[v]);
    }
    rmdir(temp->dir);
}

/* End the command PID and all it started: SIGTERM first, so that the
 * driver removes its temporary files, then wait until the whole group is
 * gone (valgrind writes its files as it ends), with SIGKILL after 10 s.
 * Only system calls, for the signal handler. */
static void end_group(pid_t pid)
{
    const struct timespec tick = { 0, 50 * 1000 * 1000 };
    kill(-pid, SIGTERM);
    for (int i = 0; i < 200 && kill(-pid, 0) == 0; i++) {
        waitpid(pid, NULL, WNOHANG);    /* a zombie would stay in it */
        nanosleep(&tick, NULL);
    }
    kill(-pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static void on_signal(int sig)
{
    /* Only system calls; the paths are made before the handler is
     * installed. */
    for (int i = 0; i < 2; i++)
        if (running[i] > 0)
            end_group(running[i]);
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
    /* Paths of the same length in both, so that the compiles differ only
     * in the plugin: GCC derives -dumpdir and -dumpbase from the
     * object's path, and its length alone moves cc1's count (by 0.01 %
     * on QEMU's hw/rtc/mc146818rtc.c). */
    static const char *const dir_names[2] = { "bare", "with" };
    for (int v = 0; v < 2; v++) {
        temp->variant_dir[v] = vmsd_format(NULL, "%s/%s", dir, dir_names[v]);
        temp->object[v] = vmsd_format(NULL, "%s/unit.o",
                                      temp->variant_dir[v]);
        temp->output[v] = vmsd_format(NULL, "%s/output.txt",
                                      temp->variant_dir[v]);
    }
    temp_in_use = temp;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    for (int v = 0; v < 2; v++)
        if (mkdir(temp->variant_dir[v], 0700) != 0) {
            fprintf(stderr, "bench: cannot make %s: %s\n",
                    temp->variant_dir[v], strerror(errno));
            return false;
        }
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
    for (int v = 0; v < 2; v++) {
        free(temp->variant_dir[v]);
        free(temp->object[v]);
        free(temp->output[v]);
    }
    memset(temp, 0, sizeof *temp);
}

/* ---------------------------------------------------------------- */
/* Running one compile. */

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

pid_t start_command(char *const *argv, const char *dir, const char *output)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench: fork");
        return -1;
    }
    if (pid == 0) {
        setpgid(0, 0);
        int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                      0644);
        int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0
            || dup2(fd, 2) < 0)
            _exit(126);
        if (dir && chdir(dir) != 0) {
            dprintf(2, "bench: cannot enter %s: %s\n", dir, strerror(errno));
            _exit(126);
        }
        execvp(argv[0], argv);
        dprintf(2, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);          /* also here: a signal may come first */
    for (int i = 0; i < 2; i++)
        if (running[i] <= 0) {
            running[i] = pid;
            break;
        }
    return pid;
}

bool wait_for(pid_t pid, int *status, struct rusage *ru)
{
    pid_t got;
    do
        got = wait4(pid, status, 0, ru);
    while (got < 0 && errno == EINTR);
    for (int i = 0; i < 2; i++)
        if (running[i] == pid)
            running[i] = 0;
    if (got < 0)
        perror("bench: wait4");
    return got >= 0;
}

bool start_compile(const struct bench_temp *temp, const struct unit *u,
                   char *const *argv, int variant, struct compile_run *run)
{
    /* So that the object measured is this compile's. */
    unlink(temp->object[variant]);
    run->started = now();
    run->pid = start_command(argv, u->dir, temp->output[variant]);
    return run->pid > 0;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

bool finish_compile(const struct bench_temp *temp, const struct unit *u,
                    char *const *argv, int variant,
                    const struct compile_run *run, struct sample *s)
{
    int status;
    struct rusage ru;
    if (!wait_for(run->pid, &status, &ru))
        return false;
    s->wall = now() - run->started;
    s->cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    s->rss_kib = ru.ru_maxrss;  /* KiB on Linux */
    long long output_bytes = file_size(temp->output[variant]);
    s->output_bytes = output_bytes > 0 ? (size_t)output_bytes : 0;
    s->object_bytes = file_size(temp->object[variant]);

    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        show_failure(u, argv, variant, status, temp->output[variant]);
        return false;
    }
    if (s->object_bytes < 0) {
        fprintf(stderr, "bench: the compile of %s %s the plugin wrote no "
                "%s\n", u->label, variant_names[variant],
                temp->object[variant]);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* A unit's timed iterations. */

/* One iteration: both compiles, FIRST first, into S; the largest output
 * of each variant is kept. */
static bool run_pair(const struct bench *b, struct unit *u, int first,
                     struct sample s[2])
{
    for (int k = 0; k < 2; k++) {
        int v = k == 0 ? first : 1 - first;
        struct compile_run run;
        if (!start_compile(&b->temp, u, u->argv[v].v, v, &run)
            || !finish_compile(&b->temp, u, u->argv[v].v, v, &run, &s[v]))
            return false;
    }
    for (int v = 0; v < 2; v++) {
        if (s[v].output_bytes > u->diag_bytes[v])
            u->diag_bytes[v] = s[v].output_bytes;
        u->object_bytes[v] = s[v].object_bytes;
    }
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

/* The warm-up and the timed iterations of U, then their report. */
static bool time_unit(const struct bench *b, struct unit *u)
{
    printf("   timing: %d runs each way, interleaved; addresses %s%s\n",
           u->runs, b->randomized ? "randomized: " : "not randomized",
           b->randomized ? b->randomized : "");
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
        ok = run_pair(b, u, WITHOUT, s);
        if (ok)
            printf("   warm-up %d: without %.3f s, with %.3f s\n", w + 1,
                   s[WITHOUT].cpu, s[WITH].cpu);
    }
    for (size_t i = 0; ok && i < n; i++) {
        /* Even iterations: without, then with; odd: the other way. */
        int first = i % 2 ? WITH : WITHOUT;
        ok = run_pair(b, u, first, s);
        if (ok)
            record(u, i, first, s);
    }
    if (ok)
        report_unit_times(u);
    return ok;
}

bool bench_unit(const struct bench *b, struct unit *u)
{
    printf("== %s %s%s%s\n", u->label, u->level, u->dir ? ", in " : "",
           u->dir ? u->dir : "");
    print_clock("started");
    printf("   without: ");
    print_argv(stdout, u->argv[WITHOUT].v);

    bool ok = (!b->count || count_unit(b, u)) && (!b->time || time_unit(b, u));
    if (ok) {
        print_clock("ended");
        printf("\n");
    }
    return ok;
}
