/* Which machine types send a subsection that a device property selects:
 * the needed function tests a member a Property sets, and a machine
 * type's compat properties may set it back for older machine types
 * (docs/machines.md, "Compat properties and needed functions"). */
#ifndef VMSDCHECK_TOOL_COMPAT_PROPS_H
#define VMSDCHECK_TOOL_COMPAT_PROPS_H

#include "../checker/model.h"
#include "../checker/rules.h"

#include <stddef.h>

struct program;

/* Set the program's sub_sends from its units' models, its device types
 * and its machine types (built first): one entry for each subsection
 * of a device type's description whose needed function is "return
 * s->m", "return !s->m" or "return s->m && ..." of a member one of the
 * type's bool properties (its own or a parent's) sets. */
void compat_props_find(struct program *program,
                       const struct vmsd_model *const *models, size_t n);
void compat_props_free(struct program *program);

#endif
