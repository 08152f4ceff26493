/* A growing string. */
#include "strbuf.h"

#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vmsd_strbuf_grow(struct vmsd_strbuf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->data = vmsd_xrealloc(b->data, b->cap);
    }
}

void vmsd_strbuf_flush(struct vmsd_strbuf *b)
{
    if (b->flush && b->len) {
        b->flush(b->data, b->len, b->flush_arg);
        b->len = 0;
        b->data[0] = '\0';
    }
}

void vmsd_strbuf_printf(struct vmsd_strbuf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        vmsd_strbuf_put(b, small, (size_t)n);
        return;
    }
    char *big = vmsd_xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    vmsd_strbuf_put(b, big, (size_t)n);
    free(big);
}

char *vmsd_strbuf_take(struct vmsd_strbuf *b)
{
    char *s = b->data ? b->data : vmsd_strdup("");
    memset(b, 0, sizeof *b);
    return s;
}

bool vmsd_fail(char *error, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(error, size, fmt, ap);
    va_end(ap);
    return false;
}
