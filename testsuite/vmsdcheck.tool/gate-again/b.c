/* The change copies the device into b.c: the same message as the known
   finding, in another file, is a new finding.  */
#include "vmstate.h"

static const VMStateDescription vmstate_p2_old = {
    .name = "p_old",
};

const VMStateDescription vmstate_p2 = {
    .name = "p",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_p2_old, /* { tool-warning "^subsection 'p_old' of 'p' is not named 'p' followed by '/' and a non-empty rest \[subsection-separator\]$" } */
        NULL
    },
};
