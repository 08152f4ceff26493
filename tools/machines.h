/* Machine types: a program's QOM types that descend from "machine", the
 * versioned ones' status under the tree's own policy, and the compat
 * properties each gets from its class_init and the functions it hands
 * its class to (docs/machines.md). */
#ifndef VMSDCHECK_TOOL_MACHINES_H
#define VMSDCHECK_TOOL_MACHINES_H

#include "../checker/arena.h"
#include "../checker/model.h"
#include "../checker/strset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum machine_status {
    MACHINE_SUPPORTED,
    MACHINE_DEPRECATED,         /* by the policy, or its class_init says */
    MACHINE_DELETED,            /* by the policy: QEMU registers it no more */
    MACHINE_UNKNOWN,            /* versioned, and the policy is in no
                                   unit's facts */
};

struct machine_function;

struct machine_type {
    const char *type;           /* the QOM type, "pc-q35-10.2-machine" */
    const char *name;           /* the type less "-machine": "pc-q35-10.2" */
    bool versioned;             /* the name ends in -MAJOR.MINOR[.MICRO] */
    int major, minor, micro;    /* micro -1 when the name has none */
    enum machine_status status;
    const char *alias;          /* NULL: none */
    bool is_default;
    const char *deprecation_reason;     /* as its class_init sets it */
    uint64_t n_properties;      /* compat properties (saturating) */
    size_t n_unknown_arrays;    /* arrays added that no unit defines */
    struct machine_function *class_init;        /* NULL: none read */
};

/* The tree's policy, from the units' macros: versioned machine types
 * DEPRECATION_MAJOR years (major versions) old are deprecated,
 * DELETION_MAJOR years old no longer registered. */
struct machine_policy {
    bool known;                 /* all five values read as numbers */
    int deprecation_major, deletion_major;
    int qemu_major, qemu_minor, qemu_micro;
};

struct machine_set {
    struct vmsd_arena arena;    /* every name, function, step and array */
    struct machine_type *machines;      /* not abstract, sorted */
    size_t n_machines;
    struct machine_policy policy;
};

/* One compat property, as the machine type's class gets it. */
struct machine_property {
    const char *array;          /* the GlobalProperty array */
    const struct vmsd_global_property *entry;   /* NULL: the array is in
                                                   no unit's facts */
    bool conditional;           /* added under a condition */
};

/* Build SET from the facts of a program's units (PROGRAM names it in
 * what is said on stderr: units that disagree on a macro).  SET names
 * things with the units' names, which must live as long as it does (a
 * program's units' names are the program's: tools/program.c). */
void machines_build(struct machine_set *set,
                    const struct vmsd_model *const *models, size_t n,
                    const char *program);
void machines_free(struct machine_set *set);

/* The machine QEMU would start for NAME: a registered machine type by
 * its name or alias; NULL when none. */
const struct machine_type *machines_find(const struct machine_set *set,
                                         const char *name);
/* Any machine type named NAME, deleted ones included; NULL when none. */
const struct machine_type *machines_find_any(const struct machine_set *set,
                                             const char *name);

/* The compat properties of M in the order they are added; *N gets how
 * many.  NULL (N 0) when there would be more than
 * MACHINE_MAX_PROPERTIES.  The caller frees the array. */
#define MACHINE_MAX_PROPERTIES 1000000u
struct machine_property *machines_properties(const struct machine_type *m,
                                             size_t *n);

const char *machine_status_name(enum machine_status status);

#endif
