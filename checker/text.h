/* Building the text of findings: a tiny printf whose %q quotes a name
 * the way the caller's style asks. */
#ifndef VMSDCHECK_TEXT_H
#define VMSDCHECK_TEXT_H

#include <stdarg.h>
#include <stddef.h>

struct vmsd_strbuf;

/* Text of a finding: names stand between the style's quotes (GCC's
 * locale quotes in the plugin, plain ones in the tools). */
struct vmsd_text_style {
    const char *open_quote;
    const char *close_quote;
};

/* The length of the well-formed UTF-8 sequence at S (1 for an ASCII
 * byte, NUL included), 0 when it is not one (overlong forms and
 * surrogates are not). */
size_t vmsd_utf8_length(const unsigned char *s);

/* TEXT (untrusted: a name, a file name) as a terminal may safely show
 * it: control bytes, bytes that are not well-formed UTF-8, bidi marks
 * and U+FFFE, U+FFFF as \xNN, a backslash as \\; NULL as "(null)". */
void vmsd_put_shown(struct vmsd_strbuf *b, const char *text);
/* The same, in a new string the caller frees. */
char *vmsd_shown(const char *text);

/* Format 'fmt' into a new string.  Directives: %q a name between the
 * style's quotes, shown safely; %s text as it is; %d int; %u unsigned;
 * %z size_t; %% a '%'. */
char *vmsd_format(const struct vmsd_text_style *style, const char *fmt, ...);
char *vmsd_vformat(const struct vmsd_text_style *style, const char *fmt,
                   va_list ap);

#endif
