/* Files written whole or not at all. */
#define _POSIX_C_SOURCE 200809L
#include "whole-file.h"

#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool vmsd_write_whole_file(const char *path, const char *text)
{
    size_t length = strlen(text);
    size_t n = strlen(path) + sizeof ".tmp-XXXXXX";
    char *temp = vmsd_xrealloc(NULL, n);
    snprintf(temp, n, "%s.tmp-XXXXXX", path);

    int fd = mkstemp(temp);
    bool ok = fd >= 0;
    if (ok) {
        ok = write(fd, text, length) == (ssize_t)length;
        ok = close(fd) == 0 && ok;
        ok = ok && chmod(temp, 0644) == 0 && rename(temp, path) == 0;
        if (!ok) {
            int saved = errno;
            unlink(temp);
            errno = saved;
        }
    }
    free(temp);
    return ok;
}
