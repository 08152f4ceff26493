/* A bad allowlist is an error that names the file and what is wrong
   (and where, for a JSON syntax error); the compiler does not crash.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/unknown-key.json" } */
/* { dg-error "vmsdcheck: cannot use allowlist \[^\n\]*allowlists/unknown-key.json: entries\\\[1\\\]: unknown key \"why\" \\(an entry has parent, subsection, reason, where\\)" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_apic = {
    .name = "apic",
};
