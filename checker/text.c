/* Building the text of findings. */
#include "text.h"

#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>

char *vmsd_vformat(const struct vmsd_text_style *style, const char *fmt,
                   va_list ap)
{
    struct vmsd_strbuf b = { 0 };

    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            vmsd_strbuf_put(&b, p, 1);
            continue;
        }
        switch (*++p) {
        case 'q':
            vmsd_strbuf_puts(&b, style->open_quote);
            vmsd_strbuf_puts(&b, va_arg(ap, const char *));
            vmsd_strbuf_puts(&b, style->close_quote);
            break;
        case 's':
            vmsd_strbuf_puts(&b, va_arg(ap, const char *));
            break;
        case 'u':
            vmsd_strbuf_printf(&b, "%u", va_arg(ap, unsigned));
            break;
        case 'z':
            vmsd_strbuf_printf(&b, "%zu", va_arg(ap, size_t));
            break;
        case '%':
            vmsd_strbuf_put(&b, "%", 1);
            break;
        default:        /* a bad directive is a bug in vmsdcheck */
            abort();
        }
    }
    return vmsd_strbuf_take(&b);
}

char *vmsd_format(const struct vmsd_text_style *style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = vmsd_vformat(style, fmt, ap);
    va_end(ap);
    return out;
}
