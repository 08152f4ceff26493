/* Whole files: written whole or not at all, and read whole. */
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

char *vmsd_read_whole_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t n = 0, got;
    char chunk[8192];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        text = vmsd_xrealloc(text, n + got + 1);
        memcpy(text + n, chunk, got);
        n += got;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(text);
        return NULL;
    }
    if (!text)
        text = vmsd_xcalloc(1, 1);
    text[n] = '\0';
    *length = n;
    return text;
}
