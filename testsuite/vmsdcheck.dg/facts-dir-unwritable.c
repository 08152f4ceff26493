/* A facts directory that cannot be made is an error, not a lost file.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=/nonexistent/vmsdcheck-facts" } */
/* { dg-error "vmsdcheck: cannot create facts directory /nonexistent/vmsdcheck-facts: No such file or directory" "" { target *-*-* } 0 } */
#include "vmstate.h"

const VMStateDescription vmstate_dev = { .name = "dev" };
