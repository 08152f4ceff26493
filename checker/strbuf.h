/* A growing string, for text built piece by piece. */
#ifndef VMSDCHECK_STRBUF_H
#define VMSDCHECK_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct vmsd_strbuf {
    char *data;         /* NUL-ended once anything was put */
    size_t len;
    size_t cap;
    /* When set, the text is handed on in pieces of at least 'flush_at'
     * bytes instead of kept (call vmsd_strbuf_flush for the last one). */
    void (*flush)(const char *text, size_t len, void *arg);
    void *flush_arg;
    size_t flush_at;
};

/* Put N bytes when they need more room or a flush first. */
void vmsd_strbuf_put_slow(struct vmsd_strbuf *b, const char *s, size_t n);

/* Inline: the facts writer puts a few bytes at a time, hundreds of
 * thousands of times in a big unit. */
static inline void vmsd_strbuf_put(struct vmsd_strbuf *b, const char *s,
                                   size_t n)
{
    if (b->len + n >= b->cap || (b->flush && b->len + n >= b->flush_at)) {
        vmsd_strbuf_put_slow(b, s, n);
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void vmsd_strbuf_putc(struct vmsd_strbuf *b, char c)
{
    vmsd_strbuf_put(b, &c, 1);
}

void vmsd_strbuf_puts(struct vmsd_strbuf *b, const char *s);
/* A number in decimal, without printf (facts are numbers and names). */
void vmsd_strbuf_put_int(struct vmsd_strbuf *b, long long value);
void vmsd_strbuf_put_uint(struct vmsd_strbuf *b, unsigned long long value);
/* Hand what the buffer holds to its flush function. */
void vmsd_strbuf_flush(struct vmsd_strbuf *b);
void vmsd_strbuf_printf(struct vmsd_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text, owned by the caller from now on ("" when empty). */
char *vmsd_strbuf_take(struct vmsd_strbuf *b);

/* Format an error message into ERROR (SIZE bytes); returns false, so
 * that a failing function can end with "return vmsd_fail(...)". */
bool vmsd_fail(char *error, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
