/* A program's description graph: the facts of every unit linked into
 * it, merged into one model, with each reference to a description
 * resolved the way the linker resolved the symbol. */
#ifndef VMSDCHECK_TOOL_PROGRAM_H
#define VMSDCHECK_TOOL_PROGRAM_H

#include "inputs.h"

#include "../checker/model.h"

struct program {
    const char *name;
    struct vmsd_model model;    /* resolved */
    size_t n_units;
};

/* Build the program from its facts; false (with the reason on stderr)
 * when a facts document is unreadable. */
bool program_build(const struct program_input *input, struct program *out);
void program_free(struct program *program);

#endif
