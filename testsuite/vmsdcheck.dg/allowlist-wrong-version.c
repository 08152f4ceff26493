/* A bad allowlist is an error that names the file and what is wrong
   (and where, for a JSON syntax error); the compiler does not crash.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/wrong-version.json" } */
/* { dg-error "vmsdcheck: cannot use allowlist \[^\n\]*allowlists/wrong-version.json: \"version\" must be 1 \\(this vmsdcheck reads version 1\\)" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_apic = {
    .name = "apic",
};
