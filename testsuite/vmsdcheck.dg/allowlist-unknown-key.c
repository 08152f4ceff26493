/* A bad allowlist is an error that names the file and what is wrong
   (and where, for a JSON syntax error); the compiler does not crash.
   It is read when a name first needs it: here, a legacy name, which
   without the allowlist is reported.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/unknown-key.json" } */
/* { dg-error "vmsdcheck: cannot use allowlist \[^\n\]*allowlists/unknown-key.json: entries\\\[1\\\]: unknown key \"why\" \\(an entry has parent, subsection, reason, where, since\\)" "" { target *-*-* } 0 } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    /* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    .name = "apic_sipi",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-warning "subsection 'apic_sipi' of 'apic' is not named 'apic' followed by '/'" } */
        NULL
    },
};
