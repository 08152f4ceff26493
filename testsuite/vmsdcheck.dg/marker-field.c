/* The marker member's name is a plugin argument; without such a member
   in the struct, no marker rule applies.  */
/* { dg-options "-DVMSTATE_HAS_LEGACY_MARKER -fplugin-arg-vmsdcheck-marker-field=unmigratable" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = {
    .name = "apic/sipi",
};

const VMStateDescription vmstate_apic = { /* { dg-warning "'apic' sets 'unmigratable', but none of its subsections has a legacy name \\\[marker-unneeded\\\]" } */
    .name = "apic",
    .unmigratable = true,
    .legacy_bad_subsection_name = true,
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,
        NULL
    },
};
