/* -fplugin-arg-vmsdcheck-help prints every argument, each rule with its
   summary, and compiles nothing: the compile fails so that no empty
   object is left behind.  (dg.exp trims each line it matches and the
   spaces that start the next, so no pattern starts a line.)  */
/* { dg-options "-fplugin-arg-vmsdcheck-help" } */
/* { dg-message "checks the names of QEMU migration subsections" "" { target *-*-* } 0 } */
/* { dg-message "each .fplugin-arg-vmsdcheck-KEY" "" { target *-*-* } 0 } */
/* { dg-message "=FILE +an allowlist of legacy names .JSON.; may repeat" "" { target *-*-* } 0 } */
/* { dg-message "=on.off +off: no facts in the object" "" { target *-*-* } 0 } */
/* { dg-message "=DIR +facts files there too .for -fsyntax-only." "" { target *-*-* } 0 } */
/* { dg-message " +print this text and compile nothing" "" { target *-*-* } 0 } */
/* { dg-message "=NAME +the member that marks legacy names .default: legacy_bad_subsection_name." "" { target *-*-* } 0 } */
/* { dg-message "=SEVERITY +error, warning .the default. or off; RULE is one of:" "" { target *-*-* } 0 } */
/* { dg-message "ubsection-prefix +a subsection's name does not extend its parent's" "" { target *-*-* } 0 } */
/* { dg-message "ubsection-separator +a subsection is not named parent" "" { target *-*-* } 0 } */
/* { dg-message "ubsection-duplicate +two entries of one subsection list" "" { target *-*-* } 0 } */
/* { dg-message "ubsection-terminator +a subsection list lacks its NULL" "" { target *-*-* } 0 } */
/* { dg-message "ame-length +a name is longer than the 255 bytes" "" { target *-*-* } 0 } */
/* { dg-message "ame-missing +a description that is or has a subsection has no constant name" "" { target *-*-* } 0 } */
/* { dg-message "oad-ambiguity +a subsection can be claimed on load" "" { target *-*-* } 0 } */
/* { dg-message "arker-missing +legacy subsection names, but the marker member is not set" "" { target *-*-* } 0 } */
/* { dg-message "arker-unneeded +the marker member is set" "" { target *-*-* } 0 } */
/* { dg-message "ubsection-unchecked +a subsection entry is an address" "" { target *-*-* } 0 } */
/* { dg-message "ield-terminator +a field list lacks its VMSTATE_END_OF_LIST" "" { target *-*-* } 0 } */
/* { dg-message "ield-never-sent +a field's version_id is above its description's" "" { target *-*-* } 0 } */
/* { dg-message "ersion-below-minimum +a description's version_id is below its minimum_version_id" "" { target *-*-* } 0 } */
/* { dg-message "Werror makes the warnings errors" "" { target *-*-* } 0 } */
/* { dg-error "vmsdcheck: help printed; nothing is compiled" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
