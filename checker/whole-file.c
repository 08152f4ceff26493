/* Whole files: written whole or not at all, and read whole. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700       /* realpath, readlink */
#include "whole-file.h"

#include "xalloc.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The signals that end a program that is being written to a file: held
 * while the temporary file exists, so that it is renamed or removed
 * before one acts (only SIGKILL can leave it behind). */
static void hold_signals(sigset_t *old)
{
    sigset_t held;
    sigemptyset(&held);
    sigaddset(&held, SIGINT);
    sigaddset(&held, SIGTERM);
    sigaddset(&held, SIGHUP);
    sigaddset(&held, SIGQUIT);
    sigprocmask(SIG_BLOCK, &held, old);
}

static bool write_all(int fd, const char *text, size_t length)
{
    size_t done = 0;
    while (done < length) {
        ssize_t wrote = write(fd, text + done, length - done);
        if (wrote <= 0)
            return false;
        done += (size_t)wrote;
    }
    return true;
}

/* Into what is not a regular file (a device such as /dev/null, a
 * FIFO): a rename would put a file in its place, so the text is written
 * through. */
static bool write_through(const char *path, const char *text, size_t length)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = write_all(fd, text, length);
    int saved = errno;
    if (close(fd) != 0 && ok)
        return false;
    errno = saved;
    return ok;
}

/* TARGET, a regular file or none yet, replaced through a temporary file
 * in its directory and a rename: whole or not at all. */
static bool replace(const char *target, const char *text, size_t length)
{
    size_t n = strlen(target) + sizeof ".tmp-XXXXXX";
    char *temp = vmsd_xrealloc(NULL, n);
    snprintf(temp, n, "%s.tmp-XXXXXX", target);

    sigset_t old;
    hold_signals(&old);
    int fd = mkstemp(temp);
    bool ok = fd >= 0;
    if (ok) {
        ok = write_all(fd, text, length);
        ok = ok && fsync(fd) == 0;      /* whole on disk before it is named */
        ok = close(fd) == 0 && ok;
        ok = ok && chmod(temp, 0644) == 0 && rename(temp, target) == 0;
        if (!ok) {
            int saved = errno;
            unlink(temp);
            errno = saved;
        }
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    free(temp);
    return ok;
}

/* PATH with its symbolic links followed (as many as the kernel would,
 * 40), to a path that is not a link or does not exist yet: a link's
 * target is replaced, the link kept, even before the target exists.
 * When a link leads to a descriptor of this process (/dev/stdout,
 * /dev/fd/N, /proc/self/fd/N), *DESCRIPTOR is it, else -1. */
static char *follow_links(const char *path, int *descriptor)
{
    char own[64];
    snprintf(own, sizeof own, "/proc/%ld/fd", (long)getpid());
    char *p = vmsd_strdup(path);
    *descriptor = -1;
    for (int hops = 0; hops < 40; hops++) {
        char *slash = strrchr(p, '/');
        char *dir = vmsd_strdup(slash ? p : ".");
        if (slash)
            dir[slash - p] = '\0';
        char *real = realpath(*dir ? dir : "/", NULL);
        const char *base = slash ? slash + 1 : p;
        char *end;
        long n = strtol(base, &end, 10);
        bool in_own = real && strcmp(real, own) == 0;
        free(real);
        char target[4096];
        ssize_t got = in_own ? -1 : readlink(p, target, sizeof target - 1);
        if (in_own && *base && !*end && n >= 0 && n <= INT_MAX)
            *descriptor = (int)n;
        if (got <= 0) {
            free(dir);
            break;
        }
        target[got] = '\0';
        size_t size = strlen(dir) + (size_t)got + 2;
        free(p);
        p = vmsd_xrealloc(NULL, size);
        if (target[0] == '/')
            snprintf(p, size, "%s", target);
        else
            snprintf(p, size, "%s/%s", dir, target);
        free(dir);
    }
    return p;
}

/* A descriptor of this process (/dev/stdout) is a door to what the
 * caller opened, at its offset, perhaps for appending: the text is
 * written there, as the shell does with '>/dev/stdout' (opening it anew
 * would truncate a redirected file, a rename would replace it).  What
 * is not a regular file (a device such as /dev/null, a FIFO) is written
 * through, not replaced by a file.  A regular file is replaced whole. */
bool vmsd_write_whole_file(const char *path, const char *text)
{
    size_t length = strlen(text);
    int descriptor;
    char *target = follow_links(path, &descriptor);
    struct stat st;
    bool ok;
    if (descriptor >= 0)
        ok = write_all(descriptor, text, length);
    else if (stat(target, &st) == 0 && !S_ISREG(st.st_mode))
        ok = write_through(target, text, length);
    else
        ok = replace(target, text, length);
    int saved = errno;
    free(target);
    errno = saved;
    return ok;
}

char *vmsd_read_whole_file(const char *path, size_t max, size_t *length,
                           const char **why)
{
    /* Not blocking on open: a FIFO is refused below, not waited for. */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        *why = strerror(errno);
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
        *why = S_ISREG(st.st_mode) ? "larger than any such file can be"
                                   : "not a regular file";
        close(fd);
        return NULL;
    }
    char *text = vmsd_xrealloc(NULL, (size_t)st.st_size + 1);
    size_t n = 0;
    ssize_t got = 1;
    while (n <= max && got > 0) {
        got = read(fd, text + n, (size_t)st.st_size + 1 - n);
        if (got > 0)
            n += (size_t)got;
        if (n == (size_t)st.st_size + 1)
            break;              /* it grew while being read */
    }
    int saved = errno;
    close(fd);
    if (got < 0 || n > (size_t)st.st_size) {
        *why = got < 0 ? strerror(saved) : "changed while being read";
        free(text);
        return NULL;
    }
    text[n] = '\0';
    *length = n;
    return text;
}
