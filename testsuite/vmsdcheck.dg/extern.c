/* A subsection defined in another file is recorded as unresolved here,
   never guessed at: no finding from this unit alone.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_elsewhere;
extern const VMStateDescription vmstate_elsewhere2;

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_elsewhere,     /* { dg-bogus "warning" } */
        &vmstate_elsewhere2,    /* { dg-warning "subsection 'dev2' of 'dev' is not named 'dev' followed by '/'" "defined below" } */
        NULL
    },
};

/* Defined after all: then it is checked.  */
const VMStateDescription vmstate_elsewhere2 = { /* { dg-message "note: subsection 'dev2' is defined here" } */
    .name = "dev2",             /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};
