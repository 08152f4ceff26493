/* Releases and legacy names in a git repository's history. */
#define _GNU_SOURCE
#include "history.h"

#include "../checker/compatdb.h"
#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/strset.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Running git */

struct git_run {
    int status;                 /* git's exit status */
    struct vmsd_strbuf out;
    struct vmsd_strbuf err;
};

static void git_run_free(struct git_run *g)
{
    free(g->out.data);
    free(g->err.data);
}

/* The first line of what git printed on stderr, shown safely. */
static void git_error(const char *dir, const char *what, struct git_run *g)
{
    char *shown = vmsd_shown(dir);
    char *text = g->err.data ? g->err.data : "";
    text[strcspn(text, "\n")] = '\0';
    char *said = vmsd_shown(text);
    fprintf(stderr, "vmsdcheck: --history %s: %s%s%s\n", shown, what,
            *said ? ": " : "", said);
    free(said);
    free(shown);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Read the child's stdout and stderr until both end; false when it
 * took longer than HISTORY_GIT_SECONDS or printed more than
 * HISTORY_GIT_MAX_OUTPUT (WHY says which). */
static bool collect(int out_fd, int err_fd, struct git_run *g,
                    const char **why)
{
    struct pollfd fds[2] = { { out_fd, POLLIN, 0 }, { err_fd, POLLIN, 0 } };
    struct vmsd_strbuf *bufs[2] = { &g->out, &g->err };
    double deadline = now() + HISTORY_GIT_SECONDS;
    int open_fds = 2;
    while (open_fds) {
        double left = deadline - now();
        if (left <= 0) {
            *why = "took too long";
            return false;
        }
        if (poll(fds, 2, (int)(left * 1000) + 1) < 0) {
            if (errno == EINTR)
                continue;
            *why = strerror(errno);
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            char chunk[65536];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                fds[i].fd = -1;
                open_fds--;
                continue;
            }
            vmsd_strbuf_put(bufs[i], chunk, (size_t)n);
            if (bufs[i]->len > HISTORY_GIT_MAX_OUTPUT) {
                *why = "printed too much";
                return false;
            }
        }
    }
    return true;
}

/* Run "git -C DIR ARGS..." (ARGS NULL-ended), its input /dev/null; false
 * (said on stderr) when it cannot be run or is stopped. */
static bool run_git(const char *dir, const char *const *args,
                    struct git_run *g)
{
    memset(g, 0, sizeof *g);
    size_t n = 0;
    while (args[n])
        n++;
    const char **argv = vmsd_xcalloc(n + 5, sizeof *argv);
    argv[0] = "git";
    argv[1] = "--no-pager";
    argv[2] = "-C";
    argv[3] = dir;
    memcpy(argv + 4, args, n * sizeof *argv);

    int out[2] = { -1, -1 }, err[2] = { -1, -1 };
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
        char what[128];
        snprintf(what, sizeof what, "git %s could not be run: %s", args[0],
                 strerror(errno));
        git_error(dir, what, g);
        for (int i = 0; i < 2; i++) {
            if (out[i] >= 0)
                close(out[i]);
            if (err[i] >= 0)
                close(err[i]);
        }
        free(argv);
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        if (in < 0 || dup2(in, 0) < 0 || dup2(out[1], 1) < 0
            || dup2(err[1], 2) < 0)
            _exit(127);
        setenv("LC_ALL", "C", 1);
        execvp("git", (char *const *)argv);
        dprintf(2, "cannot run git: %s\n", strerror(errno));
        _exit(127);
    }
    free(argv);
    close(out[1]);
    close(err[1]);
    const char *why = NULL;
    bool ok = pid > 0 && collect(out[0], err[0], g, &why);
    if (pid > 0 && !ok)
        kill(pid, SIGKILL);
    close(out[0]);
    close(err[0]);
    int wstatus = 0;
    while (pid > 0 && waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        continue;
    if (pid < 0) {
        why = strerror(errno);
    } else if (ok) {
        g->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128;
        if (g->status == 127 && g->err.data
            && strncmp(g->err.data, "cannot run git", 14) == 0) {
            ok = false;
            why = NULL;
        }
    }
    if (!ok) {
        char what[128];
        snprintf(what, sizeof what, "git %s %s", args[0],
                 why ? why : "could not be run");
        git_error(dir, what, g);
        git_run_free(g);
    }
    return ok;
}

/* Releases */

struct release {
    int major, minor;
    char *rev;                  /* what git names its tree by */
    size_t listed;              /* its place in git's list */
};

