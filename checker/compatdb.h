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
    const char *file;           /* the database it came from */
    unsigned line;              /* where it starts in the file, 0 unknown */
};

/* Layered: the files in the order given, the entries of each in order.
 * A pair may be listed by several layers. */
struct vmsd_compatdb {
    struct vmsd_compat_entry *entries;
    size_t n_entries;
    char **files;
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
