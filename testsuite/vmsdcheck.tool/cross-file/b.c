#include "vmstate.h"

const VMStateDescription vmstate_dev_b = {
    .name = "dev/b",
};
