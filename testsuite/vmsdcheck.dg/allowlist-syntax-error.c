/* A bad allowlist is an error that names the file and what is wrong
   (and where, for a JSON syntax error); the compiler does not crash.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/syntax-error.json" } */
/* { dg-error "vmsdcheck: cannot use allowlist \[^\n\]*allowlists/syntax-error.json:5:35: ... expected near" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_apic = {
    .name = "apic",
};
