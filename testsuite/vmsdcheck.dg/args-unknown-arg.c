/* Arguments are checked strictly: a bad one is an error that says what
   is valid.  */
/* { dg-options "-fplugin-arg-vmsdcheck-colour=yes" } */
/* { dg-error "vmsdcheck: unknown argument 'colour' .valid: db, facts, facts-dir, help, marker-field, subsection-prefix, subsection-separator, subsection-duplicate, subsection-terminator, name-length, name-missing, load-ambiguity, marker-missing, marker-unneeded." "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
