#include "vmstate.h"

const VMStateDescription vmstate_clock_tz = {
    .name = "clock/tz",
};
