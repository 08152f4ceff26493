/* -Werror turns the plugin's warnings into errors, so CI can gate.  */
/* { dg-options "-Werror" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    .name = "apic_sipi",        /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-error "subsection 'apic_sipi' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        NULL
    },
};
