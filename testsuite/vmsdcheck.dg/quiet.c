/* -w silences the plugin's warnings and their notes.  */
/* { dg-options "-w" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-bogus "note" } */
    .name = "apic_sipi",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-bogus "warning" } */
        NULL
    },
};
