/* The marker rules across files: the subsection with the legacy name is
   defined in sub.c, so only the whole program can judge the marker.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_kbd_outport;

const VMStateDescription vmstate_kbd = { /* { tool-warning "^'kbd' has a subsection with a legacy name, 'kbd_outport', but does not set 'old_names' \[marker-missing\]$" } */
    .name = "kbd",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_kbd_outport,   /* { tool-warning "subsection-separator" } */
        NULL
    },
};

int main(void)
{
    return vmstate_kbd.name[0] == 0;
}