/* TEXT as a release: "MAJOR.MINOR.0" or "MAJOR.MINOR" (LENGTH bytes). */
static bool parse_release(const char *text, size_t length, int *major,
                          int *minor)
{
    char version[32];
    if (length >= sizeof version)
        return false;
    memcpy(version, text, length);
    version[length] = '\0';
    char *first = strchr(version, '.');
    char *second = first ? strchr(first + 1, '.') : NULL;
    if (second) {
        if (strcmp(second, ".0") != 0)
            return false;
        *second = '\0';
    }
    return vmsd_compatdb_release(version, major, minor);
}

static void add_release(struct release **list, size_t *n, int major,
                        int minor, const char *rev, size_t rev_length)
{
    struct release *r = VMSD_APPEND(*list, *n);
    r->listed = *n - 1;
    r->major = major;
    r->minor = minor;
    r->rev = vmsd_xrealloc(NULL, rev_length + 1);
    memcpy(r->rev, rev, rev_length);
    r->rev[rev_length] = '\0';
}

/* The tags vMAJOR.MINOR.0 and vMAJOR.MINOR. */
static bool tag_releases(const char *dir, struct release **list, size_t *n)
{
    static const char *const args[] = { "for-each-ref",
                                        "--format=%(refname)",
                                        "refs/tags/", NULL };
    struct git_run g;
    if (!run_git(dir, args, &g))
        return false;
    bool ok = g.status == 0;
    if (!ok)
        git_error(dir, "git for-each-ref failed", &g);
    const char *prefix = "refs/tags/v";
    for (char *line = g.out.data; ok && line && *line;) {
        size_t length = strcspn(line, "\n");
        int major, minor;
        size_t skip = strlen(prefix);
        if (length > skip && strncmp(line, prefix, skip) == 0
            && parse_release(line + skip, length - skip, &major, &minor))
            add_release(list, n, major, minor, line, length);
        line += length + (line[length] == '\n');
    }
    git_run_free(&g);
    return ok;
}

/* The commits of HEAD's history that set VERSION to a release: the
 * oldest of each (git log lists the newest first). */
static bool version_releases(const char *dir, struct release **list,
                             size_t *n)
{
    static const char *const args[] = { "log", "--format=commit %H", "-p",
                                        "-U0", "--no-color", "--no-ext-diff",
                                        "--no-renames", "HEAD", "--",
                                        "VERSION", NULL };
    struct git_run g;
    if (!run_git(dir, args, &g))
        return false;
    bool ok = g.status == 0;
    if (!ok)
        git_error(dir, "git log failed", &g);
    const char *commit = NULL;
    size_t commit_length = 0;
    for (char *line = g.out.data; ok && line && *line;) {
        size_t length = strcspn(line, "\n");
        int major, minor;
        if (strncmp(line, "commit ", 7) == 0) {
            commit = line + 7;
            commit_length = length - 7;
        } else if (commit && line[0] == '+' && strncmp(line, "+++", 3) != 0
                   && parse_release(line + 1, length - 1, &major, &minor)) {
            add_release(list, n, major, minor, commit, commit_length);
        }
        line += length + (line[length] == '\n');
    }
    git_run_free(&g);
    return ok;
}

/* Oldest first; of one version, the one listed last (the oldest commit
 * of git log's list) first. */
static int compare_releases(const void *pa, const void *pb)
{
    const struct release *a = pa, *b = pb;
    if (a->major != b->major)
        return a->major < b->major ? -1 : 1;
    if (a->minor != b->minor)
        return a->minor < b->minor ? -1 : 1;
    return a->listed < b->listed ? 1 : -1;
}

static void releases_free(struct release *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i].rev);
    free(list);
}

/* The releases of DIR, oldest first, one per version. */
static bool find_releases(const char *dir, struct release **list, size_t *n)
{
    *list = NULL;
    *n = 0;
    bool ok = tag_releases(dir, list, n);
    if (ok && !*n)
        ok = version_releases(dir, list, n);
    if (ok && !*n) {
        char *shown = vmsd_shown(dir);
        fprintf(stderr, "vmsdcheck: --history %s: no release: no tag "
                "vMAJOR.MINOR.0, and no commit of HEAD sets VERSION to "
                "MAJOR.MINOR.0\n", shown);
        free(shown);
        ok = false;
    }
    if (!ok) {
        releases_free(*list, *n);
        return false;
    }
    qsort(*list, *n, sizeof **list, compare_releases);
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        if (kept && (*list)[kept - 1].major == (*list)[i].major
            && (*list)[kept - 1].minor == (*list)[i].minor) {
            free((*list)[i].rev);
            continue;
        }
        (*list)[kept++] = (*list)[i];
    }
    *n = kept;
    return true;
}

/* Names */

