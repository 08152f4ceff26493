/* Registrations the plugin cannot work out are counted, one a call, with
   what stopped it: a name that is not a constant (a parameter, an element
   past the table), a condition it cannot decide (and what follows one
   that may return), a TypeInfo that is not the function's own, a
   statement it does not follow (a switch), a loop that does not end.
   A local TypeInfo that is never registered is not a type; a TypeInfo
   variable registered by address is read as it is (a T record).  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts -Wno-aggressive-loop-optimizations" } */
#include "qom.h"

static const char *const names[] = { "n-one", "n-two" };
static const TypeInfo fixed_info = { .name = "fixed", .parent = TYPE_DEVICE };
int choice;

void by_name(const char *name)
{
    TypeInfo ti = { .name = name, .parent = TYPE_DEVICE };
    type_register_static(&ti);                  /* name */
}

void past_the_table(void)
{
    for (int i = 0; i < 3; i++) {
        TypeInfo ti = { .name = names[i], .parent = TYPE_DEVICE };
        type_register_static(&ti);              /* two, then name */
    }
}

void conditional(void)
{
    TypeInfo ti = { .name = "maybe", .parent = TYPE_DEVICE };
    if (choice)
        type_register_static(&ti);              /* condition */
    if (choice > 2)
        return;
    type_register_static(&ti);                  /* condition */
}

void not_its_own(const TypeInfo *given)
{
    TypeInfo unused = { .name = "unused", .parent = TYPE_DEVICE };
    (void)unused;
    type_register_static(given);                /* argument */
    type_register_static(&fixed_info);
}

void after_a_switch(void)
{
    TypeInfo ti = { .name = "switched", .parent = TYPE_DEVICE };
    switch (choice) {
    case 1:
        ti.name = "one";
        break;
    default:
        break;
    }
    type_register_static(&ti);                  /* statement */
}

void endless(void)
{
    TypeInfo ti = { .name = "endless", .parent = TYPE_DEVICE };
    for (unsigned i = 0; i != 1; i += 2)
        ;
    type_register_static(&ti);                  /* steps */
}

/* { dg-final { facts-count {^U by_name name 0:18:5$} 1 } } */
/* { dg-final { facts-count {^R n-(one|two) device - 0:25:9$} 2 } } */
/* { dg-final { facts-count {^U past_the_table name 0:25:9$} 1 } } */
/* { dg-final { facts-count {^U conditional condition 0:33:9$} 1 } } */
/* { dg-final { facts-count {^U conditional condition 0:36:5$} 1 } } */
/* { dg-final { facts-count {^U not_its_own argument 0:43:5$} 1 } } */
/* { dg-final { facts-count {^U after_a_switch statement 0:57:5$} 1 } } */
/* { dg-final { facts-count {^U endless steps 0:65:5$} 1 } } */
/* { dg-final { facts-count {^T fixed device - 0:12:} 1 } } */
/* { dg-final { facts-count {^[RUT] } 10 } } */
