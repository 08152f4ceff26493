/* A growing string. */
#include "strbuf.h"

#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for N more bytes and the NUL. */
static void make_room(struct vmsd_strbuf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->data = vmsd_xrealloc(b->data, b->cap);
    }
}

/* After bytes were put: the NUL, and the flush when it is due. */
static void end_put(struct vmsd_strbuf *b)
{
    b->data[b->len] = '\0';
    if (b->flush && b->len >= b->flush_at)
        vmsd_strbuf_flush(b);
}

void vmsd_strbuf_put_slow(struct vmsd_strbuf *b, const char *s, size_t n)
{
    make_room(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    end_put(b);
}

void vmsd_strbuf_flush(struct vmsd_strbuf *b)
{
    if (b->flush && b->len) {
        b->flush(b->data, b->len, b->flush_arg);
        b->len = 0;
        b->data[0] = '\0';
    }
}

/* Digits straight into the buffer, most significant first: numbers are
 * most of the facts, and copying a few bytes in costs a call. */
void vmsd_strbuf_put_uint(struct vmsd_strbuf *b, unsigned long long value)
{
    size_t n = 1;
    for (unsigned long long rest = value; rest >= 10; rest /= 10)
        n++;
    make_room(b, n);
    /* A pointer of its own: stores through b->data would make the
     * compiler load b->data and b->len again for every digit. */
    char *out = b->data + b->len + n;
    do
        *--out = (char)('0' + value % 10);
    while ((value /= 10) != 0);
    b->len += n;
    end_put(b);
}

void vmsd_strbuf_put_int(struct vmsd_strbuf *b, long long value)
{
    if (value < 0)
        vmsd_strbuf_putc(b, '-');
    vmsd_strbuf_put_uint(b, value < 0 ? 0 - (unsigned long long)value
                                      : (unsigned long long)value);
}

void vmsd_strbuf_puts(struct vmsd_strbuf *b, const char *s)
{
    vmsd_strbuf_put(b, s, strlen(s));
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
