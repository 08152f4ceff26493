/* A program's description graph: the facts of every unit linked into
 * it, merged into one model, with each reference to a description
 * resolved the way the linker resolved the symbol. */
#ifndef VMSDCHECK_TOOL_PROGRAM_H
#define VMSDCHECK_TOOL_PROGRAM_H

#include "inputs.h"
#include "machines.h"
#include "qom.h"

#include "../checker/model.h"
#include "../checker/rules.h"
#include "../checker/strset.h"

struct program {
    const char *name;
    struct vmsd_model model;    /* resolved */
    struct vmsd_strset files;   /* the file names the model's places use
                                   (keys in the model's arena) */
    /* Coverage: the C units the program has (when it can tell: then
     * units_unknown is NULL, else it says why not) and those of them
     * that carry no facts. */
    enum units_source units_from;
    const char *units_unknown;
    size_t n_c_units;
    size_t n_fact_units;        /* facts documents read */
    const char **fact_units;    /* display paths of the units they name
                                   (in the model's arena) */
    size_t n_fact_units_named;
    char **uncovered;           /* display paths */
    size_t n_uncovered;
    /* With debug information: units only the symbol table names, that
     * carry no facts (file names without directories). */
    char **unlisted;
    size_t n_unlisted;
    /* Every TypeInfo of its units, with what its class_init sets. */
    struct program_type *types;
    size_t n_types;
    /* Its device types that have a description, sorted by type, and
     * whether that was set only under a condition (qom_find_devices). */
    struct vmsd_device *devices;
    bool *device_conditional;
    size_t n_devices;
    /* What description-misfit decided (for the summary). */
    struct vmsd_fit_counts fit;
    /* The device types no class_init of which sets a description. */
    const char **stateless_types;
    size_t n_stateless_types;
    /* Every device type with the machine types that can contain it,
     * sorted by type (containment_find); none without creation facts. */
    struct vmsd_type_machines *type_machines;
    size_t n_type_machines;
    /* Strings they point into. */
    struct vmsd_strset machine_names;
    /* Its subsections a device property selects, per machine type
     * (compat-props.c). */
    struct vmsd_sub_sends *sub_sends;
    size_t n_sub_sends;
    /* Its machine types and their compat properties. */
    struct machine_set machines;
};

/* Build the program from its facts, file names shown relative to ROOT
 * (see paths_display; NULL: as compiled); false (with the reason on
 * stderr) when a facts document is unreadable.  Each facts text of
 * INPUT is freed once read.  CONTAINMENT: work out the machine types
 * that can contain each device type (type_machines), which only the
 * gate, the JSON report and the containment command read, and which
 * costs more than the rest of the build. */
bool program_build(struct program_input *input, const char *root,
                   bool containment, struct program *out);
void program_free(struct program *program);

#endif
