/* The records of records.def in the JSON report: the base's structs
 * (their BASE and DERIVED members) written under their keys and read
 * back, whatever the member. */
#ifndef VMSDCHECK_TOOL_RECORD_JSON_H
#define VMSDCHECK_TOOL_RECORD_JSON_H

#include "../checker/model.h"
#include "../checker/records.h"

#include <jansson.h>

/* A place as {"file", "line", "column"}. */
json_t *record_json_loc(struct vmsd_loc loc);

/* The base's struct AT of RECORD as a new object, in records.def's
 * order. */
json_t *record_json(const struct vmsd_record *record, const void *at);

/* The name member KEY of OBJECT (a string or {"hex": ...}), a copy the
 * caller frees; NULL when it is absent or null and OPTIONAL.  A bad one
 * gives NULL and, when *WHAT is NULL, sets it to KEY. */
char *record_json_name(json_t *object, const char *key, bool optional,
                       const char **what);

/* OBJECT's members into the base's struct AT of RECORD (zeroed):
 * names are copies, places' files go through OWN_FILE (with ARG).  A
 * name of kind OPT_NAME may be absent or null.  False, with *WHAT the
 * first bad or missing key when it was NULL, when one is. */
bool record_from_json(const struct vmsd_record *record, void *at,
                      json_t *object,
                      const char *(*own_file)(void *arg, const char *),
                      void *arg, const char **what);

#endif
