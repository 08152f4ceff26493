/* Which machine types can contain each device type of a program: those
 * whose init creates it, through the functions it calls and the
 * instance_init and realize of what it creates (board -> SoC ->
 * device), and, for a user-creatable device, every machine type
 * (docs/gate.md, "Machine types"). */
#ifndef VMSDCHECK_TOOL_CONTAINMENT_H
#define VMSDCHECK_TOOL_CONTAINMENT_H

#include "../checker/model.h"
#include "../checker/rules.h"

#include <stdbool.h>
#include <stddef.h>

struct program;

/* Set the program's type_machines from its units' models and its
 * machine types (program->machines, built first: a versioned machine
 * type's name ends in -MAJOR.MINOR[.MICRO], and one the tree's policy
 * deletes is not registered, so it contains nothing): each device type,
 * sorted by type; none when no machine type's init is known (no machine
 * type, or facts of an older plugin). */
void containment_find(struct program *program,
                      const struct vmsd_model *const *models, size_t n);

/* One line per device type, "TYPE: [abstract] [versioned MACHINE]
 * [unversioned MACHINE, ... [and more]]", or "TYPE: none" when no
 * machine type can contain it, for vmsdcheck containment; the caller
 * frees it.  NULL (said on stderr) without machine facts. */
char *containment_render(const struct program *program);

void containment_free(struct program *program);

#endif
