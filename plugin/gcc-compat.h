/* The one place that includes GCC's plugin headers: in the order they
 * need (gcc-plugin.h first, c-common.h before diagnostic.h), with the
 * differences between GCC versions behind small vmsd_* helpers.
 * plugin-version.h defines a variable, so only vmsdcheck.cc takes it. */
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

/* Line LINE of FILE as GCC's file cache has it; NULL when unknown.
 * Only GCC 12 is built and tested here; the GCC 14 branch follows the
 * file_cache API as read, not as compiled. */
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
