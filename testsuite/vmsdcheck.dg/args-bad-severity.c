/* Arguments are checked strictly: a bad one is an error that says what
   is valid, quoting what was given.  */
/* { dg-options "-fplugin-arg-vmsdcheck-name-length=loud" } */
/* { dg-error "vmsdcheck: 'name-length=loud': the severity is error, warning or off" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
