/* A vendor's board: one device of upstream's, with upstream's legacy
   name, and the vendor's own legacy name.  */
#include "vmstate.h"

static const VMStateDescription vmstate_kbd_outport = {
    .name = "kbd_outport",
};

static const VMStateDescription vmstate_kbd_vendor = {
    .name = "kbd-vendor",
};

const VMStateDescription vmstate_kbd = {
    .name = "kbd",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_kbd_outport,
        &vmstate_kbd_vendor,
        NULL
    },
};

int main(void)
{
    return vmstate_kbd.name[0] == 0;
}
