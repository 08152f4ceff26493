/* The facts format: writing with a string builder (it runs inside the
 * compiler, so no document tree), reading with libjansson. */
#include "facts.h"

#include "strbuf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writing */

static bool valid_utf8(const unsigned char *s)
{
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

/* A JSON string.  Bytes that are not UTF-8 become \u00XX: C names are
 * ASCII in practice, and JSON has no way to carry raw bytes. */
static void put_string(struct vmsd_strbuf *b, const char *s)
{
    if (!s) {
        vmsd_strbuf_puts(b, "null");
        return;
    }
    bool utf8 = valid_utf8((const unsigned char *)s);
    vmsd_strbuf_put(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s, *plain = p;
    for (; *p; p++) {
        if (*p != '"' && *p != '\\' && *p >= 0x20 && (*p < 0x80 || utf8))
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
    vmsd_strbuf_puts(b, "]}");
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

/* Reading */

struct reader {
    struct vmsd_model *model;
    json_t *files;
    char *error;
    size_t error_size;
};

#define bad(r, ...) vmsd_fail((r)->error, (r)->error_size, __VA_ARGS__)

static int get_int(json_t *object, const char *key)
{
    return (int)json_integer_value(json_object_get(object, key));
}

static bool get_bool(json_t *object, const char *key)
{
    return json_is_true(json_object_get(object, key));
}

static char *get_string(json_t *object, const char *key)
{
    return vmsd_strdup(json_string_value(json_object_get(object, key)));
}

static bool read_loc(struct reader *r, json_t *object, struct vmsd_loc *loc)
{
    json_t *a = json_object_get(object, "loc");
    if (!json_is_array(a) || json_array_size(a) != 3)
        return bad(r, "a \"loc\" is not [file, line, column]");
    json_int_t file = json_integer_value(json_array_get(a, 0));
    memset(loc, 0, sizeof *loc);
    if (file >= 0 && (size_t)file < json_array_size(r->files))
        loc->file = vmsd_model_intern_file(r->model, json_string_value(
            json_array_get(r->files, (size_t)file)));
    loc->line = (unsigned)json_integer_value(json_array_get(a, 1));
    loc->column = (unsigned)json_integer_value(json_array_get(a, 2));
    return true;
}

static bool read_ref(struct reader *r, json_t *value, struct vmsd_ref *ref)
{
    memset(ref, 0, sizeof *ref);
    if (json_is_null(value)) {
        ref->is_null = true;
        return true;
    }
    if (!json_is_object(value))
        return bad(r, "a reference is neither null nor an object");
    ref->uid = (uint32_t)get_int(value, "id");
    ref->symbol = get_string(value, "symbol");
    return read_loc(r, value, &ref->loc);
}

static bool read_sublist(struct reader *r, json_t *object, uint32_t *uid)
{
    json_t *slots = json_object_get(object, "slots");
    *uid = (uint32_t)get_int(object, "id");
    if (!json_is_array(slots))
        return bad(r, "a subsection list has no \"slots\" array");
    struct vmsd_sublist *list = vmsd_model_add_sublist(r->model, *uid);
    if (!list)
        return true;            /* shared: read with another description */
    size_t i;
    json_t *slot;
    json_array_foreach(slots, i, slot)
        if (!read_ref(r, slot, vmsd_sublist_append(list)))
            return false;
    return true;
}

static bool read_fieldlist(struct reader *r, json_t *object, uint32_t *uid)
{
    json_t *items = json_object_get(object, "list");
    *uid = (uint32_t)get_int(object, "id");
    if (!json_is_array(items))
        return bad(r, "a field list has no \"list\" array");
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(r->model, *uid);
    if (!list)
        return true;
    list->terminated = get_bool(object, "terminated");
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item) {
        struct vmsd_field *f = vmsd_fieldlist_append(list);
        f->name = get_string(item, "name");
        f->flags = (uint32_t)get_int(item, "flags");
        f->has_field_exists = get_bool(item, "field_exists");
        f->version_id = get_int(item, "version_id");
        f->struct_version_id = get_int(item, "struct_version_id");
        f->info = get_string(item, "info");
        json_t *vmsd = json_object_get(item, "vmsd");
        if (vmsd && !read_ref(r, vmsd, &f->vmsd))
            return false;
    }
    return true;
}

static bool read_desc(struct reader *r, json_t *object)
{
    static const char *const linkages[] = { "static", "global", "extern" };
    const char *linkage = json_string_value(json_object_get(object,
                                                            "linkage"));
    uint32_t uid = (uint32_t)get_int(object, "id");
    if (!json_is_object(object) || !uid || !linkage)
        return bad(r, "a description has no \"id\" or \"linkage\"");

    struct vmsd_desc *d = vmsd_model_desc(r->model, uid);
    if (d->symbol)
        return bad(r, "two descriptions have id %u", uid);
    d->symbol = get_string(object, "symbol");
    for (int k = 0; k < 3; k++)
        if (strcmp(linkage, linkages[k]) == 0)
            d->linkage = (enum vmsd_linkage)k;
    d->defined = get_bool(object, "defined");
    d->name = get_string(object, "name");
    d->name_unreadable = get_bool(object, "name_unreadable");
    d->version_id = get_int(object, "version_id");
    d->minimum_version_id = get_int(object, "minimum_version_id");
    d->needed = get_string(object, "needed");
    json_t *marker = json_object_get(object, "marker");
    d->marker = !marker ? VMSD_MARKER_ABSENT
                : json_is_true(marker) ? VMSD_MARKER_SET : VMSD_MARKER_CLEAR;
    if (!read_loc(r, object, &d->loc))
        return false;
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
    struct reader r = { model, NULL, error, error_size };
    json_error_t jerr;
    json_t *root = json_loadb(text, length, JSON_DISABLE_EOF_CHECK, &jerr);
    *unit = NULL;
    if (!root)
        return bad(&r, "not facts JSON: %s (at byte %d)", jerr.text,
                   jerr.position);
    *used = jerr.position;

    bool ok;
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *descs = json_object_get(root, "descs");
    r.files = json_object_get(root, "files");
    if (!format || strcmp(format, VMSD_FACTS_FORMAT) != 0)
        ok = bad(&r, "not vmsdcheck facts");
    else if (get_int(root, "version") != VMSD_FACTS_VERSION)
        ok = bad(&r, "facts version %d; this vmsdcheck reads version %d",
                 get_int(root, "version"), VMSD_FACTS_VERSION);
    else if (!json_is_array(descs) || !json_is_array(r.files))
        ok = bad(&r, "facts without \"descs\" or \"files\"");
    else {
        size_t i;
        json_t *d;
        ok = true;
        json_array_foreach(descs, i, d)
            if (ok && !read_desc(&r, d))
                ok = false;
        *unit = get_string(root, "unit");
    }
    json_decref(root);
    return ok;
}
