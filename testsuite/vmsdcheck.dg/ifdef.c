/* Entries under #ifdef: only those the preprocessor keeps are checked,
   and the terminator is checked after them.  */
#include "vmstate.h"

#define CONFIG_HAVE_A 1

static const VMStateDescription vmstate_a = { /* { dg-message "note: subsection 'usb-a' is defined here" } */
    .name = "usb-a",            /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

static const VMStateDescription vmstate_b = {
    .name = "usb-b",
};

const VMStateDescription vmstate_usb = {
    .name = "usb",
    .subsections = (const VMStateDescription * const []) {
#ifdef CONFIG_HAVE_A
        &vmstate_a,             /* { dg-warning "subsection 'usb-a' of 'usb' is not named 'usb' followed by '/'" } */
#endif
#ifdef CONFIG_HAVE_B
        &vmstate_b,
#endif
        NULL
    },
};
