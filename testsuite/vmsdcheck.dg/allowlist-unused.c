/* The allowlists are read only when a name needs them, one that breaks
   the rule (reading them costs more than checking a unit): a unit whose
   names all follow it compiles cleanly even with a malformed one.  One
   that cannot be read at all is an error in every unit
   (allowlist-missing.c).  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/syntax-error.json" } */
/* { dg-bogus "allowlist" "" { target *-*-* } 0 } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = {
    .name = "apic/sipi",
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,
        NULL
    },
};
