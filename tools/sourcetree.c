/* Walking a source tree for the C files that define descriptions. */
#define _DEFAULT_SOURCE
#include "sourcetree.h"

#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reading C text as tokens: enough of C to tell code from comments and
 * literals. */

enum token_kind { TOKEN_END, TOKEN_IDENTIFIER, TOKEN_OTHER };

struct token {
    enum token_kind kind;
    const char *start;
    size_t length;
};

static bool is_identifier_start(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_identifier_char(char c)
{
    return is_identifier_start(c) || (c >= '0' && c <= '9');
}

/* Past white space and comments from P. */
static const char *skip_blank(const char *p, const char *end)
{
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'
            || *p == '\f' || *p == '\v' || *p == '\\') {
            p++;                /* a backslash here splices a line */
        } else if (*p == '/' && p + 1 < end && p[1] == '*') {
            const char *close = p + 2;
            while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
                close++;
            p = close + 1 < end ? close + 2 : end;
        } else if (*p == '/' && p + 1 < end && p[1] == '/') {
            while (p < end && *p != '\n')
                p++;
        } else {
            break;
        }
    }
    return p;
}

/* Past the string or character literal whose quote is at P (an
 * unterminated one ends at its line's end). */
static const char *skip_literal(const char *p, const char *end)
{
    char quote = *p++;
    while (p < end && *p != quote && *p != '\n')
        p += *p == '\\' && p + 1 < end ? 2 : 1;
    return p < end ? p + 1 : end;
}

static struct token next_token(const char **cursor, const char *end)
{
    const char *p = skip_blank(*cursor, end);
    struct token t = { TOKEN_END, p, 0 };
    if (p == end)
        return t;
    if (is_identifier_start(*p)) {
        t.kind = TOKEN_IDENTIFIER;
        while (p < end && is_identifier_char(*p))
            p++;
    } else if (*p >= '0' && *p <= '9') {
        t.kind = TOKEN_OTHER;   /* a number, suffix and all */
        while (p < end && (is_identifier_char(*p) || *p == '.'))
            p++;
    } else if (*p == '"' || *p == '\'') {
        t.kind = TOKEN_OTHER;
        p = skip_literal(p, end);
    } else {
        t.kind = TOKEN_OTHER;   /* "==" is one token, so never '=' */
        p += *p == '=' && p + 1 < end && p[1] == '=' ? 2 : 1;
    }
    t.length = (size_t)(p - t.start);
    *cursor = p;
    return t;
}

static bool token_is(const struct token *t, enum token_kind kind,
                     const char *text)
{
    return t->kind == kind && t->length == strlen(text)
           && memcmp(t->start, text, t->length) == 0;
}

bool sourcetree_defines_vmsd(const char *text, size_t length)
{
    const char *cursor = text, *end = text + length;
    struct token before_last = { TOKEN_END, text, 0 };
    struct token last = before_last;
    for (;;) {
        struct token t = next_token(&cursor, end);
        if (t.kind == TOKEN_END)
            return false;
        if (token_is(&t, TOKEN_OTHER, "=") && last.kind == TOKEN_IDENTIFIER
            && token_is(&before_last, TOKEN_IDENTIFIER, "VMStateDescription"))
            return true;
        before_last = last;
        last = t;
    }
}

/* The walk */

struct walk {
    const char *root;
    struct source_files *out;
    size_t entries;
    struct vmsd_strbuf path;            /* under the root, '/' after each
                                           directory */
};

static bool walk_error(const struct walk *w, const char *what)
{
    char *shown = vmsd_shown(w->path.len ? w->path.data : ".");
    fprintf(stderr, "vmsdcheck: --source-root %s: %s: %s\n", w->root, shown,
            what);
    free(shown);
    return false;
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcmp(name + n - s, suffix) == 0;
}

/* Read the C file NAME of directory DIR and keep its path when it
 * defines a description. */
static bool read_c_file(struct walk *w, int dir, const char *name)
{
    int fd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        bool ok = walk_error(w, strerror(errno));
        if (fd >= 0)
            close(fd);
        return ok;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return walk_error(w, "not a regular file");
    }
    if ((size_t)st.st_size > SOURCETREE_MAX_FILE_BYTES) {
        close(fd);
        return walk_error(w, "larger than 64 MiB: not a C file of a source "
                          "tree");
    }
    size_t size = (size_t)st.st_size, got = 0;
    char *text = vmsd_xrealloc(NULL, size + 1);
    while (got < size) {
        ssize_t n = read(fd, text + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            free(text);
            close(fd);
            return walk_error(w, n < 0 ? strerror(errno)
                                       : "changed while being read");
        }
        got += (size_t)n;
    }
    close(fd);
    w->out->c_files++;
    if (sourcetree_defines_vmsd(text, size)) {
        w->out->paths = vmsd_grow(w->out->paths, w->out->n,
                                  sizeof *w->out->paths);
        w->out->paths[w->out->n++] = vmsd_strdup(w->path.data);
    }
    free(text);
    return true;
}

/* What NAME in DIR is, without following a link. */
static unsigned char entry_type(int dir, const struct dirent *e)
{
    struct stat st;
    if (e->d_type != DT_UNKNOWN)
        return e->d_type;
    if (fstatat(dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return DT_UNKNOWN;
    return S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK
           : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
}

static bool walk_dir(struct walk *w, int fd, int depth);

/* One entry of a directory, its name already on w->path. */
static bool walk_entry(struct walk *w, int dir, const struct dirent *e,
                       int depth)
{
    unsigned char type = entry_type(dir, e);
    if (type == DT_DIR) {
        if (depth >= SOURCETREE_MAX_DEPTH)
            return walk_error(w, "more than 64 directories deep");
        int fd = openat(dir, e->d_name,
                        O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return walk_error(w, strerror(errno));
        vmsd_strbuf_puts(&w->path, "/");
        return walk_dir(w, fd, depth + 1);
    }
    if (ends_with(e->d_name, ".c"))
        return read_c_file(w, dir, e->d_name);  /* a link read through */
    return true;
}

/* Every entry of the directory open as FD (closed here). */
static bool walk_dir(struct walk *w, int fd, int depth)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return walk_error(w, strerror(errno));
    }
    size_t base = w->path.len;
    bool ok = true;
    struct dirent *e;
    errno = 0;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;           /* ".", "..", .git and its like */
        if (++w->entries > SOURCETREE_MAX_ENTRIES) {
            ok = walk_error(w, "more than 4,194,304 entries: not a source "
                            "tree");
            break;
        }
        vmsd_strbuf_puts(&w->path, e->d_name);
        ok = walk_entry(w, dirfd(d), e, depth);
        w->path.len = base;
        w->path.data[base] = '\0';
        errno = 0;
    }
    if (ok && errno)
        ok = walk_error(w, strerror(errno));
    closedir(d);
    return ok;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool sourcetree_scan(const char *root, struct source_files *out)
{
    memset(out, 0, sizeof *out);
    struct walk w = { root, out, 0, { 0 } };
    vmsd_strbuf_puts(&w.path, "");
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = fd >= 0 ? walk_dir(&w, fd, 0) : walk_error(&w, strerror(errno));
    free(vmsd_strbuf_take(&w.path));
    if (!ok) {
        source_files_free(out);
        return false;
    }
    if (out->n)
        qsort(out->paths, out->n, sizeof *out->paths, compare_paths);
    return true;
}

void source_files_free(struct source_files *files)
{
    for (size_t i = 0; i < files->n; i++)
        free(files->paths[i]);
    free(files->paths);
    memset(files, 0, sizeof *files);
}
