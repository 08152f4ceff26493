/* Building every program of a run: at once on several threads when
 * there are several programs and processors. */
#ifndef VMSDCHECK_TOOL_BUILD_PROGRAMS_H
#define VMSDCHECK_TOOL_BUILD_PROGRAMS_H

#include "inputs.h"
#include "program.h"

#include <stdbool.h>

/* program_build of each of SET's programs into PROGRAMS (as many,
 * zeroed), up to JOBS at once (0: as many as there are processors);
 * false when one fails.  What the builds say on stderr comes in the
 * programs' order, and ends with the first that fails, as when they are
 * built one after another and the first that fails stops the run. */
bool build_programs(struct input_set *set, const char *root,
                    bool containment, size_t jobs,
                    struct program *programs);

#endif
