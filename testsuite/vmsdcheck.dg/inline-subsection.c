/* A subsection written as a compound literal in the list, and a
   subsection that has subsections of its own.  */
#include "vmstate.h"

const VMStateDescription vmstate_fdc = {
    .name = "fdc",
    .subsections = (const VMStateDescription * const []) {
        &(const VMStateDescription) { .name = "fdc_inline" },   /* { dg-warning "subsection 'fdc_inline' of 'fdc' is not named 'fdc' followed by '/'" } */
        NULL
    },
};
/* { dg-message "note: subsection 'fdc_inline' is defined here" "" { target *-*-* } 8 } */
/* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } 8 } */

static const VMStateDescription vmstate_drive_media = { /* { dg-message "note: subsection 'fdc/drive-media' is defined here" } */
    .name = "fdc/drive-media",
};

static const VMStateDescription vmstate_drive = {
    .name = "fdc/drive",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_drive_media,   /* { dg-warning "subsection 'fdc/drive-media' of 'fdc/drive' is not named 'fdc/drive' followed by '/'" } */
        NULL
    },
};

const VMStateDescription vmstate_fdc2 = {
    .name = "fdc",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_drive,         /* { dg-bogus "warning" } */
        NULL
    },
};
/* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } 15 } */
