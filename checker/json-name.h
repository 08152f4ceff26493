/* Names in JSON: names are bytes, JSON strings are UTF-8.  A name that
 * is UTF-8 is a string; one that is not is {"hex": "..."}, its bytes in
 * hex, so that it travels without loss (facts, the report's graph). */
#ifndef VMSDCHECK_JSON_NAME_H
#define VMSDCHECK_JSON_NAME_H

#include <jansson.h>
#include <stdbool.h>

struct vmsd_strbuf;

bool vmsd_utf8_valid(const char *s);

/* NAME's bytes in hex (what {"hex": ...} holds). */
void vmsd_put_hex(struct vmsd_strbuf *b, const char *name);

/* NAME as a new JSON value (null for NULL). */
json_t *vmsd_json_name(const char *name);

/* V back into a name the caller frees: false (and *OUT NULL) when V is
 * neither a string nor a well-formed {"hex": ...} of non-NUL bytes. */
bool vmsd_json_name_decode(json_t *v, char **out);

#endif
