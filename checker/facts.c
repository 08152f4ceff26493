/* The facts format: writing with a string builder (it runs inside the
 * compiler, so no document tree), reading with libjansson. */
#include "facts.h"

#include "json-name.h"
#include "strbuf.h"

#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writing */

/* A JSON string; a name that is not UTF-8 as {"hex":"..."}, its bytes
 * in hex: JSON has no way to carry raw bytes, and names are bytes. */
static void put_string(struct vmsd_strbuf *b, const char *s)
{
    if (!s) {
        vmsd_strbuf_puts(b, "null");
        return;
    }
    if (!vmsd_utf8_valid(s)) {
        vmsd_strbuf_puts(b, "{\"hex\":\"");
        vmsd_put_hex(b, s);
        vmsd_strbuf_puts(b, "\"}");
        return;
    }
    vmsd_strbuf_put(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s, *plain = p;
    for (; *p; p++) {
        if (*p != '"' && *p != '\\' && *p >= 0x20)
            continue;
        vmsd_strbuf_put(b, (const char *)plain, (size_t)(p - plain));
        if (*p == '"' || *p == '\\')
            vmsd_strbuf_printf(b, "\\%c", *p);
        else
            vmsd_strbuf_printf(b, "\\u%04x", *p);
        plain = p + 1;
    }
    vmsd_strbuf_put(b, (const char *)plain, (size_t)(p - plain));
    vmsd_strbuf_put(b, "\"", 1);
}

static size_t file_index(const struct vmsd_model *model, const char *file)
{
    for (size_t i = 0; i < model->n_files; i++)
        if (model->files[i] == file)
            return i;
    return (size_t)-1;          /* no file: written as -1 */
}

/* ,"KEY":VALUE */
static void put_member_int(struct vmsd_strbuf *b, const char *key,
                           long long value)
{
    vmsd_strbuf_puts(b, ",\"");
    vmsd_strbuf_puts(b, key);
    vmsd_strbuf_puts(b, "\":");
    vmsd_strbuf_put_int(b, value);
}

static void put_loc(struct vmsd_strbuf *b, const struct vmsd_model *model,
                    struct vmsd_loc loc)
{
    vmsd_strbuf_puts(b, "\"loc\":[");
    vmsd_strbuf_put_int(b, (long)file_index(model, loc.file));
    vmsd_strbuf_puts(b, ",");
    vmsd_strbuf_put_int(b, loc.line);
    vmsd_strbuf_puts(b, ",");
    vmsd_strbuf_put_int(b, loc.column);
    vmsd_strbuf_puts(b, "]");
}

static void put_ref(struct vmsd_strbuf *b, const struct vmsd_model *model,
                    const struct vmsd_ref *ref)
{
    if (ref->is_null) {
        vmsd_strbuf_puts(b, "null");
        return;
    }
    vmsd_strbuf_puts(b, "{\"id\":");
    vmsd_strbuf_put_int(b, ref->uid);
    vmsd_strbuf_puts(b, ",\"symbol\":");
    put_string(b, ref->symbol);
    vmsd_strbuf_puts(b, ",");
    put_loc(b, model, ref->loc);
    vmsd_strbuf_puts(b, "}");
}

static void put_sublist(struct vmsd_strbuf *b, const struct vmsd_model *model,
                        const struct vmsd_sublist *list)
{
    vmsd_strbuf_puts(b, ",\"subsections\":{\"id\":");
    vmsd_strbuf_put_int(b, list->uid);
    if (list->too_long)
        vmsd_strbuf_puts(b, ",\"too_long\":true");
    vmsd_strbuf_puts(b, ",\"slots\":[");
    for (size_t i = 0; i < list->n_slots; i++) {
        if (i)
            vmsd_strbuf_puts(b, ",");
        put_ref(b, model, &list->slots[i]);
    }
    vmsd_strbuf_puts(b, "]}");
}

/* A field: defaults (0, false, none) are left out. */
static void put_field(struct vmsd_strbuf *b, const struct vmsd_model *model,
                      const struct vmsd_field *f)
{
    vmsd_strbuf_puts(b, "{\"name\":");
    put_string(b, f->name);
    if (f->flags)
        put_member_int(b, "flags", f->flags);
    if (f->has_field_exists)
        vmsd_strbuf_puts(b, ",\"field_exists\":true");
    if (f->version_id)
        put_member_int(b, "version_id", f->version_id);
    if (f->struct_version_id)
        put_member_int(b, "struct_version_id", f->struct_version_id);
    if (f->size)
        put_member_int(b, "size", (long long)f->size);
    if (f->num)
        put_member_int(b, "num", f->num);
    if (f->info) {
        vmsd_strbuf_puts(b, ",\"info\":");
        put_string(b, f->info);
    }
    if (vmsd_field_nests(f)) {
        vmsd_strbuf_puts(b, ",\"vmsd\":");
        put_ref(b, model, &f->vmsd);
    }
    vmsd_strbuf_puts(b, "}");
}

static void put_fieldlist(struct vmsd_strbuf *b,
                          const struct vmsd_model *model,
                          const struct vmsd_fieldlist *list)
{
    vmsd_strbuf_puts(b, ",\"fields\":{\"id\":");
    vmsd_strbuf_put_int(b, list->uid);
    vmsd_strbuf_puts(b, list->terminated ? ",\"terminated\":true,\"list\":["
                                         : ",\"terminated\":false,\"list\":[");
    for (size_t i = 0; i < list->n_fields; i++) {
        if (i)
            vmsd_strbuf_puts(b, ",");
        put_field(b, model, &list->fields[i]);
    }
    vmsd_strbuf_puts(b, "]}");
}

static const char *const linkage_names[] = {
    [VMSD_LINK_STATIC] = "static",
    [VMSD_LINK_GLOBAL] = "global",
    [VMSD_LINK_EXTERN] = "extern",
};

static void put_desc(struct vmsd_strbuf *b, const struct vmsd_model *model,
                     const struct vmsd_desc *d)
{
    vmsd_strbuf_puts(b, "{\"id\":");
    vmsd_strbuf_put_int(b, d->uid);
    vmsd_strbuf_puts(b, ",\"symbol\":");
    put_string(b, d->symbol);
    vmsd_strbuf_puts(b, ",\"linkage\":\"");
    vmsd_strbuf_puts(b, linkage_names[d->linkage]);
    vmsd_strbuf_puts(b, d->defined ? "\",\"defined\":true,\"name\":"
                                   : "\",\"defined\":false,\"name\":");
    put_string(b, d->name);
    if (d->name_unreadable)
        vmsd_strbuf_puts(b, ",\"name_unreadable\":true");
    vmsd_strbuf_puts(b, ",");
    put_loc(b, model, d->loc);
    vmsd_strbuf_puts(b, ",\"version_id\":");
    vmsd_strbuf_put_int(b, d->version_id);
    vmsd_strbuf_puts(b, ",\"minimum_version_id\":");
    vmsd_strbuf_put_int(b, d->minimum_version_id);
    if (d->needed) {
        vmsd_strbuf_puts(b, ",\"needed\":");
        put_string(b, d->needed);
    }
    if (d->marker != VMSD_MARKER_ABSENT)
        vmsd_strbuf_puts(b, d->marker == VMSD_MARKER_SET ? ",\"marker\":true"
                                                         : ",\"marker\":false");
    if (d->subsections)
        put_sublist(b, model, d->subsections);
    if (d->fields)
        put_fieldlist(b, model, d->fields);
    vmsd_strbuf_puts(b, "}");
}

/* What decides each device type's description: TypeInfos, the
 * DeviceClass.vmsd assignments and the calls of the unit's functions;
 * each member only when the unit has any. */
static void put_qom(struct vmsd_strbuf *b, const struct vmsd_model *model)
{
    for (size_t i = 0; i < model->n_types; i++) {
        const struct vmsd_qom_type *t = &model->types[i];
        vmsd_strbuf_puts(b, i ? ",{\"name\":" : ",\"types\":[{\"name\":");
        put_string(b, t->name);
        vmsd_strbuf_puts(b, ",\"parent\":");
        put_string(b, t->parent);
        vmsd_strbuf_puts(b, ",\"class_init\":");
        put_string(b, t->class_init);
        vmsd_strbuf_puts(b, ",");
        put_loc(b, model, t->loc);
        vmsd_strbuf_puts(b, i + 1 == model->n_types ? "}]" : "}");
    }
    for (size_t i = 0; i < model->n_class_vmsds; i++) {
        const struct vmsd_class_vmsd *c = &model->class_vmsds[i];
        vmsd_strbuf_puts(b, i ? ",{\"function\":"
                              : ",\"class_vmsd\":[{\"function\":");
        put_string(b, c->function);
        vmsd_strbuf_puts(b, ",\"vmsd\":");
        put_ref(b, model, &c->vmsd);
        if (c->conditional)
            vmsd_strbuf_puts(b, ",\"conditional\":true");
        vmsd_strbuf_puts(b, i + 1 == model->n_class_vmsds ? "}]" : "}");
    }
    for (size_t i = 0; i < model->n_calls; i++) {
        vmsd_strbuf_puts(b, i ? ",[" : ",\"calls\":[[");
        put_string(b, model->calls[i].caller);
        vmsd_strbuf_puts(b, ",");
        put_string(b, model->calls[i].callee);
        if (model->calls[i].global)
            vmsd_strbuf_puts(b, ",true");
        vmsd_strbuf_puts(b, i + 1 == model->n_calls ? "]]" : "]");
    }
}

static void write_facts(struct vmsd_strbuf *b, const struct vmsd_model *model,
                        const char *unit)
{
    vmsd_strbuf_printf(b, "{\"format\":\"%s\",\"version\":%d,\"unit\":",
                       VMSD_FACTS_FORMAT, VMSD_FACTS_VERSION);
    put_string(b, unit);
    vmsd_strbuf_puts(b, ",\"files\":[");
    for (size_t i = 0; i < model->n_files; i++) {
        if (i)
            vmsd_strbuf_puts(b, ",");
        put_string(b, model->files[i]);
    }
    vmsd_strbuf_puts(b, "],\"descs\":[");
    /* Declarations only are left out: a reference carries its symbol,
     * which is all the whole program needs to find the definition. */
    const char *sep = "";
    for (size_t i = 0; i < model->n_descs; i++) {
        if (!model->descs[i]->defined)
            continue;
        vmsd_strbuf_puts(b, sep);
        put_desc(b, model, model->descs[i]);
        sep = ",";
    }
    vmsd_strbuf_puts(b, "]");
    put_qom(b, model);
    vmsd_strbuf_puts(b, "}");
}

char *vmsd_facts_write(const struct vmsd_model *model, const char *unit)
{
    struct vmsd_strbuf b = { 0 };
    write_facts(&b, model, unit);
    return vmsd_strbuf_take(&b);
}

void vmsd_facts_stream(const struct vmsd_model *model, const char *unit,
                       void (*sink)(const char *text, size_t len, void *arg),
                       void *arg)
{
    struct vmsd_strbuf b = { 0 };
    b.flush = sink;
    b.flush_arg = arg;
    b.flush_at = 65536;
    write_facts(&b, model, unit);
    vmsd_strbuf_flush(&b);
    free(b.data);
}

/* Reading: every member is checked for its type and range, since a
 * facts section is whatever the linker put there. */

struct reader {
    struct vmsd_model *model;
    json_t *files;
    char *error;
    size_t error_size;
    char where[64];             /* the description being read */
};

static bool bad(struct reader *r, const char *key, const char *what)
{
    return vmsd_fail(r->error, r->error_size, "%s%s\"%s\" %s", r->where,
                     *r->where ? ": " : "", key, what);
}

/* An integer member in [MIN, MAX]; DEFAULT when absent and optional. */
static bool get_int(struct reader *r, json_t *object, const char *key,
                    long long min, long long max, bool optional,
                    long long *out)
{
    json_t *v = json_object_get(object, key);
    if (!v && optional) {
        *out = 0;
        return true;
    }
    if (!json_is_integer(v) || json_integer_value(v) < min
        || json_integer_value(v) > max)
        return bad(r, key, "is not an integer in range");
    *out = json_integer_value(v);
    return true;
}

static bool get_bool(struct reader *r, json_t *object, const char *key,
                     bool *out)
{
    json_t *v = json_object_get(object, key);
    if (v && !json_is_boolean(v))
        return bad(r, key, "is not true or false");
    *out = json_is_true(v);
    return true;
}

/* V, named KEY in messages: a string, {"hex":"..."} for bytes, or (when
 * NULLABLE) null or absent. */
static bool decode_string(struct reader *r, json_t *v, const char *key,
                          bool nullable, char **out)
{
    *out = NULL;
    if (!v || json_is_null(v))
        return nullable || bad(r, key, "is missing");
    return vmsd_json_name_decode(v, out)
           || bad(r, key, json_is_object(v) ? "has a bad \"hex\""
                                            : "is not a string");
}

static bool get_string(struct reader *r, json_t *object, const char *key,
                       bool nullable, char **out)
{
    return decode_string(r, json_object_get(object, key), key, nullable, out);
}

static bool read_loc(struct reader *r, json_t *object, struct vmsd_loc *loc)
{
    json_t *a = json_object_get(object, "loc");
    json_t *file = json_array_get(a, 0), *line = json_array_get(a, 1),
           *column = json_array_get(a, 2);
    json_int_t index = json_integer_value(file);
    memset(loc, 0, sizeof *loc);
    if (!json_is_array(a) || json_array_size(a) != 3
        || !json_is_integer(file) || !json_is_integer(line)
        || !json_is_integer(column) || index < -1
        || index >= (json_int_t)json_array_size(r->files)
        || json_integer_value(line) < 0 || json_integer_value(line) > UINT_MAX
        || json_integer_value(column) < 0
        || json_integer_value(column) > UINT_MAX)
        return bad(r, "loc", "is not [file index, line, column]");
    if (index >= 0) {
        char *name;
        if (!decode_string(r, json_array_get(r->files, (size_t)index),
                           "files", false, &name))
            return false;
        loc->file = vmsd_model_intern_file(r->model, name);
        free(name);
    }
    loc->line = (unsigned)json_integer_value(line);
    loc->column = (unsigned)json_integer_value(column);
    return true;
}

static bool read_ref(struct reader *r, json_t *value, struct vmsd_ref *ref)
{
    long long uid;
    memset(ref, 0, sizeof *ref);
    if (json_is_null(value)) {
        ref->is_null = true;
        return true;
    }
    if (!json_is_object(value))
        return bad(r, "reference", "is neither null nor an object");
    return get_int(r, value, "id", 0, UINT32_MAX, false, &uid)
           && get_string(r, value, "symbol", uid == 0, &ref->symbol)
           && read_loc(r, value, &ref->loc)
           && ((ref->uid = (uint32_t)uid), true);
}

static bool read_sublist(struct reader *r, json_t *object, uint32_t *uid)
{
    json_t *slots = json_object_get(object, "slots");
    long long id;
    if (!json_is_object(object) || !json_is_array(slots))
        return bad(r, "subsections", "has no \"slots\" array");
    if (!get_int(r, object, "id", 1, UINT32_MAX, false, &id))
        return false;
    *uid = (uint32_t)id;
    struct vmsd_sublist *list = vmsd_model_add_sublist(r->model, *uid);
    if (!list)
        return true;            /* shared: read with another description */
    if (!get_bool(r, object, "too_long", &list->too_long))
        return false;
    if (json_array_size(slots) > VMSD_MAX_LIST_SLOTS)
        return bad(r, "slots", "holds more than a list can");
    size_t i;
    json_t *slot;
    json_array_foreach(slots, i, slot)
        if (!read_ref(r, slot, vmsd_sublist_append(list)))
            return false;
    return true;
}

static bool read_field(struct reader *r, json_t *item, struct vmsd_field *f)
{
    long long flags, version, struct_version, size, num;
    json_t *vmsd = json_object_get(item, "vmsd");
    if (!json_is_object(item))
        return bad(r, "fields", "has an entry that is not an object");
    if (!get_string(r, item, "name", true, &f->name)
        || !get_int(r, item, "flags", 0, UINT32_MAX, true, &flags)
        || !get_bool(r, item, "field_exists", &f->has_field_exists)
        || !get_int(r, item, "version_id", INT_MIN, INT_MAX, true, &version)
        || !get_int(r, item, "struct_version_id", INT_MIN, INT_MAX, true,
                    &struct_version)
        || !get_int(r, item, "size", 0, LLONG_MAX, true, &size)
        || !get_int(r, item, "num", INT_MIN, INT_MAX, true, &num)
        || !get_string(r, item, "info", true, &f->info))
        return false;
    f->size = (uint64_t)size;
    f->num = (int)num;
    f->flags = (uint32_t)flags;
    f->version_id = (int)version;
    f->struct_version_id = (int)struct_version;
    if (!vmsd)
        return true;
    if (!read_ref(r, vmsd, &f->vmsd))
        return false;
    return f->vmsd.symbol || bad(r, "vmsd", "has no symbol");
}

static bool read_fieldlist(struct reader *r, json_t *object, uint32_t *uid)
{
    json_t *items = json_object_get(object, "list");
    long long id;
    if (!json_is_object(object) || !json_is_array(items))
        return bad(r, "fields", "has no \"list\" array");
    if (!get_int(r, object, "id", 1, UINT32_MAX, false, &id))
        return false;
    *uid = (uint32_t)id;
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(r->model, *uid);
    if (!list)
        return true;
    if (!get_bool(r, object, "terminated", &list->terminated))
        return false;
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
        if (!read_field(r, item, vmsd_fieldlist_append(list)))
            return false;
    return true;
}

static bool read_types(struct reader *r, json_t *types)
{
    size_t i;
    json_t *item;
    json_array_foreach(types, i, item) {
        struct vmsd_qom_type *t = VMSD_APPEND(r->model->types,
                                              r->model->n_types);
        if (!json_is_object(item))
            return bad(r, "types", "has an entry that is not an object");
        if (!get_string(r, item, "name", false, &t->name)
            || !get_string(r, item, "parent", true, &t->parent)
            || !get_string(r, item, "class_init", true, &t->class_init)
            || !read_loc(r, item, &t->loc))
            return false;
    }
    return true;
}

static bool read_class_vmsds(struct reader *r, json_t *sets)
{
    size_t i;
    json_t *item;
    json_array_foreach(sets, i, item) {
        struct vmsd_class_vmsd *c = VMSD_APPEND(r->model->class_vmsds,
                                                r->model->n_class_vmsds);
        if (!json_is_object(item))
            return bad(r, "class_vmsd", "has an entry that is not an object");
        if (!get_string(r, item, "function", false, &c->function)
            || !get_bool(r, item, "conditional", &c->conditional)
            || !read_ref(r, json_object_get(item, "vmsd"), &c->vmsd))
            return false;
    }
    return true;
}

static bool read_calls(struct reader *r, json_t *calls)
{
    size_t i;
    json_t *item;
    json_array_foreach(calls, i, item) {
        struct vmsd_call *c = VMSD_APPEND(r->model->calls, r->model->n_calls);
        size_t n = json_array_size(item);
        json_t *global = json_array_get(item, 2);
        if (!json_is_array(item) || n < 2 || n > 3
            || (n == 3 && !json_is_true(global)))
            return bad(r, "calls", "has an entry that is not [caller, "
                       "callee] or [caller, callee, true]");
        c->global = n == 3;
        if (!decode_string(r, json_array_get(item, 0), "calls", false,
                           &c->caller)
            || !decode_string(r, json_array_get(item, 1), "calls", false,
                              &c->callee))
            return false;
    }
    return true;
}

/* The optional arrays of put_qom. */
static bool read_qom(struct reader *r, json_t *root)
{
    static const struct {
        const char *key;
        bool (*read)(struct reader *, json_t *);
    } members[] = {
        { "types", read_types }, { "class_vmsd", read_class_vmsds },
        { "calls", read_calls },
    };
    r->where[0] = '\0';        /* no longer in a description */
    for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
        json_t *value = json_object_get(root, members[i].key);
        if (!value)
            continue;
        if (!json_is_array(value))
            return bad(r, members[i].key, "is not an array");
        if (!members[i].read(r, value))
            return false;
    }
    return true;
}

