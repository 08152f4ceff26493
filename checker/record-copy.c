/* A record's members copied by its table, whatever the member. */
#include "record-copy.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* How a copy owns what it copies: the names (on the heap for the base,
 * in the model's arena for a model), the files, and whether a place
 * keeps its compiler location (only within one model). */
struct copying {
    char *(*dup)(void *owner, const char *name);
    void *owner;
    const char *(*own_file)(void *arg, const char *);
    void *arg;
    bool keep_host;
};

static char *heap_dup(void *owner, const char *name)
{
    (void)owner;
    return vmsd_strdup(name);
}

static char *same_name(void *owner, const char *name)
{
    (void)owner;
    return (char *)name;
}

static const char *same_file(void *arg, const char *file)
{
    (void)arg;
    return file;
}

/* One member's value, IN to OUT.  A model's own references (a uid, a
 * resolved description) mean nothing in the copy: left for it to set. */
static void copy_value(enum vmsd_kind kind, void *out, const void *in,
                       const struct copying *how)
{
    switch (kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        *(char **)out = how->dup(how->owner, *(char *const *)in);
        break;
    case VMSD_KIND_INT:
        *(int *)out = *(const int *)in;
        break;
    case VMSD_KIND_U32:
        *(uint32_t *)out = *(const uint32_t *)in;
        break;
    case VMSD_KIND_U64:
        *(uint64_t *)out = *(const uint64_t *)in;
        break;
    case VMSD_KIND_BOOL:
        *(bool *)out = *(const bool *)in;
        break;
    case VMSD_KIND_COUNT:
        *(size_t *)out = *(const size_t *)in;
        break;
    case VMSD_KIND_LOC: {
        struct vmsd_loc loc = *(const struct vmsd_loc *)in;
        loc.file = how->own_file(how->arg, loc.file);
        if (!how->keep_host)
            loc.host = 0;
        *(struct vmsd_loc *)out = loc;
        break;
    }
    case VMSD_KIND_REF:
        memset(out, 0, sizeof(struct vmsd_ref));
        break;
    case VMSD_KIND_DESC:
        *(const struct vmsd_desc **)out = NULL;
        break;
    case VMSD_KIND_UID:
        break;
    case VMSD_KIND_LINKAGE:
        *(enum vmsd_linkage *)out = *(const enum vmsd_linkage *)in;
        break;
    case VMSD_KIND_MARKER:
        *(enum vmsd_marker *)out = *(const enum vmsd_marker *)in;
        break;
    }
}

/* Each member that both sides keep, from FROM (its base struct or its
 * model struct) to TO (the same). */
static void copy_members(const struct vmsd_record *record, void *to,
                         bool to_base, const void *from, bool from_base,
                         const struct copying *how)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        size_t out = to_base ? m->base_offset : m->model_offset;
        size_t in = from_base ? m->base_offset : m->model_offset;
        if (out != VMSD_NOWHERE && in != VMSD_NOWHERE)
            copy_value(m->kind, (char *)to + out, (const char *)from + in,
                       how);
    }
}

void vmsd_record_to_base(const struct vmsd_record *record, void *to,
                         const void *from,
                         const char *(*own_file)(void *arg, const char *),
                         void *arg)
{
    const struct copying how = { heap_dup, NULL, own_file, arg, false };
    copy_members(record, to, true, from, false, &how);
}

void vmsd_record_copy_base(const struct vmsd_record *record, void *to,
                           const void *from,
                           const char *(*own_file)(void *arg, const char *),
                           void *arg)
{
    const struct copying how = { heap_dup, NULL, own_file, arg, false };
    copy_members(record, to, true, from, true, &how);
}

void vmsd_record_copy_model(const struct vmsd_record *record, void *to,
                            const void *from)
{
    const struct copying how = { same_name, NULL, same_file, NULL, true };
    copy_members(record, to, false, from, false, &how);
}

void vmsd_record_free_base(const struct vmsd_record *record, void *at)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->base_offset != VMSD_NOWHERE
            && (m->kind == VMSD_KIND_NAME || m->kind == VMSD_KIND_OPT_NAME))
            free(*VMSD_MEMBER_AT(char *, at, m->base_offset));
    }
}
