/* subsection-prefix: a subsection the loader never hands to its parent,
   because its name does not start with the parent's, or is the parent's.  */
#include "vmstate.h"

static const VMStateDescription vmstate_other = { /* { dg-message "note: subsection 'timer/state' is defined here" } */
    .name = "timer/state",
};

static const VMStateDescription vmstate_same = { /* { dg-message "note: subsection 'rtc' is defined here" } */
    .name = "rtc",
};

static const VMStateDescription vmstate_fine = {
    .name = "rtc/alarm",
};

const VMStateDescription vmstate_rtc = {
    .name = "rtc",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_other, /* { dg-warning "subsection 'timer/state' of 'rtc' does not start with its parent's name: the loader never hands it to 'rtc' \\\[subsection-prefix\\\]" } */
        &vmstate_same,  /* { dg-warning "subsection 'rtc' of 'rtc' has its parent's name: the loader never hands it to 'rtc' \\\[subsection-prefix\\\]" } */
        &vmstate_fine,  /* { dg-bogus "subsection" } */
        NULL
    },
};
