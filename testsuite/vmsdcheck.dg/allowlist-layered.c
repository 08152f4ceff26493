/* -fplugin-arg-vmsdcheck-db may repeat: an upstream list and a
   downstream one each allow their own pairs.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/legacy.json -fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/downstream.json" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = {
    .name = "apic_sipi",
};

static const VMStateDescription vmstate_vendor = {
    .name = "apic.vendor",
};

static const VMStateDescription vmstate_unlisted = { /* { dg-message "note: subsection 'apic-unlisted' is defined here" } */
    .name = "apic-unlisted",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-bogus "warning" "upstream layer" } */
        &vmstate_vendor,        /* { dg-bogus "warning" "downstream layer" } */
        &vmstate_unlisted,      /* { dg-warning "subsection 'apic-unlisted' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" "in neither" } */
        NULL
    },
};
/* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } 14 } */
