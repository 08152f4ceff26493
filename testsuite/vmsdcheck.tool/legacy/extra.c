#include "vmstate.h"

const VMStateDescription vmstate_kbd_extra = {
    .name = "kbd-extra",
};
