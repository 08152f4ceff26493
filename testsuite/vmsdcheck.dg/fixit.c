/* Fix-its: a rename to parent + "/" + rest, offered only where the name
   is one plain literal in the definition.  */
/* { dg-options "-fdiagnostics-parseable-fixits" } */
#include "vmstate.h"
/* dg.exp wants a character before a line-0 pattern: "ix-it:" matches
   the "fix-it:" lines.  */

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    .name = "apic_sipi",        /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};
/* { dg-message "ix-it:\"\[^\"\]*fixit.c\":.9:13-9:24.:\"\\\\\"apic/sipi\\\\\"\"" "" { target *-*-* } 0 } */

static const VMStateDescription vmstate_stranger = { /* { dg-message "note: subsection 'timer' is defined here" } */
    .name = "timer",
};
/* { dg-message "ix-it:\"\[^\"\]*fixit.c\":.14:13-14:20.:\"\\\\\"apic/timer\\\\\"\"" "" { target *-*-* } 0 } */

#define APIC "apic"
static const VMStateDescription vmstate_macro = { /* { dg-message "note: subsection 'apic-macro' is defined here" } */
    .name = APIC "-macro",      /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

/* The literal twice in the definition: which one is the name?  */
static const VMStateDescription vmstate_twice = { /* { dg-message "note: subsection 'apic.twice' is defined here" } */
    .name = "apic.twice",       /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
    .fields = (const VMStateField[]) {
        { .name = "apic.twice" },
        VMSTATE_END_OF_LIST()
    },
};

/* Nothing would be left after the parent's name.  */
static const VMStateDescription vmstate_empty_rest = { /* { dg-message "note: subsection 'apic_' is defined here" } */
    .name = "apic_",            /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-warning "subsection-separator" } */
        &vmstate_stranger,      /* { dg-warning "subsection-prefix" } */
        &vmstate_macro,         /* { dg-warning "subsection-separator" } */
        &vmstate_twice,         /* { dg-warning "subsection-separator" } */
        &vmstate_empty_rest,    /* { dg-warning "subsection-separator" } */
        NULL
    },
};