static bool read_desc(struct reader *r, json_t *object)
{
    static const char *const linkages[] = { "static", "global", "extern" };
    const char *linkage = json_string_value(json_object_get(object,
                                                            "linkage"));
    long long uid, version, minimum;
    if (!json_is_object(object))
        return bad(r, "descs", "has an entry that is not an object");
    if (!get_int(r, object, "id", 1, UINT32_MAX, false, &uid))
        return false;
    struct vmsd_desc *d = vmsd_model_desc(r->model, (uint32_t)uid);
    if (d->symbol)
        return bad(r, "id", "is used twice");
    if (!get_string(r, object, "symbol", false, &d->symbol))
        return false;
    snprintf(r->where, sizeof r->where, "description %.40s", d->symbol);
    int k = 0;
    while (k < 3 && (!linkage || strcmp(linkage, linkages[k]) != 0))
        k++;
    if (k == 3)
        return bad(r, "linkage", "is not static, global or extern");
    d->linkage = (enum vmsd_linkage)k;
    json_t *marker = json_object_get(object, "marker");
    if (marker && !json_is_boolean(marker))
        return bad(r, "marker", "is not true or false");
    d->marker = !marker ? VMSD_MARKER_ABSENT
                : json_is_true(marker) ? VMSD_MARKER_SET : VMSD_MARKER_CLEAR;
    if (!get_bool(r, object, "defined", &d->defined)
        || !get_string(r, object, "name", true, &d->name)
        || !get_bool(r, object, "name_unreadable", &d->name_unreadable)
        || !get_int(r, object, "version_id", INT_MIN, INT_MAX, true, &version)
        || !get_int(r, object, "minimum_version_id", INT_MIN, INT_MAX, true,
                    &minimum)
        || !get_string(r, object, "needed", true, &d->needed)
        || !read_loc(r, object, &d->loc))
        return false;
    d->version_id = (int)version;
    d->minimum_version_id = (int)minimum;
    json_t *subs = json_object_get(object, "subsections");
    if (subs && !read_sublist(r, subs, &d->subsections_uid))
        return false;
    json_t *fields = json_object_get(object, "fields");
    return !fields || read_fieldlist(r, fields, &d->fields_uid);
}

