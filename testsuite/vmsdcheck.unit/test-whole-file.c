/* Files written whole or not at all: an ending signal that arrives
 * while the temporary file exists is held until it is renamed, and
 * reading refuses what is not a regular file or is too large.
 *
 * fsync is replaced here: it raises SIGTERM in the middle of the write,
 * and the handler looks at the directory when the signal is delivered. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"

#include "whole-file.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    signal(SIGTERM, on_term);

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

    unlink(path);
    rmdir(dir);
    totals();
    return 0;
}
