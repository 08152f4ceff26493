/* Files written whole or not at all: the facts files of the plugin and
 * the reports and databases of the tool. */
#ifndef VMSDCHECK_WHOLE_FILE_H
#define VMSDCHECK_WHOLE_FILE_H

#include <stdbool.h>

/* Write TEXT to PATH through a temporary file in the same directory and
 * a rename.  On failure PATH is untouched, errno says why, and the
 * result is false. */
bool vmsd_write_whole_file(const char *path, const char *text);

#endif
