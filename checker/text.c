/* Building the text of findings. */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text_buf {
    char *data;
    size_t len;
    size_t cap;
};

static void put(struct text_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->data = vmsd_xrealloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void put_str(struct text_buf *b, const char *s)
{
    put(b, s, strlen(s));
}


char *vmsd_vformat(const struct vmsd_text_style *style, const char *fmt,
                   va_list ap)
{
    struct text_buf b = { 0 };
    char number[32];

    put(&b, "", 0);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(&b, p, 1);
            continue;
        }
        switch (*++p) {
        case 'q':
            put_str(&b, style->open_quote);
            put_str(&b, va_arg(ap, const char *));
            put_str(&b, style->close_quote);
            break;
        case 's':
            put_str(&b, va_arg(ap, const char *));
            break;
        case 'u':
            snprintf(number, sizeof number, "%u", va_arg(ap, unsigned));
            put_str(&b, number);
            break;
        case 'z':
            snprintf(number, sizeof number, "%zu", va_arg(ap, size_t));
            put_str(&b, number);
            break;
        case '%':
            put(&b, "%", 1);
            break;
        default:        /* a bad directive is a bug in vmsdcheck */
            abort();
        }
    }
    return b.data;
}

char *vmsd_format(const struct vmsd_text_style *style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = vmsd_vformat(style, fmt, ap);
    va_end(ap);
    return out;
}
