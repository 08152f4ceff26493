/* .subsections given as a named array, defined before or after the
   description that points at it, and as &array[0].  */
#include "vmstate.h"

static const VMStateDescription vmstate_bad = { /* { dg-message "note: subsection 'net_bad' is defined here" } */
    .name = "net_bad",          /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

static const VMStateDescription * const net_subsections[] = {
    &vmstate_bad,               /* { dg-warning "subsection 'net_bad' of 'net' is not named 'net' followed by '/'" } */
    NULL
};

const VMStateDescription vmstate_net = {
    .name = "net",
    .subsections = net_subsections,
};

static const VMStateDescription * const later_subsections[];

const VMStateDescription vmstate_later = {
    .name = "later",
    .subsections = &later_subsections[0],
};

static const VMStateDescription vmstate_later_bad = { /* { dg-message "note: subsection 'other' is defined here" } */
    .name = "other",
};

static const VMStateDescription * const later_subsections[] = {
    &vmstate_later_bad,         /* { dg-warning "subsection 'other' of 'later' does not start with its parent's name" } */
    NULL
};
