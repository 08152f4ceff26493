/* Arguments are checked strictly: a bad one is an error that says what
   is valid.  */
/* { dg-options "-fplugin-arg-vmsdcheck-db" } */
/* { dg-error "vmsdcheck: 'db' needs a value: db=FILE" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
