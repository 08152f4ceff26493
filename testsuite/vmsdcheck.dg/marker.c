/* marker-missing and marker-unneeded: where the description struct has a
   member that says "my subsections use legacy names", it must be set
   exactly when some subsection's name breaks the '/' rule.  */
/* { dg-options "-DVMSTATE_HAS_LEGACY_MARKER -fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/legacy.json" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: 'apic_sipi' is defined here" } */
    .name = "apic_sipi",
};

/* Legacy name, marker not set.  */
const VMStateDescription vmstate_apic = { /* { dg-warning "'apic' has a subsection with a legacy name, 'apic_sipi', but does not set 'legacy_bad_subsection_name' \\\[marker-missing\\\]" } */
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,
        NULL
    },
};

/* Legacy name, marker set: fine.  */
const VMStateDescription vmstate_apic_marked = { /* { dg-bogus "marker" } */
    .name = "apic",
    .legacy_bad_subsection_name = true,
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,
        NULL
    },
};

/* Marker set, every name follows the rule.  */
static const VMStateDescription vmstate_timer_late = { .name = "timer/late" };

const VMStateDescription vmstate_timer = { /* { dg-warning "'timer' sets 'legacy_bad_subsection_name', but none of its subsections has a legacy name \\\[marker-unneeded\\\]" } */
    .name = "timer",
    .legacy_bad_subsection_name = true,
    .subsections = (const VMStateDescription * const []) {
        &vmstate_timer_late,
        NULL
    },
};

/* A subsection defined elsewhere: the marker cannot be judged here.  */
extern const VMStateDescription vmstate_elsewhere;

const VMStateDescription vmstate_kbd = { /* { dg-bogus "marker" } */
    .name = "kbd",
    .legacy_bad_subsection_name = true,
    .subsections = (const VMStateDescription * const []) {
        &vmstate_elsewhere,
        NULL
    },
};
