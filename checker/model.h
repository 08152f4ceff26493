/* The description model: what vmsdcheck knows about the
 * VMStateDescription initializers of one translation unit, as plain data.
 *
 * The plugin fills it while GCC parses (descriptions, subsection lists and
 * field lists arrive in any order and are joined by their unit-local ids),
 * then vmsd_model_resolve() links references to the descriptions they name.
 * Nothing here knows about GCC.
 */
#ifndef VMSDCHECK_MODEL_H
#define VMSDCHECK_MODEL_H

#include "arena.h"
#include "records.h"
#include "strset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A place in the source.  'host' is the compiler's own location value
 * (GCC's location_t) when the model was built by the plugin, else 0.
 * 64 bits: GCC 15 widened location_t from 32 (docs/design.md); the
 * plugin checks at compile time that its location_t fits. */
struct vmsd_loc {
    const char *file;
    unsigned line;
    unsigned column;
    uint64_t host;
};

enum vmsd_linkage {
    VMSD_LINK_STATIC,   /* defined here, internal linkage */
    VMSD_LINK_GLOBAL,   /* defined here, external linkage */
    VMSD_LINK_EXTERN,   /* declared here, defined elsewhere */
};

struct vmsd_desc;

/* "&x" naming a description: an entry of a subsection list or a field's
 * .vmsd.  uid 0 with 'is_null' is the NULL that ends a list; uid 0
 * without it is an address vmsdcheck cannot follow. */
struct vmsd_ref {
    uint32_t uid;
    char *symbol;
    struct vmsd_loc loc;
    bool is_null;
    bool unresolved;            /* whole program: no input defines it */
    struct vmsd_desc *target;   /* set by vmsd_model_resolve() */
};

/* The longest subsection list read: far beyond any real one (QEMU's
 * longest has about 40 entries), and what keeps a hostile range
 * ([0 ... 4000000000] = &x) from exhausting the compiler's memory. */
#define VMSD_MAX_LIST_SLOTS ((size_t)1 << 20)

/* A subsection list: every slot of the array, NULLs included, because
 * the loader stops at the first NULL and never sees what follows. */
struct vmsd_sublist {
    uint32_t uid;
    struct vmsd_ref *slots;
    size_t n_slots;
    bool too_long;              /* more than VMSD_MAX_LIST_SLOTS: not read,
                                   no slots */
    struct vmsd_desc *owner;    /* first description that lists it; set
                                   by vmsd_model_resolve() */
};

/* The bits of a field's .flags that vmsdcheck reads (QEMU's values):
 * an array of .num elements, and a VMSTATE_VALIDATE entry, which sends
 * nothing (-dump-vmstate leaves it out). */
#define VMSD_VMS_ARRAY 0x004
#define VMSD_VMS_MUST_EXIST 0x1000

/* A field: its members are records.def's VMSD_FIELD_MEMBER lines. */
struct vmsd_field {
#define VMSD_FIELD_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* A field list, up to its end marker (the entry with no name). */
struct vmsd_fieldlist {
    uint32_t uid;
    struct vmsd_field *fields;
    size_t n_fields;
    bool terminated;
    /* The first named entry after the end marker, which the loader
     * never reaches; NULL when none. */
    char *after_end;
    struct vmsd_loc after_end_loc;
};

/* What a description's marker field says (docs/ambiguity.md): the
 * struct has no such member, or it is clear, or set. */
enum vmsd_marker {
    VMSD_MARKER_ABSENT,
    VMSD_MARKER_CLEAR,
    VMSD_MARKER_SET,
};

/* A description: its members are records.def's VMSD_DESC_MEMBER lines,
 * then what vmsd_model_resolve() links. */
struct vmsd_desc {
#define VMSD_DESC_MEMBER VMSD_MODEL_MEMBER
#include "records.def"

    /* Set by vmsd_model_resolve(). */
    struct vmsd_sublist *subsections;
    struct vmsd_fieldlist *fields;
    bool is_subsection;         /* some list of this model names it */
    bool is_nested;             /* some field of this model loads it */
};

/* uid -> pointer, for the model's lookups and for the tools' remapping. */
struct vmsd_uid_index {
    uint32_t *keys;
    void **values;
    size_t capacity;
    size_t count;
};

void *vmsd_uid_index_get(const struct vmsd_uid_index *index, uint32_t uid);
void vmsd_uid_index_put(struct vmsd_uid_index *index, uint32_t uid,
                        void *value);
/* Room for N uids in all, made at once: an index grown a uid at a
 * time zeroes and fills again each table it outgrows. */
void vmsd_uid_index_reserve(struct vmsd_uid_index *index, size_t n);
/* Its tables freed, and the index left empty. */
void vmsd_uid_index_free(struct vmsd_uid_index *index);

/* A QOM type: records.def's VMSD_QOM_TYPE_MEMBER lines. */
struct vmsd_qom_type {
#define VMSD_QOM_TYPE_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* "DeviceClass.vmsd = &x" in a function's body. */
struct vmsd_class_vmsd {
    char *function;
    struct vmsd_ref vmsd;       /* x; uid 0 when it is not &description */
    bool conditional;           /* under an if, ?:, switch, for, while,
                                   && or || */
    char *data_member;          /* x is this member of the class_data the
                                   function was given (info->vmsd); NULL
                                   when not */
};

/* A call by name: records.def's VMSD_CALL_MEMBER lines. */
struct vmsd_call {
#define VMSD_CALL_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* A member of a type's class_data that holds a description's address
 * (a table element's .vmsd): what a class_init taking its description
 * from class_data sets. */
struct vmsd_data_member {
    char *member;
    struct vmsd_ref vmsd;
};

/* A QOM type a function's code registers (type_register_static of a
 * local TypeInfo, in a loop over a table or not), as the plugin worked
 * it out: one for each type registered. */
struct vmsd_registration {
    char *name;
    char *parent;               /* NULL: none */
    char *class_init;           /* NULL: none */
    struct vmsd_loc loc;        /* the call that registers it */
    struct vmsd_data_member *data;      /* its class_data's description
                                           members */
    size_t n_data;
};

/* A string a helper builds from the struct it is given: its parts
 * joined (g_strdup_printf's "%s"), each a constant or a member of the
 * struct; no parts: NULL. */
struct vmsd_template_part {
    char *text;                 /* the constant, or the member's name */
    bool member;
};

struct vmsd_template_string {
    struct vmsd_template_part *parts;
    size_t n_parts;
};

/* A member of the struct a helper is given, NULL or not. */
struct vmsd_guard {
    char *member;
    bool set;
};

/* A type a helper registers from the struct it is given (parameter
 * PARAM, from 0) when every guard holds: what the tool makes of each
 * call that hands the helper a struct (struct vmsd_struct_call). */
struct vmsd_template {
    char *function;
    unsigned param;
    struct vmsd_loc loc;        /* the call that registers it */
    char *class_init;           /* NULL: none */
    bool data_is_struct;        /* its class_data is the struct */
    struct vmsd_template_string name, parent;
    struct vmsd_guard *guards;
    size_t n_guards;
};

/* A member of a struct handed to a function: a constant string, a
 * description's address, or set to something else (both NULL, uid 0).
 * Members not listed are NULL or zero. */
struct vmsd_struct_member {
    char *member;
    char *string;
    struct vmsd_ref vmsd;
};

/* A call handing a static struct (or a table's element) to a function by
 * name, from a function QEMU runs at start (type_init); 'uncertain'
 * when the call may not be made or its struct is unknown (no members). */
struct vmsd_struct_call {
    char *caller;
    char *callee;
    unsigned arg;
    struct vmsd_loc loc;
    bool uncertain;
    struct vmsd_struct_member *members;
    size_t n_members;
};

/* A registration the plugin cannot work out: records.def's
 * VMSD_UNFOLLOWED_MEMBER lines. */
struct vmsd_unfollowed {
#define VMSD_UNFOLLOWED_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* Machine types (docs/machines.md): records.def's machine records. */
struct vmsd_machine_member {
#define VMSD_MACHINE_SET_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

struct vmsd_compat_add {
#define VMSD_COMPAT_ADD_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

struct vmsd_global_property {
#define VMSD_COMPAT_PROPERTY_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

struct vmsd_property_array {
#define VMSD_PROPERTY_ARRAY_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
    struct vmsd_global_property *entries;
    size_t n_entries;
};

/* A macro's value: records.def's VMSD_MACRO_VALUE_MEMBER lines. */
struct vmsd_macro_value {
#define VMSD_MACRO_VALUE_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* Device properties and the functions that test them (facts records
 * X and W): what the tool needs to tell whether a compat property turns
 * a needed function off for a machine type (docs/machines.md). */

/* A struct member a function reads (s->m): the struct's name (tag, else
 * typedef) and the member's byte offset in it. */
struct vmsd_member_read {
    char *structure;
    uint64_t offset;
};

/* A needed or field_exists function and the members it reads.  HOW
 * says what it returns when its body is one return of its only member
 * read: '=' that member, '!' its negation, '&' that member && more;
 * '?' anything else. */
struct vmsd_predicate {
    char *function;
    char how;
    struct vmsd_member_read *reads;
    size_t n_reads;
};

/* One entry of a device's Property array: its name, the offset of the
 * member it sets, and its default when it is a bool ('0', '1'; '-' not
 * a bool or not a constant). */
struct vmsd_device_property {
    char *name;
    uint64_t offset;
    char bool_default;
};

struct vmsd_device_props {
    char *array;
    struct vmsd_device_property *props;
    size_t n_props;
};

/* device_class_set_props(dc, ARRAY) in FUNCTION (given the class). */
struct vmsd_props_set {
    char *function;
    char *array;
};

/* What a function's body creates and calls (facts record Q): device
 * creation as QEMU writes it (qdev_new(TYPE), object_initialize_child,
 * sysbus_create_simple, ...), and the calls that may lead to more. */
enum vmsd_create_kind {
    VMSD_CREATE_TYPE = 't',     /* a type by its constant name */
    VMSD_CREATE_FORMAT = 'p',   /* a type whose name a printf format
                                   prints ("aspeed.i2c-%s") */
    VMSD_CREATE_MEMBER = 'm',   /* a type named by a struct member of
                                   this name (amc->soc_name) */
    VMSD_CREATE_CALL = 'c',     /* a call of this function */
    VMSD_CREATE_RETURNED = 'r', /* a type named by what this function
                                   returns (gic_class_name()) */
    VMSD_CREATE_RETURNS = 's',  /* this function returns this constant
                                   string (not a creation) */
};

struct vmsd_create_item {
    char kind;                  /* enum vmsd_create_kind */
    char *name;
};

struct vmsd_creator {
    char *function;
    bool global;                /* external linkage: other units call it */
    struct vmsd_create_item *items;
    size_t n_items;
};

/* What runs when a type is instantiated, and what a class says of its
 * instances (facts record J). */
enum vmsd_hook_kind {
    VMSD_HOOK_INSTANCE_INIT = 'i',      /* owner: a type; name: function */
    VMSD_HOOK_ABSTRACT = 'a',           /* owner: a type */
    VMSD_HOOK_REALIZE = 'r',            /* owner: a function given the
                                           class; name: the realize
                                           function it sets */
    VMSD_HOOK_MACHINE_INIT = 'm',       /* owner: likewise; name:
                                           MachineClass.init */
    VMSD_HOOK_USER_CREATABLE = 'u',     /* owner: likewise; flag */
    VMSD_HOOK_MEMBER_STRING = 's',      /* owner: likewise; name: the
                                           member; value: the string */
};

struct vmsd_hook {
    char *owner;
    char kind;                  /* enum vmsd_hook_kind */
    char *name;
    char *value;
    bool flag;
};

/* A device type: records.def's VMSD_DEVICE_MEMBER lines. */
struct vmsd_device {
#define VMSD_DEVICE_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* What the plugin finds of the unit's structs, so that the tool can
 * tell whether a description fits the device it is attached to
 * (description-misfit).  Structs are named by their tag, else by a
 * typedef name. */

/* The structs a description's fields are offsets into: those of its
 * unit whose members match every field's name, offset and size (none
 * matched: no names). */
struct vmsd_desc_structs {
    uint32_t desc;              /* the description's uid */
    char **names;
    size_t n_names;
};

/* A QOM type's instances: records.def's VMSD_INSTANCE_MEMBER lines. */
struct vmsd_instance {
#define VMSD_INSTANCE_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* A struct and what sits at its offset 0: records.def's
 * VMSD_STRUCT_HEAD_MEMBER lines. */
struct vmsd_struct_head {
#define VMSD_STRUCT_HEAD_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* The model owns every description, list, slot, field and name in it
 * (but names that outlive it, see vmsd_model_strdup): all come from its
 * arena (vmsd_model_strdup, the append functions) and go with
 * vmsd_model_free, or with the arena it was made in
 * (vmsd_model_init_in). */
struct vmsd_model {
    struct vmsd_arena arena;
    struct vmsd_arena *shared_arena;    /* NULL: its own */
    struct vmsd_qom_type *types;
    size_t n_types;
    struct vmsd_class_vmsd *class_vmsds;
    size_t n_class_vmsds;
    struct vmsd_call *calls;
    size_t n_calls;
    struct vmsd_creator *creators;      /* Q records */
    size_t n_creators;
    struct vmsd_hook *hooks;            /* J records */
    size_t n_hooks;
    struct vmsd_registration *registrations;
    size_t n_registrations;
    struct vmsd_unfollowed *unfollowed;
    size_t n_unfollowed;
    struct vmsd_template *templates;
    size_t n_templates;
    struct vmsd_struct_call *struct_calls;
    size_t n_struct_calls;
    struct vmsd_desc_structs *desc_structs;
    size_t n_desc_structs;
    struct vmsd_instance *instances;
    size_t n_instances;
    struct vmsd_struct_head *struct_heads;
    size_t n_struct_heads;
    struct vmsd_machine_member *machine_members;
    size_t n_machine_members;
    struct vmsd_compat_add *compat_adds;
    size_t n_compat_adds;
    struct vmsd_property_array *property_arrays;
    size_t n_property_arrays;
    struct vmsd_macro_value *macro_values;
    size_t n_macro_values;
    struct vmsd_predicate *predicates;  /* X records */
    size_t n_predicates;
    struct vmsd_device_props *device_props;     /* W records */
    size_t n_device_props;
    struct vmsd_props_set *props_sets;          /* W * records */
    size_t n_props_sets;
    struct vmsd_desc **descs;
    size_t n_descs;
    struct vmsd_sublist **sublists;
    size_t n_sublists;
    struct vmsd_fieldlist **fieldlists;
    size_t n_fieldlists;
    const char **files;         /* file names, in the order first named;
                                   the arena's, file_set's keys */
    size_t n_files;
    struct vmsd_strset file_set;
    struct vmsd_uid_index desc_index;
    struct vmsd_uid_index sublist_index;
    struct vmsd_uid_index fieldlist_index;
};

void vmsd_model_init(struct vmsd_model *model);
/* A model whose records come from ARENA (NULL: its own), which
 * outlives it and is freed by its owner: models freed together fill one
 * arena densely, where a model of a few records would take a block of
 * its own. */
void vmsd_model_init_in(struct vmsd_model *model, struct vmsd_arena *arena);
/* Where the model's records come from.  (Not a pointer kept to its own
 * arena: a model moves with the array it is in.) */
static inline struct vmsd_arena *vmsd_model_arena(struct vmsd_model *model)
{
    return model->shared_arena ? model->shared_arena : &model->arena;
}
void vmsd_model_free(struct vmsd_model *model);
/* What of a model read by vmsd_facts_read_unit is not in its arena:
 * its tables of descriptions and lists, and their indexes (model.c's).
 * Only the tool reads so; the arena goes after. */
void vmsd_model_free_tables(struct vmsd_model *model);

/* The description with this uid, added (zeroed, uid set) when new. */
struct vmsd_desc *vmsd_model_desc(struct vmsd_model *model, uint32_t uid);
struct vmsd_desc *vmsd_model_find_desc(const struct vmsd_model *model,
                                       uint32_t uid);

/* A new list with this uid; NULL when the model already has one (the
 * same array seen twice).  The model owns it. */
struct vmsd_sublist *vmsd_model_add_sublist(struct vmsd_model *model,
                                            uint32_t uid);
struct vmsd_fieldlist *vmsd_model_add_fieldlist(struct vmsd_model *model,
                                                uint32_t uid);

/* Append a zeroed slot or field. */
struct vmsd_ref *vmsd_sublist_append(struct vmsd_model *model,
                                     struct vmsd_sublist *list);
struct vmsd_field *vmsd_fieldlist_append(struct vmsd_model *model,
                                         struct vmsd_fieldlist *list);

/* A copy of S (NULL for NULL) that lives as long as the model: every
 * name put into a model is one, or a string that outlives the model
 * (the plugin keeps GCC's identifiers, which are never collected). */
char *vmsd_model_strdup(struct vmsd_model *model, const char *s);

/* The field loads a description inline. */
bool vmsd_field_nests(const struct vmsd_field *field);

/* A copy of 'file' that lives as long as the model. */
const char *vmsd_model_intern_file(struct vmsd_model *model, const char *file);
/* The same for a 'file' the model owns already (from its arena): no
 * copy made when it is new. */
const char *vmsd_model_adopt_file(struct vmsd_model *model, const char *file);
/* The number of an interned file: its index in 'files'. */
size_t vmsd_model_file_number(const struct vmsd_model *model,
                              const char *file);

/* Link every reference and list to what it names; mark subsections and
 * nested descriptions. */
void vmsd_model_resolve(struct vmsd_model *model);

/* Neither listed as a subsection nor loaded by a field: a section, when
 * the program registers it. */
bool vmsd_desc_top_level(const struct vmsd_desc *desc);

/* The entries the loader sees: the slots before the first NULL. */
size_t vmsd_sublist_length(const struct vmsd_sublist *list);
bool vmsd_sublist_terminated(const struct vmsd_sublist *list);

#endif
