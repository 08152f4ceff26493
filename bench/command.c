/* Command lines (command.h). */
#include "command.h"

#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void strvec_push(struct strvec *sv, char *s)
{
    /* n + 1 slots are in use (the NULL at the end), or none yet. */
    sv->v = vmsd_grow(sv->v, sv->n + 1, sizeof *sv->v);
    sv->v[sv->n++] = s;
    sv->v[sv->n] = NULL;
}

void strvec_free(struct strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = 0;
}

/* Blanks separate words; '...' is literal; "..." is literal except for
 * \" \\ \$ \` and backslash-newline; an unquoted backslash quotes the
 * next character.  Meson writes -D'NAME="value"' or '-DNAME="value"'.
 * Expansions ($x, globs, ~) are not performed: compile_commands.json
 * does not use them. */
bool split_command(const char *s, struct strvec *out,
                   char *err, size_t errsize)
{
    struct vmsd_strbuf word = { 0 };
    bool in_word = false;

    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\\' && p[1] == '\n') {
            p++;                /* a line continuation */
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word)
                strvec_push(out, vmsd_strbuf_take(&word));
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (!end) {
                free(word.data);
                return vmsd_fail(err, errsize,
                                 "unterminated ' in the command");
            }
            vmsd_strbuf_put(&word, p + 1, (size_t)(end - p - 1));
            p = end;
        } else if (c == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1])) {
                    p++;
                    if (*p == '\n')
                        continue;
                }
                vmsd_strbuf_put(&word, p, 1);
            }
            if (!*p) {
                free(word.data);
                return vmsd_fail(err, errsize,
                                 "unterminated \" in the command");
            }
        } else if (c == '\\') {
            if (!p[1])
                break;          /* a trailing backslash: nothing to quote */
            vmsd_strbuf_put(&word, ++p, 1);
        } else {
            vmsd_strbuf_put(&word, p, 1);
        }
    }
    if (in_word)
        strvec_push(out, vmsd_strbuf_take(&word));
    free(word.data);
    return true;
}

void print_argv(FILE *out, char *const *argv)
{
    for (size_t i = 0; argv[i]; i++) {
        const char *a = argv[i];
        bool plain = *a && strspn(a, "abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                  "-_=./,:+@%") == strlen(a);
        fputs(i ? " " : "", out);
        if (plain) {
            fputs(a, out);
        } else {
            fputc('\'', out);
            for (; *a; a++) {
                if (*a == '\'')
                    fputs("'\\''", out);
                else
                    fputc(*a, out);
            }
            fputc('\'', out);
        }
    }
    fputc('\n', out);
}

bool parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}
