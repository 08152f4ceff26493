/* An entry written as "base + N" is the element "&base[N]" and is
   followed alike; one that leaves the array (past its end, before its
   start, past a lone description) is an address vmsdcheck cannot
   follow, said to be unchecked.  (No entry is on line 15 or 19, the
   columns of the warnings: DejaGnu would take one for the other.)  */
#include "vmstate.h"

static const VMStateDescription parts[] = { /* { dg-message "note: subsection 'dev_b' is defined here" } */
    /* { dg-message "if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    { .name = "dev/a" },
    { .name = "dev_b" },
    { .name = "dev/c" },
};

static const VMStateDescription lone = { .name = "dev/lone" };

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        parts,          /* { dg-bogus "warning" } */
        parts + 1,      /* { dg-warning "subsection 'dev_b' of 'dev' is not named 'dev' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
                        /* { dg-message "note: first listed here" "" { target *-*-* } .-1 } */
        &parts[2] - 1,  /* { dg-warning "subsection-separator" } */
                        /* { dg-warning "'parts\\\[1\\\]' is listed twice in the subsections of 'dev' \\\[subsection-duplicate\\\]" "" { target *-*-* } .-1 } */
        &parts[0] + 2,  /* { dg-bogus "warning" } */
        parts + 3,      /* { dg-warning "entry 4 of the subsections of 'dev' is an address vmsdcheck cannot follow: its name is not checked \\\[subsection-unchecked\\\]" } */
        &parts[0] - 1,  /* { dg-warning "entry 5 of the subsections of 'dev' is an address vmsdcheck cannot follow: its name is not checked \\\[subsection-unchecked\\\]" } */
        &lone + 1,      /* { dg-warning "entry 6 of the subsections of 'dev' is an address vmsdcheck cannot follow: its name is not checked \\\[subsection-unchecked\\\]" } */
        NULL
    },
};
