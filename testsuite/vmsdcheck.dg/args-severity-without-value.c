/* Arguments are checked strictly: a bad one is an error that says what
   is valid.  */
/* { dg-options "-fplugin-arg-vmsdcheck-name-missing" } */
/* { dg-error "vmsdcheck: 'name-missing' needs a severity: name-missing=error, warning or off" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
