/* Names in JSON, both ways. */
#include "json-name.h"

#include "model.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

bool vmsd_utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t n; *s; s += n)
        if (!(n = vmsd_utf8_length(s)))
            return false;
    return true;
}

void vmsd_put_hex(struct vmsd_strbuf *b, const char *name)
{
    static const char hex[] = "0123456789abcdef";
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        char pair[2] = { hex[*p >> 4], hex[*p & 15] };
        vmsd_strbuf_put(b, pair, 2);
    }
}

json_t *vmsd_json_name(const char *name)
{
    if (!name)
        return json_null();
    if (vmsd_utf8_valid(name))
        return json_string(name);
    struct vmsd_strbuf text = { 0 };
    vmsd_put_hex(&text, name);
    json_t *v = json_pack("{s:s}", "hex", text.data);
    free(text.data);
    return v;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool vmsd_json_name_decode(json_t *v, char **out)
{
    *out = NULL;
    if (json_is_string(v)) {        /* jansson refuses \u0000 */
        *out = vmsd_strdup(json_string_value(v));
        return true;
    }
    const char *hex = json_string_value(json_object_get(v, "hex"));
    size_t n = hex ? strlen(hex) : 1;
    if (!json_is_object(v) || json_object_size(v) != 1 || n % 2)
        return false;
    char *bytes = vmsd_xrealloc(NULL, n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0 || (hi | lo) == 0) {
            free(bytes);
            return false;
        }
        bytes[i] = (char)(hi * 16 + lo);
    }
    bytes[n / 2] = '\0';
    *out = bytes;
    return true;
}
