/* Files written whole or not at all: an ending signal that arrives
 * while the temporary file exists is held until it is renamed; a
 * symbolic link's target is replaced, the link kept; a FIFO and a
 * character device (a copy of /dev/null, as root) are written through,
 * not replaced by a file; /dev/stdout and /dev/fd/N write to the
 * descriptor, where it stands (a file redirected with >> keeps what it
 * had); and reading refuses what is not a regular file or is too large.
 *
 * fsync is replaced here: it raises SIGTERM in the middle of the write,
 * and the handler looks at the directory when the signal is delivered. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700       /* mknod */
#include "unit.h"

#include "whole-file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static char dir[] = "/tmp/vmsdcheck-unit-XXXXXX";
static volatile sig_atomic_t delivered;
static volatile sig_atomic_t temp_seen;   /* a temporary file at delivery */
static volatile sig_atomic_t target_seen;

int fsync(int fd)
{
    (void)fd;
    raise(SIGTERM);
    return 0;
}

static void on_term(int sig)
{
    (void)sig;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strstr(e->d_name, ".tmp-"))
            temp_seen = 1;
        if (strcmp(e->d_name, "out.json") == 0)
            target_seen = 1;
    }
    if (d)
        closedir(d);
    delivered = 1;
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/out.json", dir);
    struct sigaction term = { .sa_handler = on_term };
    sigemptyset(&term.sa_mask);
    sigaction(SIGTERM, &term, NULL);     /* kept for every write */

    CHECK(vmsd_write_whole_file(path, "{}\n"));
    CHECK(delivered);
    CHECK(!temp_seen);          /* held until the file had its name */
    CHECK(target_seen);

    size_t n;
    const char *why;
    char *text = vmsd_read_whole_file(path, 100, &n, &why);
    CHECK(text && n == 3);
    free(text);
    CHECK(!vmsd_read_whole_file(path, 2, &n, &why));
    CHECK_STR(why, "larger than any such file can be");
    CHECK(!vmsd_read_whole_file(dir, 100, &n, &why));
    CHECK_STR(why, "not a regular file");

    char link[64], fifo[64];
    snprintf(link, sizeof link, "%s/link.json", dir);
    CHECK(symlink("out.json", link) == 0);
    CHECK(vmsd_write_whole_file(link, "[]\n"));
    struct stat st;
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    text = vmsd_read_whole_file(path, 100, &n, &why);
    CHECK(text && strcmp(text, "[]\n") == 0);
    free(text);

    /* Opened for reading first, so that writing does not wait. */
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    int reader = open(fifo, O_RDONLY | O_NONBLOCK);
    CHECK(reader >= 0);
    CHECK(vmsd_write_whole_file(fifo, "{}\n"));
    char got[8] = "";
    CHECK(read(reader, got, sizeof got - 1) == 3 && strcmp(got, "{}\n") == 0);
    close(reader);
    CHECK(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));

    /* Standard output redirected to a file for appending. */
    char log[64];
    snprintf(log, sizeof log, "%s/log", dir);
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
    CHECK(fd >= 0 && write(fd, "head\n", 5) == 5);
    struct stat before;
    CHECK(fstat(fd, &before) == 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd, 1);
    bool wrote = vmsd_write_whole_file("/dev/stdout", "{}\n");
    dup2(saved, 1);     /* before CHECK prints */
    close(saved);
    CHECK(wrote);
    char through_fd[32];
    snprintf(through_fd, sizeof through_fd, "/dev/fd/%d", fd);
    CHECK(vmsd_write_whole_file(through_fd, "[]\n"));
    close(fd);
    text = vmsd_read_whole_file(log, 100, &n, &why);
    CHECK_STR(text, "head\n{}\n[]\n");
    free(text);
    CHECK(stat(log, &st) == 0 && st.st_ino == before.st_ino);
    CHECK(!vmsd_write_whole_file("/dev/fd/999", "{}\n"));

    /* A character device stays one (as root: mknod needs it). */
    char null[64];
    snprintf(null, sizeof null, "%s/null", dir);
    if (geteuid() == 0) {
        CHECK(mknod(null, S_IFCHR | 0666, makedev(1, 3)) == 0);
        CHECK(vmsd_write_whole_file(null, "{}\n"));
        CHECK(lstat(null, &st) == 0 && S_ISCHR(st.st_mode));
        unlink(null);
    } else
        note("not root: no character device made");

    unlink(log);
    unlink(fifo);
    unlink(link);
    unlink(path);
    rmdir(dir);
    totals();
    return 0;
}
