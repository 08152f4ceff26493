/* A unit linked into two programs: its finding is reported once, with
   both programs named.  */
#include "vmstate.h"

static const VMStateDescription vmstate_bus_irq = {
    .name = "bus_irq",
};

const VMStateDescription vmstate_bus = {
    .name = "bus",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_bus_irq,       /* { tool-warning "subsection 'bus_irq' of 'bus' is not named" } { tool-note "^in prog1, prog2$" } */
        NULL
    },
};
