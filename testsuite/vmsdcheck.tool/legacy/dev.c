/* A device with two legacy names, one in another file, and one name
   that follows the rule.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_kbd_extra;

static const VMStateDescription vmstate_kbd_outport = {
    .name = "kbd_outport",
};

static const VMStateDescription vmstate_kbd_leds = {
    .name = "kbd/leds",
};

const VMStateDescription vmstate_kbd = {
    .name = "kbd",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_kbd_outport,
        &vmstate_kbd_extra,
        &vmstate_kbd_leds,
        NULL
    },
};

int main(void)
{
    return vmstate_kbd.name[0] == 0;
}
