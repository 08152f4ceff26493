/* Device types and the description each migrates with, as QOM decides
 * it: a type's class_init sets DeviceClass.vmsd (itself or through a
 * helper it hands the class to), and a type whose class_init does not
 * keeps its parent's.  dump-vmstate writes them as QEMU's -dump-vmstate
 * does (docs/dump-vmstate.md). */
#ifndef VMSDCHECK_TOOL_QOM_H
#define VMSDCHECK_TOOL_QOM_H

#include "../checker/model.h"
#include "../checker/strset.h"

struct program;

/* A type of the program; its names are the program's (in its model's
 * arena). */
struct program_type {
    const char *name;
    const char *parent;         /* NULL: none */
    struct vmsd_loc loc;
    /* What its own class_init sets: NULL when it sets nothing. */
    const struct vmsd_desc *own_vmsd;
    bool own_set;               /* it sets vmsd (maybe to what no input
                                   defines: own_vmsd NULL) */
    bool conditional;           /* only under a condition */
    struct vmsd_loc assigned;   /* the dc->vmsd = &x that sets it */
    /* Its unit's I record: the struct its cast names (NULL: none) and
     * that struct's size, and its TypeInfo's .instance_size (0: the
     * parent's). */
    const char *cast_struct;
    uint64_t cast_struct_size;
    uint64_t instance_size;
};

/* The units of a program, with the functions that set a class's vmsd
 * or hand the class on, by name: where a helper with external linkage
 * is defined. */
struct qom_units {
    const struct vmsd_model *const *models;
    size_t n;
    struct vmsd_strset functions;       /* name -> unit index + 1 */
    struct vmsd_strset *bodies;         /* per unit: name -> what its
                                           function sets (tools/qom.c) */
    struct vmsd_arena arena;            /* the functions, their calls */
};

void qom_units_init(struct qom_units *units,
                    const struct vmsd_model *const *models, size_t n);
void qom_units_free(struct qom_units *units);

/* The assignment FUNCTION of unit UNIT makes to DeviceClass.vmsd, itself
 * or through the functions it hands the class to (in its unit, or with
 * external linkage in another): its last unconditional one, else a
 * helper's, else its last conditional one (*CONDITIONAL then true); NULL
 * when none.  *WHERE gets the unit the assignment is in.  An assignment
 * of a class_data member (data_member set) is the registered type's to
 * resolve. */
const struct vmsd_class_vmsd *qom_class_vmsd(const struct qom_units *units,
                                             size_t unit, const char *function,
                                             bool *conditional, size_t *where);

/* Set the program's devices: its types that descend from "device" and
 * migrate with a description (their own class_init's, else the nearest
 * parent's), sorted by type. */
void qom_find_devices(struct program *program);

/* The program's devices in the JSON of QEMU's -dump-vmstate, with
 * MACHINE in its vmschkmachine entry; the caller frees the text.  NULL
 * (with the reason on stderr) when the program has no device type. */
char *qom_dump_vmstate(const struct program *program, const char *machine);

#endif
