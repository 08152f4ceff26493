/* Building the text of findings. */
#include "text.h"

#include "strbuf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

size_t vmsd_utf8_length(const unsigned char *s)
{
    size_t n = *s < 0x80 ? 1 : (*s >> 5) == 6 ? 2 : (*s >> 4) == 14 ? 3
               : (*s >> 3) == 30 ? 4 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] >> 6) != 2)
            return 0;
    /* Well-formed only (RFC 3629): no overlong form (C0, C1, E0 80-9F,
     * F0 80-8F), no UTF-16 surrogate (ED A0-BF), nothing above U+10FFFF
     * (F4 90-BF, F5-F7): XML (dot's SVG) and JSON refuse them. */
    if ((n == 2 && *s < 0xc2) || (n == 3 && *s == 0xe0 && s[1] < 0xa0)
        || (n == 3 && *s == 0xed && s[1] >= 0xa0)
        || (n == 4 && ((*s == 0xf0 && s[1] < 0x90)
                       || (*s == 0xf4 && s[1] >= 0x90) || *s > 0xf4)))
        return 0;
    return n;
}

/* Marks that reorder or hide text on a terminal: LRM, RLM, the bidi
 * embeddings and overrides, the isolates; and U+FFFE, U+FFFF, which are
 * not characters (XML, and so dot's SVG, refuses them). */
static bool is_unshowable(const unsigned char *s, size_t n)
{
    if (n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)
        return true;
    if (n != 3 || s[0] != 0xe2)
        return false;
    return (s[1] == 0x80 && (s[2] == 0x8e || s[2] == 0x8f
                             || (s[2] >= 0xaa && s[2] <= 0xae)))
           || (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9);
}

void vmsd_put_shown(struct vmsd_strbuf *b, const char *text)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)(text ? text : "(null)");
    while (*s) {
        size_t n = vmsd_utf8_length(s);
        if (n && *s >= 0x20 && *s != 0x7f && *s != '\\'
            && !is_unshowable(s, n)) {
            vmsd_strbuf_put(b, (const char *)s, n);
            s += n;
            continue;
        }
        /* Byte by byte: a backslash as \\, so that escapes stay
         * unambiguous; a control, a stray byte or a bidi mark as \xNN. */
        for (size_t i = 0; i < (n ? n : 1); i++) {
            char esc[4] = { '\\', 'x', hex[s[i] >> 4], hex[s[i] & 15] };
            if (s[i] == '\\')
                vmsd_strbuf_put(b, "\\\\", 2);
            else
                vmsd_strbuf_put(b, esc, 4);
        }
        s += n ? n : 1;
    }
}

char *vmsd_shown(const char *text)
{
    struct vmsd_strbuf b = { 0 };
    vmsd_put_shown(&b, text);
    return vmsd_strbuf_take(&b);
}

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
            vmsd_put_shown(&b, va_arg(ap, const char *));
            vmsd_strbuf_puts(&b, style->close_quote);
            break;
        case 's':
            vmsd_strbuf_puts(&b, va_arg(ap, const char *));
            break;
        case 'd':
            vmsd_strbuf_printf(&b, "%d", va_arg(ap, int));
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
