/* Names in JSON, both ways. */
#include "json-name.h"

#include "model.h"

#include <stdlib.h>
#include <string.h>

bool vmsd_utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        int extra = *s < 0x80 ? 0 : (*s >> 5) == 6 ? 1 : (*s >> 4) == 14 ? 2
                    : (*s >> 3) == 30 ? 3 : -1;
        if (extra < 0)
            return false;
        for (s++; extra > 0; extra--, s++)
            if ((*s >> 6) != 2)
                return false;
    }
    return true;
}

json_t *vmsd_json_name(const char *name)
{
    static const char hex[] = "0123456789abcdef";
    if (!name)
        return json_null();
    if (vmsd_utf8_valid(name))
        return json_string(name);
    size_t n = strlen(name);
    char *text = vmsd_xrealloc(NULL, 2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        text[2 * i] = hex[(unsigned char)name[i] >> 4];
        text[2 * i + 1] = hex[(unsigned char)name[i] & 15];
    }
    text[2 * n] = '\0';
    json_t *v = json_pack("{s:s}", "hex", text);
    free(text);
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
