/* The compat database: legacy (parent, subsection) name pairs that may
 * break the '/' rule because renaming them would break migration.
 * Format: docs/compat-db.md. */
#ifndef VMSDCHECK_COMPATDB_H
#define VMSDCHECK_COMPATDB_H

#include "strset.h"

#include <stdbool.h>
#include <stddef.h>

#define VMSD_COMPATDB_FORMAT "vmsdcheck-allowlist"
#define VMSD_COMPATDB_VERSION 1

struct vmsd_compat_entry {
    char *parent;
    char *subsection;
    char *reason;
    char *where;                /* optional: where the pair was seen */
    char *since;                /* optional: the first release that sent
                                   the name, "MAJOR.MINOR", or
                                   VMSD_COMPATDB_UNRELEASED */
    const char *file;           /* the database it came from */
    unsigned line;              /* where it starts in the file, 0 unknown */
};

/* An entry's 'since' when no release has sent the name yet. */
#define VMSD_COMPATDB_UNRELEASED "unreleased"

/* Layered: the files in the order given, the entries of each in order.
 * A pair may be listed by several layers. */
struct vmsd_compatdb {
    struct vmsd_compat_entry *entries;
    size_t n_entries;
    char **files;
    char **released;            /* per file, optional: the newest release
                                   its 'since' values were looked for in */
    size_t n_files;
    struct vmsd_strset pairs;   /* pair key -> index + 1 of its first entry */
};

void vmsd_compatdb_init(struct vmsd_compatdb *db);
void vmsd_compatdb_free(struct vmsd_compatdb *db);

/* Add the entries of one database file.  On failure nothing is added,
 * 'error' holds "FILE:LINE:COLUMN: what" or "FILE: entries[N]: what",
 * and the result is false. */
bool vmsd_compatdb_load(struct vmsd_compatdb *db, const char *path,
                        char *error, size_t error_size);

/* Whether TEXT is a release as 'since' and 'released' give it:
 * "MAJOR.MINOR", each a decimal number without leading zeros, below
 * 10000; the numbers in *MAJOR and *MINOR. */
bool vmsd_compatdb_release(const char *text, int *major, int *minor);

/* The first entry that lists (parent, subsection), or NULL; a NULL db
 * lists nothing. */
const struct vmsd_compat_entry *
vmsd_compatdb_find(const struct vmsd_compatdb *db, const char *parent,
                   const char *subsection);

/* The entry of the layer read from FILE (a name db->files holds) that
 * lists the pair, or NULL. */
const struct vmsd_compat_entry *
vmsd_compatdb_find_in(const struct vmsd_compatdb *db, const char *file,
                      const char *parent, const char *subsection);

#endif
