/* Subsections given as an element of a description array or a member
   of a struct are followed where the initializer is visible; where it
   is not (an extern array), the entry is said to be unchecked.  */
#include "vmstate.h"

static const VMStateDescription arr[] = { /* { dg-message "note: subsection 'dev_b' is defined here" } */
    /* { dg-message "if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    /* { dg-message "note: subsection 'other' is defined here" "" { target *-*-* } .-2 } */
    { .name = "dev/a" },
    { .name = "dev_b" },
    [4] = { .name = "other" },
};

static const struct {
    int x;
    VMStateDescription d;
} s = { 1, { .name = "dev/s" } };

extern const VMStateDescription ext[];

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &arr[0],        /* { dg-bogus "warning" } */
        &arr[1],        /* { dg-warning "subsection 'dev_b' of 'dev' is not named 'dev' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        &arr[4],        /* { dg-warning "subsection 'other' of 'dev' does not start with its parent's name: the loader never hands it to 'dev' \\\[subsection-prefix\\\]" } */
        &s.d,           /* { dg-bogus "warning" } */
        &ext[2],        /* { dg-warning "entry 4 of the subsections of 'dev' is an address vmsdcheck cannot follow: its name is not checked \\\[subsection-unchecked\\\]" } */
        NULL
    },
};
