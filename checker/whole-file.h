/* Whole files: written whole or not at all (the facts files of the
 * plugin, the reports and databases of the tool), and read whole. */
#ifndef VMSDCHECK_WHOLE_FILE_H
#define VMSDCHECK_WHOLE_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Write TEXT to PATH through a temporary file in the same directory and
 * a rename.  On failure PATH is untouched, errno says why, and the
 * result is false.  A symbolic link's target is replaced, the link
 * kept (even a link to a file not there yet); what is not a regular
 * file (/dev/null, a FIFO) is written through, not replaced by a file;
 * a descriptor of the process (/dev/stdout, /dev/fd/N) is written
 * where it stands. */
bool vmsd_write_whole_file(const char *path, const char *text);

/* How large an input of each kind may be: far above any real one, and
 * what keeps /dev/zero from eating the memory. */
#define VMSD_MAX_ALLOWLIST_BYTES ((size_t)64 << 20)
#define VMSD_MAX_FACTS_BYTES ((size_t)1 << 30)
#define VMSD_MAX_REPORT_BYTES ((size_t)1 << 30)

/* The whole of PATH, NUL-ended, its size in *LENGTH; NULL when it
 * cannot be read, is not a regular file (a FIFO would block), or is
 * larger than MAX bytes, with *WHY saying which.  The caller frees it. */
char *vmsd_read_whole_file(const char *path, size_t max, size_t *length,
                           const char **why);

#endif
