/* Designated initializers in a subsection list: explicit indices, out of
   order, and a GNU range that repeats one entry.  */
#include "vmstate.h"

static const VMStateDescription vmstate_a = { .name = "kbd/a" };
static const VMStateDescription vmstate_b = { .name = "kbd/b" };

const VMStateDescription vmstate_kbd = {
    .name = "kbd",
    .subsections = (const VMStateDescription * const []) {
        [1] = &vmstate_b,
        [0] = &vmstate_a,
        [2] = NULL,
    },
};

const VMStateDescription vmstate_kbd2 = {
    .name = "kbd",
    .subsections = (const VMStateDescription * const [4]) {
        [0 ... 2] = &vmstate_a, /* { dg-warning "'vmstate_a' is listed twice in the subsections of 'kbd'" } */
    },
};
/* { dg-message "note: first listed here" "" { target *-*-* } 20 } */
