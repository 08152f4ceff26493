/* File names as the report shows them: as the compiler was given them,
 * or relative to a source root (--source-root), so that reports of two
 * builds in different directories name the same files alike. */
#ifndef VMSDCHECK_TOOL_PATHS_H
#define VMSDCHECK_TOOL_PATHS_H

#include <stdbool.h>

/* ROOT as an absolute path without "." or ".." parts and with no
 * trailing '/'; NULL (errno set) when it is not a directory. */
char *paths_root(const char *root);

/* FILE relative to ROOT (from paths_root) when it lies under it, else
 * absolute; FILE itself when ROOT is NULL.  A relative FILE is taken as
 * relative to this directory: the tool runs where the compiler ran (a
 * build directory, as QEMU's meson build names its sources).  The caller
 * frees it. */
char *paths_display(const char *file, const char *root);

/* What follows PATH's last '/' (all of it when there is none). */
const char *paths_last_part(const char *path);

/* Whether NAME is a C source's ("*.c"), as a unit's file symbol or
 * line table names it: neither says the unit's language. */
bool paths_is_c_source(const char *name);

#endif
