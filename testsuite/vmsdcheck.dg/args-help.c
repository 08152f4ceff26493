/* -fplugin-arg-vmsdcheck-help prints every argument and compiles on.  */
/* { dg-options "-fplugin-arg-vmsdcheck-help" } */
/* { dg-message "checks the names of QEMU migration subsections" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-db=FILE    allowlist of legacy names" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-RULE=SEV   SEV is error, warning .the default. or off" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-facts=off  no facts section in the object" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-facts-dir=DIR  facts files there too" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-marker-field=NAME  the member that marks legacy names" "" { target *-*-* } 0 } */
/* { dg-message "default: legacy_bad_subsection_name" "" { target *-*-* } 0 } */
/* { dg-message "fplugin-arg-vmsdcheck-help       this text" "" { target *-*-* } 0 } */
/* { dg-message "is one of: subsection-prefix, subsection-separator, subsection-duplicate, subsection-terminator, name-length, name-missing, load-ambiguity, marker-missing, marker-unneeded" "" { target *-*-* } 0 } */
/* { dg-message "Werror makes the warnings errors" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
