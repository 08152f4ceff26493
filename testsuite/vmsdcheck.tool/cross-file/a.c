#include "vmstate.h"

const VMStateDescription vmstate_dev_a = { /* { tool-note "subsection 'dev_a' is defined here" } */
    .name = "dev_a",
};
