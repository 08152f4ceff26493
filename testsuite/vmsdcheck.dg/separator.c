/* subsection-separator: the name extends the parent's, but not as
   parent + "/" + a non-empty rest.  */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    .name = "apic_sipi",
};

static const VMStateDescription vmstate_endian = { /* { dg-message "note: subsection 'apic.endian' is defined here" } */
    .name = "apic.endian",
};

static const VMStateDescription vmstate_empty_rest = { /* { dg-message "note: subsection 'apic/' is defined here" } */
    /* { dg-message "note: 'vmstate_empty_rest' ends here and claims every subsection whose name starts with 'apic/'" "" { target *-*-* } .-1 } */
    .name = "apic/",
};

static const VMStateDescription vmstate_good = {
    .name = "apic/good",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-warning "subsection 'apic_sipi' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        &vmstate_endian,        /* { dg-warning "subsection 'apic.endian' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        &vmstate_empty_rest,    /* { dg-warning "subsection 'apic/' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        /* "apic/" also claims every later "apic/..." sibling on load.  */
        &vmstate_good,          /* { dg-warning "subsection 'apic/good' of 'apic' can reach the loader right after 'apic/', whose name it extends: the load fails .\"does not exist\". \\\[load-ambiguity\\\]" } */
        /* { dg-message "note: 'vmstate_empty_rest' is a subsection of 'apic'" "" { target *-*-* } .-3 } */
        NULL
    },
};

/* A parent whose own name has a '/': the rest must follow one more '/'.  */
static const VMStateDescription vmstate_shstk = { /* { dg-message "note: subsection 'cpu/cet_shstk' is defined here" } */
    .name = "cpu/cet_shstk",
};

const VMStateDescription vmstate_cet = {
    .name = "cpu/cet",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_shstk,         /* { dg-warning "subsection 'cpu/cet_shstk' of 'cpu/cet' is not named 'cpu/cet' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        NULL
    },
};

/* Each finding says what to do with a name that has shipped.  */
/* { dg-message "note: if the name is new, rename it as suggested; if it has shipped in a release, it must stay .renaming it breaks migration from that release.: add parent 'apic', subsection 'apic_sipi' to the allowlist, which 'vmsdcheck db generate' writes" "" { target *-*-* } 5 } */
/* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } 9 } */
/* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } 13 } */
/* { dg-message "note: if the name is new, rename it as suggested; if it has shipped in a release, it must stay .renaming it breaks migration from that release.: add parent 'cpu/cet', subsection 'cpu/cet_shstk' to the allowlist, which 'vmsdcheck db generate' writes" "" { target *-*-* } 36 } */
