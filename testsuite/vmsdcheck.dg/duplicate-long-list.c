/* subsection-duplicate in a list longer than sixteen entries, whose
   entries are looked up in tables rather than one by one: the same
   findings as in a short list.  */
#include "vmstate.h"

static const VMStateDescription vmstate_bus_s0 = {
    .name = "bus/s0",
};
static const VMStateDescription vmstate_bus_s1 = {
    .name = "bus/s1",
};
static const VMStateDescription vmstate_bus_s2 = {
    .name = "bus/s2",
};
static const VMStateDescription vmstate_bus_s3 = {
    .name = "bus/s3",
};
static const VMStateDescription vmstate_bus_s4 = {
    .name = "bus/s4",
};
static const VMStateDescription vmstate_bus_s5 = {
    .name = "bus/s5",
};
static const VMStateDescription vmstate_bus_s6 = {
    .name = "bus/s6",
};
static const VMStateDescription vmstate_bus_s7 = {
    .name = "bus/s7",
};
static const VMStateDescription vmstate_bus_s8 = {
    .name = "bus/s8",
};
static const VMStateDescription vmstate_bus_s9 = {
    .name = "bus/s9",
};
static const VMStateDescription vmstate_bus_s10 = {
    .name = "bus/s10",
};
static const VMStateDescription vmstate_bus_s11 = {
    .name = "bus/s11",
};
static const VMStateDescription vmstate_bus_s12 = {
    .name = "bus/s12",
};
static const VMStateDescription vmstate_bus_s13 = {
    .name = "bus/s13",
};
static const VMStateDescription vmstate_bus_s14 = {
    .name = "bus/s14",
};
static const VMStateDescription vmstate_bus_s15 = {
    .name = "bus/s15",
};
static const VMStateDescription vmstate_bus_s16 = {
    .name = "bus/s16",
};
static const VMStateDescription vmstate_bus_s17 = {
    .name = "bus/s17",
};
static const VMStateDescription vmstate_bus_s3_again = {
    .name = "bus/s3",
};

const VMStateDescription vmstate_bus = {
    .name = "bus",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_bus_s0,
        &vmstate_bus_s1,
        &vmstate_bus_s2,
        &vmstate_bus_s3,            /* { dg-message "note: first listed here" "" { target *-*-* } } */
        &vmstate_bus_s4,
        &vmstate_bus_s5,            /* { dg-message "note: first listed here" "" { target *-*-* } } */
        &vmstate_bus_s6,
        &vmstate_bus_s7,
        &vmstate_bus_s8,
        &vmstate_bus_s9,
        &vmstate_bus_s10,
        &vmstate_bus_s11,
        &vmstate_bus_s12,
        &vmstate_bus_s13,
        &vmstate_bus_s14,
        &vmstate_bus_s15,
        &vmstate_bus_s16,
        &vmstate_bus_s17,
        &vmstate_bus_s3_again,     /* { dg-warning "subsection 'bus/s3' of 'bus' has the name of an earlier entry: the loader always takes the first, so 'vmstate_bus_s3_again' is never loaded \\\[subsection-duplicate\\\]" } */
        &vmstate_bus_s5,           /* { dg-warning "'vmstate_bus_s5' is listed twice in the subsections of 'bus' \\\[subsection-duplicate\\\]" } */
        &vmstate_bus_s17,          /* { dg-warning "'vmstate_bus_s17' is listed twice in the subsections of 'bus' \\\[subsection-duplicate\\\]" } */
        NULL
    },
};
/* { dg-message "note: first listed here" "" { target *-*-* } 84 } */
