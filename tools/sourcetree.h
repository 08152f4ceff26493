/* The C files of a source tree that define a VMStateDescription: what a
 * build should have compiled with the plugin to see every description,
 * found by reading the text (no compiler, no build). */
#ifndef VMSDCHECK_TOOL_SOURCETREE_H
#define VMSDCHECK_TOOL_SOURCETREE_H

#include <stdbool.h>
#include <stddef.h>

/* How much of a tree the walk takes before it gives up (exit 2): far
 * above QEMU's (about 4,000 C files, 14 directories deep). */
#define SOURCETREE_MAX_DEPTH 64
#define SOURCETREE_MAX_ENTRIES ((size_t)4 << 20)
#define SOURCETREE_MAX_FILE_BYTES ((size_t)64 << 20)

/* Whether TEXT (LENGTH bytes) defines a VMStateDescription: has the
 * token VMStateDescription, then an identifier, then '=' (not "=="),
 * outside comments, string and character literals, with only white
 * space and comments between them.  A declaration ("extern const
 * VMStateDescription x;"), a pointer ("VMStateDescription *p = ...")
 * and a definition a macro of a header expands to do not count. */
bool sourcetree_defines_vmsd(const char *text, size_t length);

/* Each file's path relative to the root, sorted by strcmp. */
struct source_files {
    char **paths;
    size_t n;
    size_t c_files;             /* C files read */
};

/* Every file under ROOT (a directory) whose name ends in ".c" and that
 * defines a VMStateDescription.  Entries whose names start with '.'
 * (.git) are skipped, and symbolic links to directories are not
 * followed (as find does), so a link loop cannot make the walk endless;
 * a link to a file is read through.  False, with what could not be read
 * and why on stderr (the path under ROOT), when a directory or C file
 * cannot be read, a C file is not a regular file or is larger than
 * SOURCETREE_MAX_FILE_BYTES, or the tree is deeper or larger than the
 * limits above. */
bool sourcetree_scan(const char *root, struct source_files *out);
void source_files_free(struct source_files *files);

#endif
