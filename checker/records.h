/* The records of records.def as data: their members' C types, the
 * structs they declare, and a table of each record's members for the
 * code that copies, writes and reads them whatever the member. */
#ifndef VMSDCHECK_RECORDS_H
#define VMSDCHECK_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A member's C type, by its kind. */
#define VMSD_TYPE_NAME char *
#define VMSD_TYPE_OPT_NAME char *
#define VMSD_TYPE_CONST_NAME const char *
#define VMSD_TYPE_CONST_OPT_NAME const char *
#define VMSD_TYPE_INT int
#define VMSD_TYPE_U32 uint32_t
#define VMSD_TYPE_U64 uint64_t
#define VMSD_TYPE_BOOL bool
#define VMSD_TYPE_COUNT size_t
#define VMSD_TYPE_LOC struct vmsd_loc
#define VMSD_TYPE_REF struct vmsd_ref
#define VMSD_TYPE_UID uint32_t
#define VMSD_TYPE_DESC const struct vmsd_desc *
#define VMSD_TYPE_LINKAGE enum vmsd_linkage
#define VMSD_TYPE_MARKER enum vmsd_marker

enum vmsd_kind {
    VMSD_KIND_NAME,
    VMSD_KIND_OPT_NAME,
    VMSD_KIND_INT,
    VMSD_KIND_U32,
    VMSD_KIND_U64,
    VMSD_KIND_BOOL,
    VMSD_KIND_COUNT,
    VMSD_KIND_LOC,
    VMSD_KIND_REF,
    VMSD_KIND_UID,
    VMSD_KIND_DESC,
    VMSD_KIND_LINKAGE,
    VMSD_KIND_MARKER,
};
/* Not owned or owned, a name is written and read alike. */
#define VMSD_KIND_CONST_NAME VMSD_KIND_NAME
#define VMSD_KIND_CONST_OPT_NAME VMSD_KIND_OPT_NAME

/* A column of records.def picks what its user does with a line:
 * VMSD_PICK(PREFIX##COLUMN, ARGS...) calls the macro the column's
 * PREFIX_ form names, with the column's own arguments first. */
#define VMSD_PICK(...) VMSD_PICK_(__VA_ARGS__)
#define VMSD_PICK_(what, ...) what(__VA_ARGS__)
#define VMSD_DROP(...)

/* A member declared in a struct: the model's are the lines not
 * DERIVED, the base's the lines BASE or DERIVED. */
#define VMSD_DECLARE(type, member) type member;
#define VMSD_MODEL_DECL_BASE(member, key) VMSD_DECLARE
#define VMSD_MODEL_DECL_NO_BASE VMSD_DECLARE
#define VMSD_MODEL_DECL_DERIVED(member, key) VMSD_DROP
#define VMSD_MODEL_MEMBER(kind, member, facts, base, dump)                \
    VMSD_PICK(VMSD_MODEL_DECL_##base, VMSD_TYPE_##kind, member)
#define VMSD_BASE_DECLARE_AS(member, type, ...) type member;
#define VMSD_BASE_DECL_BASE(member, key) VMSD_BASE_DECLARE_AS, member
#define VMSD_BASE_DECL_DERIVED(member, key) VMSD_BASE_DECLARE_AS, member
#define VMSD_BASE_DECL_NO_BASE VMSD_DROP
#define VMSD_BASE_MEMBER(kind, member, facts, base, dump)                 \
    VMSD_PICK(VMSD_BASE_DECL_##base, VMSD_TYPE_##kind)

/* A line's offset in the model's struct ST: VMSD_NOWHERE when it is
 * DERIVED. */
#define VMSD_MODEL_AT_BASE(member, key) VMSD_MODEL_OFFSET
#define VMSD_MODEL_AT_NO_BASE VMSD_MODEL_OFFSET
#define VMSD_MODEL_AT_DERIVED(member, key) VMSD_NO_MODEL_OFFSET
#define VMSD_MODEL_OFFSET(st, member) offsetof(st, member)
#define VMSD_NO_MODEL_OFFSET(st, member) VMSD_NOWHERE
#define VMSD_MODEL_AT(st, member, base)                                    \
    VMSD_PICK(VMSD_MODEL_AT_##base, st, member)

/* A member as the generic code sees it. */
#define VMSD_NOWHERE SIZE_MAX
struct vmsd_member {
    const char *name;
    enum vmsd_kind kind;
    size_t model_offset;        /* VMSD_NOWHERE: derived, not a model
                                   member */
    size_t base_offset;         /* VMSD_NOWHERE: not in the base */
    const char *key;            /* the report's key (in the base) */
    int dump;                   /* its place in -dump-vmstate's object,
                                   from 1; 0: not there */
    const char *dump_key;
    bool dump_array;            /* only for a VMS_ARRAY field */
};

struct vmsd_record {
    const struct vmsd_member *members;
    size_t n_members;
};

extern const struct vmsd_record vmsd_desc_record, vmsd_field_record,
    vmsd_sub_record, vmsd_device_record, vmsd_type_machines_record;

/* The member's place in a struct at AT, by offset. */
#define VMSD_MEMBER_AT(type, at, offset)                                   \
    ((type *)(void *)((char *)(at) + (offset)))

/* Copy RECORD's BASE members of the model's struct FROM into the
 * base's struct TO: names copied (the caller frees them), places' files
 * through OWN_FILE (with ARG), which keeps them as long as the base. */
void vmsd_record_to_base(const struct vmsd_record *record, void *to,
                         const void *from,
                         const char *(*own_file)(void *arg, const char *),
                         void *arg);
/* Copy a base's struct FROM (BASE and DERIVED members) into TO, the
 * same way. */
void vmsd_record_copy_base(const struct vmsd_record *record, void *to,
                           const void *from,
                           const char *(*own_file)(void *arg, const char *),
                           void *arg);
/* Copy RECORD's model struct FROM into TO, of MODEL: names into MODEL,
 * places' files through OWN_FILE (with ARG); references are left zero
 * and ids as TO has them, for the caller to link. */
struct vmsd_model;
void vmsd_record_copy_model(const struct vmsd_record *record, void *to,
                            const void *from, struct vmsd_model *model,
                            const char *(*own_file)(void *arg, const char *),
                            void *arg);
/* Free the names of a base's struct AT. */
void vmsd_record_free_base(const struct vmsd_record *record, void *at);

#endif
