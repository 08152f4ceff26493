/* The compat database: legacy (parent, subsection) name pairs that may
 * break the '/' rule because renaming them would break migration.
 * Format: docs/compat-db.md. */
#ifndef VMSDCHECK_COMPATDB_H
#define VMSDCHECK_COMPATDB_H

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
    size_t index;               /* its position in that file's entries */
    unsigned line;              /* where it starts in the file, 0 unknown */
    bool used;                  /* it silenced a finding */
    bool seen;                  /* its pair exists in a checked model */
};

struct vmsd_compatdb {
    struct vmsd_compat_entry *entries;
    size_t n_entries;
    char **files;
    size_t n_files;
};

void vmsd_compatdb_init(struct vmsd_compatdb *db);
void vmsd_compatdb_free(struct vmsd_compatdb *db);

/* Add the entries of one database file.  On failure nothing is added,
 * 'error' holds "FILE:LINE:COLUMN: what" or "FILE: entries[N]: what",
 * and the result is false. */
bool vmsd_compatdb_load(struct vmsd_compatdb *db, const char *path,
                        char *error, size_t error_size);

/* Is (parent, subsection) listed?  Marks the entry used.  A NULL db
 * allows nothing. */
bool vmsd_compatdb_allows(struct vmsd_compatdb *db, const char *parent,
                          const char *subsection);

/* The pair exists in a checked model, breaking the rule or not: marks
 * the entry seen (so a stale entry can say which way it is stale). */
void vmsd_compatdb_saw(struct vmsd_compatdb *db, const char *parent,
                       const char *subsection);

#endif
