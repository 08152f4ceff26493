/* A record's members copied by its table, whatever the member. */
#include "record-copy.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* One member's value, IN to OUT, as the base keeps it. */
static void copy_value(enum vmsd_kind kind, void *out, const void *in,
                       const char *(*own_file)(void *arg, const char *),
                       void *arg)
{
    switch (kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        *(char **)out = vmsd_strdup(*(char *const *)in);
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
        loc.file = own_file(arg, loc.file);
        loc.host = 0;
        *(struct vmsd_loc *)out = loc;
        break;
    }
    case VMSD_KIND_REF:
    case VMSD_KIND_UID:
    case VMSD_KIND_DESC:
    case VMSD_KIND_LINKAGE:
    case VMSD_KIND_MARKER:
        abort();                /* records.def keeps them out of the base */
    }
}

void vmsd_record_to_base(const struct vmsd_record *record, void *to,
                         const void *from,
                         const char *(*own_file)(void *arg, const char *),
                         void *arg)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->model_offset != VMSD_NOWHERE && m->base_offset != VMSD_NOWHERE)
            copy_value(m->kind, (char *)to + m->base_offset,
                       (const char *)from + m->model_offset, own_file, arg);
    }
}

void vmsd_record_copy_base(const struct vmsd_record *record, void *to,
                           const void *from,
                           const char *(*own_file)(void *arg, const char *),
                           void *arg)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->base_offset != VMSD_NOWHERE)
            copy_value(m->kind, (char *)to + m->base_offset,
                       (const char *)from + m->base_offset, own_file, arg);
    }
}

void vmsd_record_copy_model(const struct vmsd_record *record, void *to,
                            const void *from, struct vmsd_model *model,
                            const char *(*own_file)(void *arg, const char *),
                            void *arg)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct vmsd_member *m = &record->members[i];
        if (m->model_offset == VMSD_NOWHERE)
            continue;
        const void *in = (const char *)from + m->model_offset;
        void *out = (char *)to + m->model_offset;
        switch (m->kind) {
        case VMSD_KIND_NAME:
        case VMSD_KIND_OPT_NAME:
            *(char **)out = vmsd_model_strdup(model, *(char *const *)in);
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
            loc.file = own_file(arg, loc.file);
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
