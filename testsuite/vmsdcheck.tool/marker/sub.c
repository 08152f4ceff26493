#include "vmstate.h"

const VMStateDescription vmstate_kbd_outport = { /* { tool-note "'kbd_outport' is defined here" } */
    .name = "kbd_outport",
};
