/* What the tool says about machine types: the machines command's text
 * and JSON, and which machine dump-vmstate's --machine names
 * (docs/machines.md). */
#ifndef VMSDCHECK_TOOL_MACHINE_REPORT_H
#define VMSDCHECK_TOOL_MACHINE_REPORT_H

#include "program.h"
#include "report.h"

/* The machine types of PROGRAMS (N of them) as FORMAT, text or JSON;
 * with MACHINE, only that one (a name or an alias; a deleted machine
 * type by its name) with its compat properties.  NULL, with the reason
 * on stderr, when a program has no machine type or none named MACHINE,
 * or its properties are too many to list. */
char *machines_render(const struct program *programs, size_t n,
                      enum report_format format, const char *machine);

/* The name QEMU's -dump-vmstate writes when started as -M NAME (an
 * alias gives its machine type's name); NULL, with the reason on
 * stderr, when PROGRAM would start no machine by that name. */
const char *machines_dump_name(const struct program *program,
                               const char *name);

#endif