/* Patterns are given to git by argument: a name that a C string literal
 * cannot hold as it is (a quote, a backslash, a line break) is not
 * looked for. */
static bool searchable(const char *name)
{
    return !strpbrk(name, "\"\\\n\r");
}

/* How many patterns one git grep gets. */
#define NAMES_PER_GREP 256

/* Mark in FOUND (quoted name -> label) each name of PENDING (quoted)
 * that REV has in a .c file, with LABEL. */
static bool grep_rev(const char *dir, const char *rev, char **pending,
                     size_t n, struct vmsd_strset *found, const char *label)
{
    for (size_t start = 0; start < n; start += NAMES_PER_GREP) {
        size_t count = n - start < NAMES_PER_GREP ? n - start
                                                  : NAMES_PER_GREP;
        const char **args = vmsd_xcalloc(2 * count + 12, sizeof *args);
        size_t a = 0;
        args[a++] = "grep";
        args[a++] = "-F";
        args[a++] = "-o";
        args[a++] = "-h";
        args[a++] = "-I";
        args[a++] = "--no-color";
        args[a++] = "--no-line-number";
        for (size_t i = 0; i < count; i++) {
            args[a++] = "-e";
            args[a++] = pending[start + i];
        }
        args[a++] = rev;
        args[a++] = "--";
        args[a++] = "*.c";
        struct git_run g;
        bool ok = run_git(dir, args, &g);
        free(args);
        if (!ok)
            return false;
        if (g.status > 1) {
            git_error(dir, "git grep failed", &g);
            git_run_free(&g);
            return false;
        }
        for (char *line = g.out.data; line && *line;) {
            size_t length = strcspn(line, "\n");
            struct vmsd_strset_slot *slot = vmsd_strset_find(found, line,
                                                             length);
            if (slot && !slot->value)
                slot->value = (void *)label;
            line += length + (line[length] == '\n');
        }
        git_run_free(&g);
    }
    return true;
}

/* The quoted names of FOUND not found yet. */
static size_t pending_names(const struct vmsd_strset *found, char ***out)
{
    size_t n = 0;
    for (size_t i = 0; i < found->capacity; i++) {
        const struct vmsd_strset_slot *slot = &found->slots[i];
        if (slot->key && !slot->value) {
            *out = vmsd_grow(*out, n, sizeof **out);
            (*out)[n++] = slot->key;
        }
    }
    return n;
}

bool history_since(const char *dir, const char *const *names, size_t n,
                   char **since, char **released)
{
    struct release *releases;
    size_t n_releases;
    memset(since, 0, n * sizeof *since);
    *released = NULL;
    if (!find_releases(dir, &releases, &n_releases))
        return false;

    /* Each name between quotes, as a literal spells it -> the version
     * of the oldest release that has it. */
    struct vmsd_strset found = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (!searchable(names[i]))
            continue;
        char *quoted = vmsd_xrealloc(NULL, strlen(names[i]) + 3);
        sprintf(quoted, "\"%s\"", names[i]);
        vmsd_strset_add_name(&found, quoted);
        free(quoted);
    }
    char **labels = vmsd_xcalloc(n_releases, sizeof *labels);
    bool ok = true;
    for (size_t r = 0; ok && r <= n_releases; r++) {
        char **pending = NULL;
        size_t n_pending = pending_names(&found, &pending);
        if (n_pending) {
            const char *label = VMSD_COMPATDB_UNRELEASED;
            if (r < n_releases) {
                labels[r] = vmsd_xrealloc(NULL, 32);
                snprintf(labels[r], 32, "%d.%d", releases[r].major,
                         releases[r].minor);
                label = labels[r];
            }
            ok = grep_rev(dir, r < n_releases ? releases[r].rev : "HEAD",
                          pending, n_pending, &found, label);
        }
        free(pending);
    }
    for (size_t i = 0; ok && i < n; i++) {
        if (!searchable(names[i]))
            continue;
        char *quoted = vmsd_xrealloc(NULL, strlen(names[i]) + 3);
        sprintf(quoted, "\"%s\"", names[i]);
        struct vmsd_strset_slot *slot = vmsd_strset_find_name(&found, quoted);
        since[i] = vmsd_strdup(slot ? slot->value : NULL);
        free(quoted);
    }
    if (ok) {
        *released = vmsd_xrealloc(NULL, 32);
        snprintf(*released, 32, "%d.%d", releases[n_releases - 1].major,
                 releases[n_releases - 1].minor);
    }
    for (size_t r = 0; r < n_releases; r++)
        free(labels[r]);
    free(labels);
    releases_free(releases, n_releases);
    vmsd_strset_free(&found);
    return ok;
}
