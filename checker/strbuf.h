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

/* Make room for N more bytes and the NUL. */
void vmsd_strbuf_grow(struct vmsd_strbuf *b, size_t n);
/* Hand what the buffer holds to its flush function. */
void vmsd_strbuf_flush(struct vmsd_strbuf *b);

/* Where up to N more bytes go; vmsd_strbuf_wrote then keeps those
 * written.  The facts writer puts a few bytes at a time, hundreds of
 * thousands of times in a big unit: a piece of several parts checks
 * the room once. */
static inline char *vmsd_strbuf_room(struct vmsd_strbuf *b, size_t n)
{
    if (b->len + n >= b->cap)
        vmsd_strbuf_grow(b, n);
    return b->data + b->len;
}

static inline void vmsd_strbuf_wrote(struct vmsd_strbuf *b, size_t n)
{
    b->len += n;
    b->data[b->len] = '\0';
    /* The length first: it decides for the facts, which are streamed. */
    if (b->len >= b->flush_at && b->flush)
        vmsd_strbuf_flush(b);
}

static inline void vmsd_strbuf_put(struct vmsd_strbuf *b, const char *s,
                                   size_t n)
{
    memcpy(vmsd_strbuf_room(b, n), s, n);
    vmsd_strbuf_wrote(b, n);
}

static inline void vmsd_strbuf_putc(struct vmsd_strbuf *b, char c)
{
    *vmsd_strbuf_room(b, 1) = c;
    vmsd_strbuf_wrote(b, 1);
}

/* Inline, so that the length of a constant is known. */
static inline void vmsd_strbuf_puts(struct vmsd_strbuf *b, const char *s)
{
    vmsd_strbuf_put(b, s, strlen(s));
}

/* The most digits vmsd_decimal writes. */
#define VMSD_DECIMAL_MAX 20

/* VALUE's decimal digits at OUT, without printf (facts are numbers and
 * names): how many.  Inline, counted by comparing, then written from
 * the last two digits back: a division costs more than a comparison. */
static inline size_t vmsd_decimal(char *out, unsigned long long value)
{
    static const char pairs[] = "00010203040506070809"
                                "10111213141516171819"
                                "20212223242526272829"
                                "30313233343536373839"
                                "40414243444546474849"
                                "50515253545556575859"
                                "60616263646566676869"
                                "70717273747576777879"
                                "80818283848586878889"
                                "90919293949596979899";
    size_t n = 1;
    /* Up to VMSD_DECIMAL_MAX digits: 10^20 overflows. */
    for (unsigned long long bound = 10;
         n < VMSD_DECIMAL_MAX && value >= bound; bound *= 10)
        n++;
    char *digit = out + n;
    for (; value >= 100; value /= 100) {
        digit -= 2;
        memcpy(digit, pairs + 2 * (value % 100), 2);
    }
    if (value >= 10)
        memcpy(digit - 2, pairs + 2 * value, 2);
    else
        digit[-1] = (char)('0' + value);
    return n;
}

void vmsd_strbuf_printf(struct vmsd_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text, owned by the caller from now on ("" when empty). */
char *vmsd_strbuf_take(struct vmsd_strbuf *b);

/* Format an error message into ERROR (SIZE bytes); returns false, so
 * that a failing function can end with "return vmsd_fail(...)". */
bool vmsd_fail(char *error, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
