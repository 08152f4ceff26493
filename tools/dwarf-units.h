/* The C compile units an ELF file's debug information names: what a
 * program's units are when it was built with -g. */
#ifndef VMSDCHECK_TOOL_DWARF_UNITS_H
#define VMSDCHECK_TOOL_DWARF_UNITS_H

#include "../checker/arena.h"

#include <elfutils/libdw.h>
#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>

/* Append to *NAMES the name of each C compile unit of ELF (not the
 * "<artificial>" unit LTO adds), as its entry's DW_AT_name says, kept in
 * ARENA; false when ELF has no debug information. */
bool dwarf_c_units(Elf *elf, struct vmsd_arena *arena, char ***names,
                   size_t *n_names);

#endif
