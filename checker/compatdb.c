/* The compat database, read with libjansson. */
#include "compatdb.h"

#include "model.h"
#include "strbuf.h"
#include "text.h"
#include "whole-file.h"
#include "xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vmsd_compatdb_init(struct vmsd_compatdb *db)
{
    memset(db, 0, sizeof *db);
}

static void free_entry(struct vmsd_compat_entry *e)
{
    free(e->parent);
    free(e->subsection);
    free(e->reason);
    free(e->where);
    free(e->since);
}

void vmsd_compatdb_free(struct vmsd_compatdb *db)
{
    for (size_t i = 0; i < db->n_entries; i++)
        free_entry(&db->entries[i]);
    for (size_t i = 0; i < db->n_files; i++) {
        free(db->files[i]);
        free(db->released[i]);
    }
    free(db->entries);
    free(db->files);
    free(db->released);
    vmsd_strset_free(&db->pairs);
    memset(db, 0, sizeof *db);
}

/* Only the keys in 'allowed' (NULL-ended) may appear in 'object'. */
static const char *unknown_key(json_t *object, const char *const *allowed)
{
    const char *key;
    json_t *value;
    json_object_foreach(object, key, value) {
        const char *const *a = allowed;
        while (*a && strcmp(*a, key) != 0)
            a++;
        if (!*a)
            return key;
    }
    return NULL;
}

bool vmsd_compatdb_release(const char *text, int *major, int *minor)
{
    int *part[2] = { major, minor };
    for (int i = 0; i < 2; i++) {
        const char *start = text;
        int n = 0;
        while (*text >= '0' && *text <= '9' && text - start < 4)
            n = n * 10 + (*text++ - '0');
        if (text == start || (*start == '0' && text - start > 1)
            || *text != (i ? '\0' : '.'))
            return false;
        *part[i] = n;
        text++;
    }
    return true;
}

/* A non-empty string member, or NULL. */
static const char *string_member(json_t *object, const char *key)
{
    const char *s = json_string_value(json_object_get(object, key));
    return s && *s ? s : NULL;
}

static bool read_entry(json_t *item, size_t index, const char *path,
                       struct vmsd_compat_entry *out, char *error,
                       size_t size)
{
    static const char *const keys[] = { "parent", "subsection", "reason",
                                        "where", "since", NULL };
    const char *bad;

    if (!json_is_object(item))
        return vmsd_fail(error, size, "%s: entries[%zu]: not an object", path,
                    index);
    if ((bad = unknown_key(item, keys))) {
        char *shown = vmsd_shown(bad);
        vmsd_fail(error, size, "%s: entries[%zu]: unknown key \"%s\" (an "
                  "entry has parent, subsection, reason, where, since)", path,
                  index, shown);
        free(shown);
        return false;
    }
    for (int k = 0; k < 3; k++)
        if (!string_member(item, keys[k]))
            return vmsd_fail(error, size, "%s: entries[%zu]: \"%s\" must be a "
                        "non-empty string", path, index, keys[k]);
    json_t *where = json_object_get(item, "where");
    if (where && !json_is_string(where))
        return vmsd_fail(error, size, "%s: entries[%zu]: \"where\" must be a "
                    "string", path, index);
    json_t *since = json_object_get(item, "since");
    const char *since_text = json_string_value(since);
    int major, minor;
    if (since && !(since_text
                   && (strcmp(since_text, VMSD_COMPATDB_UNRELEASED) == 0
                       || vmsd_compatdb_release(since_text, &major, &minor))))
        return vmsd_fail(error, size, "%s: entries[%zu]: \"since\" must be a "
                    "release, \"MAJOR.MINOR\", or \"%s\"", path, index,
                    VMSD_COMPATDB_UNRELEASED);

    out->parent = vmsd_strdup(string_member(item, "parent"));
    out->subsection = vmsd_strdup(string_member(item, "subsection"));
    out->reason = vmsd_strdup(string_member(item, "reason"));
    out->where = vmsd_strdup(json_string_value(where));
    out->since = vmsd_strdup(since_text);
    return true;
}

static bool read_database(json_t *root, const char *path,
                          struct vmsd_compat_entry **entries, size_t *count,
                          char *error, size_t size)
{
    static const char *const keys[] = { "format", "version", "provenance",
                                        "released", "entries", NULL };
    const char *bad;
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *version = json_object_get(root, "version");
    json_t *list = json_object_get(root, "entries");

    if (!json_is_object(root))
        return vmsd_fail(error, size, "%s: the top level must be an object",
                    path);
    if ((bad = unknown_key(root, keys))) {
        char *shown = vmsd_shown(bad);
        vmsd_fail(error, size, "%s: unknown key \"%s\" (the top level has "
                  "format, version, provenance, released, entries)", path, shown);
        free(shown);
        return false;
    }
    if (!format || strcmp(format, VMSD_COMPATDB_FORMAT) != 0)
        return vmsd_fail(error, size, "%s: \"format\" must be \"%s\"", path,
                    VMSD_COMPATDB_FORMAT);
    if (!json_is_integer(version)
        || json_integer_value(version) != VMSD_COMPATDB_VERSION)
        return vmsd_fail(error, size, "%s: \"version\" must be %d (this "
                    "vmsdcheck reads version %d)", path,
                    VMSD_COMPATDB_VERSION, VMSD_COMPATDB_VERSION);
    if (!json_is_array(list))
        return vmsd_fail(error, size, "%s: \"entries\" must be an array", path);
    json_t *released = json_object_get(root, "released");
    int major, minor;
    if (released && !(json_is_string(released)
                      && vmsd_compatdb_release(json_string_value(released),
                                               &major, &minor)))
        return vmsd_fail(error, size, "%s: \"released\" must be a release, "
                    "\"MAJOR.MINOR\"", path);

    struct vmsd_strset seen = { 0 };
    bool ok = true;
    *count = json_array_size(list);
    *entries = vmsd_xcalloc(*count, sizeof **entries);
    for (size_t i = 0; ok && i < *count; i++) {
        struct vmsd_compat_entry *e = &(*entries)[i];
        ok = read_entry(json_array_get(list, i), i, path, e, error, size);
        if (!ok)
            break;
        struct vmsd_strset_slot *slot = vmsd_strset_add_pair(&seen, e->parent,
                                                             e->subsection);
        if (slot->value) {
            char *parent = vmsd_shown(e->parent);
            char *subsection = vmsd_shown(e->subsection);
            ok = vmsd_fail(error, size, "%s: entries[%zu]: parent \"%s\", "
                           "subsection \"%s\" is listed already at "
                           "entries[%zu]", path, i, parent, subsection,
                           (size_t)(uintptr_t)slot->value - 1);
            free(subsection);
            free(parent);
        }
        slot->value = (void *)(uintptr_t)(i + 1);
    }
    vmsd_strset_free(&seen);
    return ok;
}

