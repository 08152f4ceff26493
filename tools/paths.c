/* Joining and normalizing paths by their text: the files need not exist
 * where the report is made. */
#define _DEFAULT_SOURCE
#include "paths.h"

#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PATH (absolute) with "." and ".." parts and repeated '/' resolved. */
static char *normalize(const char *path)
{
    size_t n = strlen(path);
    char *out = vmsd_xrealloc(NULL, n + 2);
    size_t len = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t part = end ? (size_t)(end - p) : strlen(p);
        if (part == 0 || (part == 1 && p[0] == '.')) {
            /* nothing */
        } else if (part == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;
        } else {
            out[len++] = '/';
            memcpy(out + len, p, part);
            len += part;
        }
        p += part;
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    return out;
}

/* FILE made absolute against the working directory. */
static char *absolute(const char *file)
{
    struct vmsd_strbuf b = { 0 };
    if (file[0] != '/') {
        char cwd[PATH_MAX];
        vmsd_strbuf_puts(&b, getcwd(cwd, sizeof cwd) ? cwd : "/");
        vmsd_strbuf_puts(&b, "/");
    }
    vmsd_strbuf_puts(&b, file);
    char *joined = vmsd_strbuf_take(&b);
    char *normal = normalize(joined);
    free(joined);
    return normal;
}

char *paths_root(const char *root)
{
    struct stat st;
    if (stat(root, &st) != 0)
        return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    return absolute(root);
}

char *paths_display(const char *file, const char *root)
{
    if (!root)
        return vmsd_strdup(file);
    char *path = absolute(file);
    size_t n = strlen(root);
    if (strcmp(root, "/") == 0 && path[1]) {
        memmove(path, path + 1, strlen(path));
    } else if (strncmp(path, root, n) == 0 && path[n] == '/' && path[n + 1]) {
        memmove(path, path + n + 1, strlen(path + n + 1) + 1);
    }
    return path;
}

const char *paths_last_part(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool paths_is_c_source(const char *name)
{
    size_t len = strlen(name);
    return len > 2 && strcmp(name + len - 2, ".c") == 0;
}