bool vmsd_facts_read(const char *text, size_t length,
                     struct vmsd_model *model, char **unit, size_t *used,
                     char *error, size_t error_size)
{
    struct reader r = { model, NULL, error, error_size, "" };
    json_error_t jerr;
    json_t *root = json_loadb(text, length, JSON_DISABLE_EOF_CHECK
                              | JSON_REJECT_DUPLICATES, &jerr);
    *unit = NULL;
    if (!root)
        return vmsd_fail(error, error_size, "not facts JSON: %s (at byte %d)",
                         jerr.text, jerr.position);
    *used = jerr.position;

    bool ok;
    long long version;
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *descs = json_object_get(root, "descs");
    r.files = json_object_get(root, "files");
    if (!format || strcmp(format, VMSD_FACTS_FORMAT) != 0)
        ok = vmsd_fail(error, error_size, "not vmsdcheck facts");
    else if (!get_int(&r, root, "version", 0, INT_MAX, false, &version))
        ok = false;
    else if (version < VMSD_FACTS_OLDEST_VERSION
             || version > VMSD_FACTS_VERSION)
        ok = vmsd_fail(error, error_size, "facts version %lld; this "
                       "vmsdcheck reads versions %d to %d", version,
                       VMSD_FACTS_OLDEST_VERSION, VMSD_FACTS_VERSION);
    else if (!json_is_array(descs) || !json_is_array(r.files))
        ok = vmsd_fail(error, error_size, "facts without \"descs\" or "
                       "\"files\"");
    else {
        size_t i;
        json_t *d;
        ok = get_string(&r, root, "unit", false, unit);
        json_array_foreach(descs, i, d)
            if (ok && !read_desc(&r, d))
                ok = false;
        ok = ok && read_qom(&r, root);
    }
    if (!ok) {
        free(*unit);
        *unit = NULL;
    }
    json_decref(root);
    return ok;
}
