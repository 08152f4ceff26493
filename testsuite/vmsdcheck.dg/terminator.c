/* subsection-terminator: a list the loader reads past, and entries after
   the NULL it stops at.  */
#include "vmstate.h"

static const VMStateDescription vmstate_a = { .name = "dev/a" };
static const VMStateDescription vmstate_b = { .name = "dev/b" };

const VMStateDescription vmstate_unterminated = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_a,
        &vmstate_b,     /* { dg-warning "subsection list of 'dev' has no NULL terminator: the loader reads past its end \\\[subsection-terminator\\\]" } */
    },
};

const VMStateDescription vmstate_after_end = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_a,     /* { dg-message "note: the list ends after this entry" } */
        NULL,
        &vmstate_b,     /* { dg-warning "'vmstate_b' comes after the NULL that ends the subsection list of 'dev': it is never sent or loaded \\\[subsection-terminator\\\]" } */
    },
};

/* A designated initializer that leaves a gap: the gap is the NULL.  */
const VMStateDescription vmstate_gap = {
    .name = "dev",
    .subsections = (const VMStateDescription * const [4]) {
        [0] = &vmstate_a,       /* { dg-message "note: the list ends after this entry" } */
        [2] = &vmstate_b,       /* { dg-warning "'vmstate_b' comes after the NULL that ends the subsection list of 'dev'" } */
    },
};

/* A sized array whose last slots are left out ends in NULLs: fine.  */
const VMStateDescription vmstate_sized = {
    .name = "dev",
    .subsections = (const VMStateDescription * const [3]) {
        &vmstate_a,
        &vmstate_b,     /* { dg-bogus "terminator" } */
    },
};

/* An empty list without a NULL at all.  */
const VMStateDescription vmstate_empty = { /* { dg-warning "subsection list of 'dev' has no NULL terminator" } */
    .name = "dev",
    .subsections = (const VMStateDescription * const []) { },
};
