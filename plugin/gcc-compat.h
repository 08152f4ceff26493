/* GCC's plugin headers that every file of the plugin needs, in the
 * order they need (gcc-plugin.h before the others, c-common.h before
 * diagnostic.h), and the GCC versions the plugin is built for.  Each .cc
 * file includes this first (through plugin.h), then the few GCC headers
 * only it uses; plugin-version.h defines a variable, so only
 * vmsdcheck.cc takes it. */
#ifndef VMSDCHECK_GCC_COMPAT_H
#define VMSDCHECK_GCC_COMPAT_H

#include "bversion.h"
/* The GCCs whose plugin headers this is compiled against and tested with
 * (scripts/run-tests, scripts/gcc-check): another GCC's API may differ
 * in ways no test here would see, so it is refused rather than guessed
 * (first: before the other headers fail on it). */
#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "vmsdcheck: GCC's plugin headers are not those of GCC 11 or 12, the versions vmsdcheck is built and tested with: configure with CC and CXX of GCC 11 or 12"
#endif

#include "gcc-plugin.h"
#include "tree.h"
#include "c-family/c-common.h"
#include "diagnostic.h"
#include "intl.h"
#include "langhooks.h"
#include "stringpool.h"
#include "output.h"
#include "input.h"
#include "file-prefix-map.h"

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
