/* What the plugin's files share.  Compiled as C++ because GCC's headers
 * are, written as C. */
#ifndef VMSDCHECK_PLUGIN_H
#define VMSDCHECK_PLUGIN_H

#include "gcc-compat.h"

extern "C" {
#include "../checker/model.h"
#include "../checker/rules.h"
#include "../checker/xalloc.h"
}

/* read-tree.cc: record a finished declaration in the model when it is a
 * description, a subsection list or a field list.  Init first, with the
 * name of the descriptions' marker member (NULL: none); release once the
 * model is freed (the strings its names point into). */
void vmsd_reader_init(const char *plugin_name, const char *marker_field);
void vmsd_read_decl(struct vmsd_model *model, tree decl);
void vmsd_reader_release(void);

/* read-qom.cc: record TypeInfo initializers (of a finished declaration)
 * and, in a function's body, DeviceClass.vmsd assignments and calls. */
void vmsd_qom_reader_init(void);
void vmsd_read_type_infos(struct vmsd_model *model, tree decl);
void vmsd_read_function(struct vmsd_model *model, tree fndecl);

/* read-creates.cc: what a TypeInfo says runs when its type is
 * instantiated (called for each TypeInfo with its constant name), and,
 * once the unit's bodies are lowered, what its functions create and
 * call and the hooks they set in classes. */
void vmsd_creates_reader_init(void);
void vmsd_read_type_hooks(struct vmsd_model *model, const char *type,
                          tree ctor);
void vmsd_read_creates(struct vmsd_model *model);

/* read-registrations.cc: the types a function's code registers (a local
 * TypeInfo given to type_register_static).  A local TypeInfo marks its
 * function (vmsd_note_local_type_info: true for such a local), whose
 * body is then run when GCC has it whole. */
void vmsd_registration_reader_init(void);
bool vmsd_note_local_type_info(tree decl);
void vmsd_read_registrations(struct vmsd_model *model, tree fndecl);
/* read-fit.cc: the structs the unit defines (each as GCC finishes it)
 * and its QOM cast functions, then at the end which structs its
 * descriptions and QOM types are of (the Y, I and O facts, and the
 * fields' member types).  Init first, with the plugin's name (it
 * registers its garbage-collection roots). */
void vmsd_fit_init(const char *plugin_name);
void vmsd_fit_note_type(tree type);
void vmsd_fit_read_function(tree fndecl);
void vmsd_fit_unit(struct vmsd_model *model);
/* read-machine.cc: record GlobalProperty arrays (of a finished
 * declaration), and at the end of the unit the versioning macros. */
void vmsd_machine_reader_init(void);
void vmsd_read_property_array(struct vmsd_model *model, tree decl);
void vmsd_read_machine_macros(struct vmsd_model *model);

/* read-props.cc: device Property arrays (of a finished declaration),
 * the members functions shaped as needed functions read (each body
 * before it is lowered), and at the end of the unit only those a
 * description or a field names are kept. */
void vmsd_props_reader_init(void);
void vmsd_read_device_props(struct vmsd_model *model, tree decl);
void vmsd_read_predicate(struct vmsd_model *model, tree fndecl);
void vmsd_props_unit(struct vmsd_model *model);
/* read-fit.cc: a struct's name across units (its tag, else a typedef's
 * name); NULL when it has neither. */
const char *vmsd_struct_name(tree type);
/* The only statement of a function body but declarations and debug
 * markers, or NULL_TREE. */
tree vmsd_only_statement(tree body);

/* quiet-lowering.cc: GCC's plugin dispatch off while each function is
 * lowered, from the first lowering pass, which calls PARSED (has every
 * other plugin stopped listening?), until the unit is checked (stop). */
void vmsd_quiet_lowering_init(const char *plugin_name, bool (*parsed)(void));
void vmsd_quiet_lowering_stop(void);

/* symbol-pages.cc: the pages of cc1's symbol tables that loading the
 * plugin brought in, handed back. */
void vmsd_drop_symbol_pages(void);

/* report.cc: one finding as a GCC diagnostic with its notes. */
void vmsd_report_to_gcc(const struct vmsd_finding *finding, void *unused);

/* facts-out.cc: the unit's facts into the object's section: appended
 * after the end of the assembler file when cc1 exits, if it is a file
 * of its own (a failure then is reported and ends cc1 with an error),
 * else printed into the assembler output OUT as .ascii strings; or (for
 * LTO, whose object is bytecode) as top-level asm statements; or into a
 * file of a facts directory (errors are reported here; false on
 * failure). */
void vmsd_print_facts_asm(FILE *out, const struct vmsd_model *model,
                          const char *unit);
void vmsd_emit_facts_asm(const struct vmsd_model *model, const char *unit);
bool vmsd_write_facts_file(const char *dir, const char *facts);

#endif
