/* An allowlisted (parent, subsection) pair silences subsection-separator
   for exactly that pair: not for another parent, not subsection-prefix.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/legacy.json" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" "for apic2" } */
    .name = "apic_sipi",
};

static const VMStateDescription vmstate_vendor = { /* { dg-message "note: subsection 'apic.vendor' is defined here" } */
    /* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    .name = "apic.vendor",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-bogus "warning" "listed" } */
        &vmstate_vendor,        /* { dg-warning "subsection 'apic.vendor' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" "not listed" } */
        NULL
    },
};

/* The same subsection under a parent the allowlist does not name.  */
const VMStateDescription vmstate_apic2 = {
    .name = "apic2",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-warning "subsection 'apic_sipi' of 'apic2' does not start with its parent's name" "other parent" } */
        NULL
    },
};

/* A listed pair that breaks the prefix is still reported.  */
static const VMStateDescription vmstate_elsewhere = { /* { dg-message "note: subsection 'elsewhere' is defined here" } */
    .name = "elsewhere",
};

const VMStateDescription vmstate_kbd = {
    .name = "kbd",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_elsewhere,     /* { dg-warning "\\\[subsection-prefix\\\]" "listed prefix break" } */
        NULL
    },
};

/* Names with spaces are matched whole.  */
static const VMStateDescription vmstate_bmdma_current = {
    .name = "ide bmdma_current",
};

const VMStateDescription vmstate_bmdma = {
    .name = "ide bmdma",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_bmdma_current, /* { dg-bogus "warning" "listed, with spaces" } */
        NULL
    },
};
