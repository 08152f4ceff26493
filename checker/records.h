/* The records of records.def as data: their members' C types, the
 * structs they declare, and what a table of a record's members holds
 * for the code that copies, writes and reads them whatever the member
 * (record-copy.h; the tables: baseline.h, facts.c).  It includes no
 * other header of checker/: model.h is built on it. */
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

/* The member's place in a struct at AT, by offset. */
#define VMSD_MEMBER_AT(type, at, offset)                                   \
    ((type *)(void *)((char *)(at) + (offset)))

#endif
