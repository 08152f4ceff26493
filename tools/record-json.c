/* The records of records.def in the JSON report (docs/whole-program.md):
 * strict reading, since a gate that misreads its base passes what it
 * should not. */
#include "record-json.h"

#include "../checker/json-name.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

json_t *record_json_loc(struct vmsd_loc loc)
{
    return json_pack("{s:o, s:i, s:i}", "file", vmsd_json_name(loc.file),
                     "line", (int)loc.line, "column", (int)loc.column);
}

/* The member M of the struct AT, as a TYPE. */
#define AT(type, at, m) VMSD_MEMBER_AT(type, at, (m)->base_offset)

static json_t *member_json(const struct vmsd_member *m, const void *at)
{
    switch (m->kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        return vmsd_json_name(*AT(char *const, at, m));
    case VMSD_KIND_INT:
        return json_integer(*AT(const int, at, m));
    case VMSD_KIND_U32:
        return json_integer(*AT(const uint32_t, at, m));
    case VMSD_KIND_U64:
        return json_integer((json_int_t)*AT(const uint64_t, at, m));
    case VMSD_KIND_BOOL:
        return json_boolean(*AT(const bool, at, m));
    case VMSD_KIND_COUNT:
        return json_integer((json_int_t)*AT(const size_t, at, m));
    case VMSD_KIND_LOC:
        return record_json_loc(*AT(const struct vmsd_loc, at, m));
    case VMSD_KIND_REF:
    case VMSD_KIND_UID:
    case VMSD_KIND_DESC:
    case VMSD_KIND_LINKAGE:
    case VMSD_KIND_MARKER:
        break;
    }
    abort();                    /* records.def keeps them out of the base */
}

json_t *record_json(const struct vmsd_record *record, const void *at)
{
    json_t *object = json_object();
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->base_offset != VMSD_NOWHERE)
            json_object_set_new(object, m->key, member_json(m, at));
    }
    return object;
}

/* KEY is bad: the first problem, when none was said. */
static bool bad(const char **what, const char *key)
{
    if (!*what)
        *what = key;
    return false;
}

char *record_json_name(json_t *object, const char *key, bool optional,
                       const char **what)
{
    json_t *value = json_object_get(object, key);
    char *name;
    if (optional && (!value || json_is_null(value)))
        return NULL;
    if (!vmsd_json_name_decode(value, &name))
        bad(what, key);
    return name;
}

/* An integer in [MIN, MAX] into *OUT. */
static bool int_from_json(json_t *value, long long min, long long max,
                          long long *out)
{
    if (!json_is_integer(value) || json_integer_value(value) < min
        || json_integer_value(value) > max)
        return false;
    *out = json_integer_value(value);
    return true;
}

static bool loc_from_json(json_t *loc, struct vmsd_loc *out,
                          const char *(*own_file)(void *arg, const char *),
                          void *arg, const char **what)
{
    long long line, column;
    memset(out, 0, sizeof *out);
    if (!json_is_object(loc)
        || !int_from_json(json_object_get(loc, "line"), 0, UINT_MAX, &line)
        || !int_from_json(json_object_get(loc, "column"), 0, UINT_MAX,
                          &column))
        return false;
    char *file = record_json_name(loc, "file", true, what);
    out->file = own_file(arg, file);
    free(file);
    out->line = (unsigned)line;
    out->column = (unsigned)column;
    return true;
}

static bool member_from_json(const struct vmsd_member *m, void *at,
                             json_t *object,
                             const char *(*own_file)(void *arg, const char *),
                             void *arg, const char **what)
{
    json_t *value = json_object_get(object, m->key);
    long long v;
    const char *before = *what;
    switch (m->kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        *AT(char *, at, m) = record_json_name(object, m->key,
                                              m->kind == VMSD_KIND_OPT_NAME,
                                              what);
        return *what == before;
    case VMSD_KIND_INT:
        if (!int_from_json(value, INT_MIN, INT_MAX, &v))
            return false;
        *AT(int, at, m) = (int)v;
        return true;
    case VMSD_KIND_U32:
        if (!int_from_json(value, 0, UINT32_MAX, &v))
            return false;
        *AT(uint32_t, at, m) = (uint32_t)v;
        return true;
    case VMSD_KIND_U64:
        if (!int_from_json(value, 0, LLONG_MAX, &v))
            return false;
        *AT(uint64_t, at, m) = (uint64_t)v;
        return true;
    case VMSD_KIND_BOOL:
        if (!json_is_boolean(value))
            return false;
        *AT(bool, at, m) = json_is_true(value);
        return true;
    case VMSD_KIND_COUNT:
        if (!int_from_json(value, 0, LLONG_MAX, &v))
            return false;
        *AT(size_t, at, m) = (size_t)v;
        return true;
    case VMSD_KIND_LOC:
        return loc_from_json(value, AT(struct vmsd_loc, at, m), own_file,
                             arg, what);
    case VMSD_KIND_REF:
    case VMSD_KIND_UID:
    case VMSD_KIND_DESC:
    case VMSD_KIND_LINKAGE:
    case VMSD_KIND_MARKER:
        break;
    }
    abort();                    /* records.def keeps them out of the base */
}

bool record_from_json(const struct vmsd_record *record, void *at,
                      json_t *object,
                      const char *(*own_file)(void *arg, const char *),
                      void *arg, const char **what)
{
    bool ok = true;
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->base_offset != VMSD_NOWHERE
            && !member_from_json(m, at, object, own_file, arg, what))
            ok = bad(what, m->key);
    }
    return ok;
}