/* Give each of the COUNT entries the line where its object starts, in
 * one pass over TEXT (LENGTH bytes) that skips strings whole, escapes and
 * all: no line depends on how a name is spelled.  The entries are the
 * elements of the "entries" array of the top level, known by its key
 * (spelled with an escape, it is not found: lines stay 0, unknown).  The
 * text has parsed, so it is well-formed JSON. */
static void entry_lines(const char *text, size_t length,
                        struct vmsd_compat_entry *entries, size_t count)
{
    static const char entries_key[] = "entries";
    const char *end = text + length;
    const char *string = "";    /* the last string: a '[' at depth 1
                                   follows its key */
    size_t string_len = 0, next = 0;
    unsigned line = 1;
    int depth = 0;
    bool in_entries = false;    /* the array opened last at depth 1 */
    for (const char *p = text; p < end && next < count; p++) {
        switch (*p) {
        case '\n':
            line++;
            break;
        case '"':
            string = p + 1;
            for (p++; p < end && *p != '"'; p++)
                p += *p == '\\';
            string_len = (size_t)(p - string);
            break;
        case '{':
        case '[':
            if (depth == 2 && in_entries)
                entries[next++].line = line;
            if (depth == 1)
                in_entries = *p == '['
                             && string_len == strlen(entries_key)
                             && memcmp(string, entries_key, string_len) == 0;
            depth++;
            break;
        case '}':
        case ']':
            depth--;
            break;
        }
    }
}

bool vmsd_compatdb_load(struct vmsd_compatdb *db, const char *path,
                        char *error, size_t error_size)
{
    size_t length;
    const char *why;
    char *text = vmsd_read_whole_file(path, VMSD_MAX_ALLOWLIST_BYTES, &length,
                                      &why);
    if (!text)
        return vmsd_fail(error, error_size, "%s: unable to read %s: %s", path,
                    path, why);

    json_error_t jerr;
    json_t *root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        /* Jansson's text quotes the file ("near '...'"). */
        char *shown = vmsd_shown(jerr.text);
        free(text);
        vmsd_fail(error, error_size, "%s:%d:%d: %s", path, jerr.line,
                  jerr.column, shown);
        free(shown);
        return false;
    }

    struct vmsd_compat_entry *entries = NULL;
    size_t count = 0;
    bool ok = read_database(root, path, &entries, &count, error, error_size);
    char *released = ok ? vmsd_strdup(json_string_value(
                              json_object_get(root, "released")))
                        : NULL;
    json_decref(root);
    if (!ok) {
        for (size_t i = 0; i < count; i++)
            free_entry(&entries[i]);
        free(entries);
        free(text);
        return false;
    }
    entry_lines(text, length, entries, count);
    free(text);

    char *file = vmsd_strdup(path);
    db->files = vmsd_grow(db->files, db->n_files, sizeof *db->files);
    db->released = vmsd_grow(db->released, db->n_files,
                             sizeof *db->released);
    db->released[db->n_files] = released;
    db->files[db->n_files++] = file;
    db->entries = vmsd_xrealloc(db->entries,
                                (db->n_entries + count) * sizeof *db->entries);
    for (size_t i = 0; i < count; i++) {
        entries[i].file = file;
        struct vmsd_strset_slot *slot =
            vmsd_strset_add_pair(&db->pairs, entries[i].parent,
                                 entries[i].subsection);
        if (!slot->value)
            slot->value = (void *)(uintptr_t)(db->n_entries + 1);
        db->entries[db->n_entries++] = entries[i];
    }
    free(entries);
    return true;
}

const struct vmsd_compat_entry *
vmsd_compatdb_find(const struct vmsd_compatdb *db, const char *parent,
                   const char *subsection)
{
    if (!db)
        return NULL;
    struct vmsd_strset_slot *slot = vmsd_strset_find_pair(&db->pairs, parent,
                                                          subsection);
    return slot ? &db->entries[(uintptr_t)slot->value - 1] : NULL;
}

const struct vmsd_compat_entry *
vmsd_compatdb_find_in(const struct vmsd_compatdb *db, const char *file,
                      const char *parent, const char *subsection)
{
    const struct vmsd_compat_entry *first = vmsd_compatdb_find(db, parent,
                                                               subsection);
    /* Layers are appended in order: the pair's entries follow its first. */
    for (size_t i = first ? (size_t)(first - db->entries) : db->n_entries;
         i < db->n_entries; i++) {
        const struct vmsd_compat_entry *e = &db->entries[i];
        if (e->file == file && strcmp(e->parent, parent) == 0
            && strcmp(e->subsection, subsection) == 0)
            return e;
    }
    return NULL;
}
