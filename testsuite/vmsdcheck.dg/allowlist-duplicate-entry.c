/* A bad allowlist is an error that names the file and what is wrong
   (and where, for a JSON syntax error); the compiler does not crash.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/duplicate-entry.json" } */
/* { dg-error "vmsdcheck: cannot use allowlist \[^\n\]*allowlists/duplicate-entry.json: entries\\\[1\\\]: parent \"apic\", subsection \"apic_sipi\" is listed already at entries\\\[0\\\]" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_apic = {
    .name = "apic",
};
