/* GCC's plugin headers that every file of the plugin needs, in the
 * order they need (gcc-plugin.h first, c-common.h before diagnostic.h),
 * with the differences between GCC versions behind small vmsd_*
 * helpers.  Each .cc file includes this first (through plugin.h), then
 * the few GCC headers only it uses; plugin-version.h defines a
 * variable, so only vmsdcheck.cc takes it. */
#ifndef VMSDCHECK_GCC_COMPAT_H
#define VMSDCHECK_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "tree.h"
#include "c-family/c-common.h"
#include "diagnostic.h"
#include "intl.h"
#include "langhooks.h"
#include "stringpool.h"
#include "output.h"
#include "input.h"
#include "file-prefix-map.h"

#if BUILDING_GCC_MAJOR < 10 || BUILDING_GCC_MAJOR > 15
#error "vmsdcheck supports the plugin API of GCC 10 to 15"
#endif

/* Other differences, none needing a shim:
 * - location_t is 32 bits up to GCC 14 and 64 from GCC 15; the model
 *   keeps 64 (read-tree.cc asserts that location_t fits).
 * - GCC 15's warning_at takes a diagnostic_option_id, built implicitly
 *   from the int (0) that vmsdcheck passes. */

/* Line LINE of FILE as GCC's file cache has it; NULL when unknown.
 * GCC 11 and 12 are built and tested here (scripts/run-tests); the
 * GCC 14 and 15 branch follows the file_cache API as read in their
 * headers (diagnostic_context::get_file_cache, file_cache::get_source_line),
 * not as compiled. */
static inline const char *vmsd_source_line(const char *file, int line,
                                           size_t *length)
{
#if BUILDING_GCC_MAJOR >= 14
    char_span span = global_dc->get_file_cache().get_source_line(file, line);
#else
    char_span span = location_get_source_line(file, line);
#endif
    *length = span.length();
    return span.get_buffer();
}

/* FILE as this compile's -ffile-prefix-map, -fmacro-prefix-map or
 * -fdebug-prefix-map write it: the way __FILE__ is mapped first, else the
 * way debug information is.  Garbage-collected: copy it before the next
 * collection. */
static inline const char *vmsd_remap_file(const char *file)
{
    const char *mapped = remap_macro_filename(file);
    return mapped != file ? mapped : remap_debug_filename(file);
}

#endif
