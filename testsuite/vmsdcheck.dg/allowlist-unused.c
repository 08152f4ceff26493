/* The allowlists are read only when a unit has descriptions (reading
   them costs more than checking a unit): a unit with none compiles
   cleanly even with a malformed one.  One that cannot be read at all is
   an error in every unit (allowlist-missing.c).  */
/* { dg-options "-fplugin-arg-vmsdcheck-db=$srcdir/vmsdcheck.dg/allowlists/syntax-error.json" } */
/* { dg-bogus "allowlist" "" { target *-*-* } 0 } */

int device_count;
