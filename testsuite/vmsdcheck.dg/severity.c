/* Per-rule severity: error, warning (the default) or off.  */
/* { dg-options "-fplugin-arg-vmsdcheck-subsection-separator=error -fplugin-arg-vmsdcheck-subsection-terminator=off" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    .name = "apic_sipi",        /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

static const VMStateDescription vmstate_other = { /* { dg-message "note: subsection 'other' is defined here" } */
    .name = "other",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-error "subsection 'apic_sipi' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        &vmstate_other,         /* { dg-warning "subsection 'other' of 'apic' does not start with its parent's name" } */
    },                          /* { dg-bogus "terminator" "off" { target *-*-* } .-1 } */
};
