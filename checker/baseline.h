/* The base of a change: what the pre-merge gate compares a build with.
 * For each program, every named description the base build defined: its
 * name, symbol and place, whether it is top-level, its versions, its
 * fields as they go on the wire, and the names of the subsections the
 * loader sees in its list.  The tool writes it into its
 * JSON report and reads it back for db check --baseline. */
#ifndef VMSDCHECK_BASELINE_H
#define VMSDCHECK_BASELINE_H

#include "model.h"
#include "rules.h"
#include "strset.h"

/* The records of records.def as the base keeps them (BASE and DERIVED
 * members). */
struct vmsd_base_sub {
#define VMSD_SUB_MEMBER VMSD_BASE_MEMBER
#include "records.def"
};

/* A field, as QEMU's -dump-vmstate describes one. */
struct vmsd_base_field {
#define VMSD_FIELD_MEMBER VMSD_BASE_MEMBER
#include "records.def"
};

/* A device type and the name of the description it migrates with. */
struct vmsd_base_device {
#define VMSD_DEVICE_MEMBER VMSD_BASE_MEMBER
#include "records.def"
};

struct vmsd_base_desc {
#define VMSD_DESC_MEMBER VMSD_BASE_MEMBER
#include "records.def"
    struct vmsd_base_field *fields;
    size_t n_fields;
    struct vmsd_base_sub *subs;
    size_t n_subs;
};

/* The tables of the records above and of struct vmsd_type_machines. */
extern const struct vmsd_record vmsd_desc_record, vmsd_field_record,
    vmsd_sub_record, vmsd_device_record, vmsd_type_machines_record;

struct vmsd_base_program {
    char *name;
    struct vmsd_base_desc *descs;
    size_t n_descs;
    struct vmsd_strset files;   /* owns the file names of the locations */
    /* Set by vmsd_base_program_index(). */
    struct vmsd_strset names;   /* description name */
    struct vmsd_strset pairs;   /* vmsd_pair_key(parent, subsection) */
    struct vmsd_strset sub_names;
    struct vmsd_strset by_symbol;       /* pair (name, symbol) -> desc */
    struct vmsd_base_device *devices;
    size_t n_devices;
    struct vmsd_strset device_index;    /* type -> device */
    struct vmsd_strset stateless;       /* device types with no
                                           description */
    /* The machine types that can contain its device types, sorted by
     * type; none when the base's facts did not say (report member
     * machine_types). */
    struct vmsd_type_machines *type_machines;
    size_t n_type_machines;
};

/* A resolved model's names, listed pairs and symbols: NAMES maps each
 * named definition's name to its first description, PAIRS (when not
 * NULL) each (parent, subsection) the loader can see to its first
 * parent, SYMBOLS (when not NULL) each named definition's symbol to its
 * first description. */
void vmsd_model_names(const struct vmsd_model *model,
                      struct vmsd_strset *names, struct vmsd_strset *pairs,
                      struct vmsd_strset *symbols);

/* The base a resolved model makes, indexed. */
void vmsd_base_program_from_model(struct vmsd_base_program *out,
                                  const char *name,
                                  const struct vmsd_model *model);

/* Add device types (their descriptions named), indexed by type. */
void vmsd_base_program_add_devices(struct vmsd_base_program *p,
                                   const struct vmsd_device *devices,
                                   size_t n);
/* Add one device type by hand (the report reader), copied; the first
 * of a type stays. */
void vmsd_base_program_add_device(struct vmsd_base_program *p,
                                  const struct vmsd_base_device *device);
/* Add a device type that migrates with no description. */
void vmsd_base_program_add_stateless(struct vmsd_base_program *p,
                                     const char *type);
/* Add what the machine types say of one device type (copied); sort them
 * with vmsd_base_program_index. */
void vmsd_base_program_add_type_machines(struct vmsd_base_program *p,
                                         const struct vmsd_type_machines *tm);
/* What they say of TYPE among N sorted entries, or NULL. */
const struct vmsd_type_machines *vmsd_find_type_machines(
    const struct vmsd_type_machines *list, size_t n, const char *type);

const struct vmsd_base_device *vmsd_base_find_device(
    const struct vmsd_base_program *p, const char *type);

/* Building one by hand (the report reader): append, then index. */
struct vmsd_base_desc *vmsd_base_program_add(struct vmsd_base_program *p);
struct vmsd_base_sub *vmsd_base_desc_add_sub(struct vmsd_base_desc *d);
struct vmsd_base_field *vmsd_base_desc_add_field(struct vmsd_base_desc *d);
const char *vmsd_base_program_file(struct vmsd_base_program *p,
                                   const char *file);
void vmsd_base_program_index(struct vmsd_base_program *p);

bool vmsd_base_has_pair(const struct vmsd_base_program *p,
                        const char *parent, const char *sub);
/* The description with NAME and SYMBOL (the same variable), or NULL. */
const struct vmsd_base_desc *vmsd_base_find(const struct vmsd_base_program *p,
                                            const char *name,
                                            const char *symbol);
void vmsd_base_program_free(struct vmsd_base_program *p);

#endif
