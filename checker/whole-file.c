/* Whole files: written whole or not at all, and read whole. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700       /* realpath */
#include "whole-file.h"

#include "model.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
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

/* Into what is not a regular file (a device such as /dev/null, a FIFO,
 * /dev/stdout on a pipe): a rename would put a file in its place, so
 * the text is written through. */
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

bool vmsd_write_whole_file(const char *path, const char *text)
{
    size_t length = strlen(text);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_through(path, text, length);
    /* A symbolic link's target is replaced, not the link (/dev/stdout
     * redirected to a file names it through two). */
    char *real = realpath(path, NULL);
    const char *target = real ? real : path;
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
    free(real);
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
