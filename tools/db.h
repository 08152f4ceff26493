/* vmsdcheck db generate: the allowlist a set of programs needs. */
#ifndef VMSDCHECK_TOOL_DB_H
#define VMSDCHECK_TOOL_DB_H

#include "program.h"

#include "../checker/compatdb.h"

/* The database text for every separator break of the programs, sorted by
 * parent and subsection; an entry OLD already has keeps its reason and
 * "where", and OLD's first file's provenance is kept, with the KEY=VALUE
 * strings of PROVENANCE set in it.  New entries get REASON.  The caller
 * frees the text. */
char *db_generate(const struct program *programs, size_t n_programs,
                  const struct vmsd_compatdb *old, const char *reason,
                  char *const *provenance, size_t n_provenance);

#endif
