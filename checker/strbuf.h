/* A growing string, for text built piece by piece. */
#ifndef VMSDCHECK_STRBUF_H
#define VMSDCHECK_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct vmsd_strbuf {
    char *data;         /* NUL-ended once anything was put */
    size_t len;
    size_t cap;
};

void vmsd_strbuf_put(struct vmsd_strbuf *b, const char *s, size_t n);
void vmsd_strbuf_puts(struct vmsd_strbuf *b, const char *s);
void vmsd_strbuf_printf(struct vmsd_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text, owned by the caller from now on ("" when empty). */
char *vmsd_strbuf_take(struct vmsd_strbuf *b);

/* Format an error message into ERROR (SIZE bytes); returns false, so
 * that a failing function can end with "return vmsd_fail(...)". */
bool vmsd_fail(char *error, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
