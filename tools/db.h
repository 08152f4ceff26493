/* vmsdcheck db generate: the allowlist a set of programs needs. */
#ifndef VMSDCHECK_TOOL_DB_H
#define VMSDCHECK_TOOL_DB_H

#include "program.h"

#include "../checker/compatdb.h"

/* The database text for every separator break of the programs that the
 * lower layers of OLD (every file but its last) do not allow already,
 * sorted by parent and subsection.  OLD's last file is the one being
 * made again: its entries keep their reason, "where" and "since", its
 * provenance and "released" are kept, with the KEY=VALUE strings of
 * PROVENANCE set in it.  New entries get REASON.  With HISTORY (a git
 * repository), each entry's "since" and the file's "released" are
 * looked up there (history_since; a name not found keeps the "since"
 * it had).  NULL (said on stderr) when the history cannot be read; the
 * caller frees the text. */
char *db_generate(const struct program *programs, size_t n_programs,
                  const struct vmsd_compatdb *old, const char *reason,
                  char *const *provenance, size_t n_provenance,
                  const char *history);

#endif
