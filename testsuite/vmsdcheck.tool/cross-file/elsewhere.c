/* Linked into the program, left out when only some objects are given. */
#include "vmstate.h"

const VMStateDescription vmstate_elsewhere = {
    .name = "dev/elsewhere",
};
