/* A subsection declared before the list that names it and defined after
   (a tentative definition): checked at the end of the unit.  */
#include "vmstate.h"

static const VMStateDescription vmstate_late;
static const VMStateDescription vmstate_late_good;

const VMStateDescription vmstate_timer = {
    .name = "timer",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_late,          /* { dg-warning "subsection 'timer_late' of 'timer' is not named 'timer' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        &vmstate_late_good,     /* { dg-bogus "warning" } */
        NULL
    },
};

static const VMStateDescription vmstate_late = { /* { dg-message "note: subsection 'timer_late' is defined here" } */
    .name = "timer_late",       /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

static const VMStateDescription vmstate_late_good = {
    .name = "timer/late",
};

/* A tentative definition never completed is zero-filled: it has no name. */
static const VMStateDescription vmstate_never;

const VMStateDescription vmstate_timer2 = {
    .name = "timer2",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_never,         /* { dg-warning "subsection 'vmstate_never' of 'timer2' has no constant name" } */
        NULL
    },
};
/* { dg-message "note: 'vmstate_never' is defined here" "" { target *-*-* } 26 } */
