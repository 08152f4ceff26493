/* The members of each record of records.def, and what the base does
 * with them whatever the member. */
#include "records.h"

#include "baseline.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define BASE_AT_BASE(member, key) BASE_AT, member, key
#define BASE_AT_DERIVED(member, key) BASE_AT, member, key
#define BASE_AT_NO_BASE NO_BASE_AT
#define BASE_AT(member, key, st) offsetof(st, member), key
#define NO_BASE_AT(st) VMSD_NOWHERE, NULL
#define DUMP_AT_DUMP(n, key) n, key, false
#define DUMP_AT_DUMP_ARRAY(n, key) n, key, true
#define DUMP_AT_NO_DUMP 0, NULL, false
#define ENTRY(model_struct, base_struct, kind, member, base, dump)          \
    { #member, VMSD_KIND_##kind, VMSD_MODEL_AT(model_struct, member, base), \
      VMSD_PICK(BASE_AT_##base, base_struct), DUMP_AT_##dump },

static const struct vmsd_member desc_members[] = {
#define VMSD_DESC_MEMBER(kind, member, facts, base, dump)                 \
    ENTRY(struct vmsd_desc, struct vmsd_base_desc, kind, member, base, dump)
#include "records.def"
};

static const struct vmsd_member field_members[] = {
#define VMSD_FIELD_MEMBER(kind, member, facts, base, dump)                \
    ENTRY(struct vmsd_field, struct vmsd_base_field, kind, member, base,  \
          dump)
#include "records.def"
};

/* A subsection entry's members are those of the description it names. */
static const struct vmsd_member sub_members[] = {
#define VMSD_SUB_MEMBER(kind, member, facts, base, dump)                  \
    ENTRY(struct vmsd_desc, struct vmsd_base_sub, kind, member, base, dump)
#include "records.def"
};

static const struct vmsd_member device_members[] = {
#define VMSD_DEVICE_MEMBER(kind, member, facts, base, dump)               \
    ENTRY(struct vmsd_device, struct vmsd_base_device, kind, member, base, \
          dump)
#include "records.def"
};

/* The program's struct is the base's. */
static const struct vmsd_member type_machines_members[] = {
#define VMSD_TYPE_MACHINES_MEMBER(kind, member, facts, base, dump)        \
    ENTRY(struct vmsd_type_machines, struct vmsd_type_machines, kind,     \
          member, base, dump)
#include "records.def"
};

#define RECORD(members) { members, sizeof members / sizeof *members }
const struct vmsd_record vmsd_desc_record = RECORD(desc_members);
const struct vmsd_record vmsd_field_record = RECORD(field_members);
const struct vmsd_record vmsd_sub_record = RECORD(sub_members);
const struct vmsd_record vmsd_device_record = RECORD(device_members);
const struct vmsd_record vmsd_type_machines_record =
    RECORD(type_machines_members);

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
