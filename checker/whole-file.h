/* Whole files: written whole or not at all (the facts files of the
 * plugin, the reports and databases of the tool), and read whole. */
#ifndef VMSDCHECK_WHOLE_FILE_H
#define VMSDCHECK_WHOLE_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Write TEXT to PATH through a temporary file in the same directory and
 * a rename.  On failure PATH is untouched, errno says why, and the
 * result is false. */
bool vmsd_write_whole_file(const char *path, const char *text);

/* The whole of PATH, NUL-ended, its size in *LENGTH; NULL (errno set)
 * when it cannot be read.  The caller frees it. */
char *vmsd_read_whole_file(const char *path, size_t *length);

#endif
