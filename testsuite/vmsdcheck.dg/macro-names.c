/* Names as the compiler folds them: macros, concatenation, and
   stringification inside a macro that defines descriptions.  */
#include "vmstate.h"

#define TYPE_SERIAL "serial"

static const VMStateDescription vmstate_serial_fifo = {
    .name = TYPE_SERIAL "/fifo",
};

static const VMStateDescription vmstate_serial_tx = { /* { dg-message "note: subsection 'serial-tx' is defined here" } */
    .name = TYPE_SERIAL "-tx",  /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

const VMStateDescription vmstate_serial = {
    .name = TYPE_SERIAL,
    .subsections = (const VMStateDescription * const []) {
        &vmstate_serial_fifo,   /* { dg-bogus "warning" } */
        &vmstate_serial_tx,     /* { dg-warning "subsection 'serial-tx' of 'serial' is not named 'serial' followed by '/'" } */
        NULL
    },
};

#define DEFINE_PORT(port)                                                \
    static const VMStateDescription vmstate_##port##_mode = {           \
        .name = #port "_mode",                                          \
    };                                                                  \
    const VMStateDescription vmstate_##port = {                         \
        .name = #port,                                                  \
        .subsections = (const VMStateDescription * const []) {          \
            &vmstate_##port##_mode,                                     \
            NULL                                                        \
        },                                                              \
    }

DEFINE_PORT(lpt);
/* GCC puts a diagnostic inside a macro at the macro's line, with a note
   at the expansion.  */
/* { dg-warning "subsection 'lpt_mode' of 'lpt' is not named 'lpt' followed by '/'" "" { target *-*-* } 31 } */
/* { dg-message "note: subsection 'lpt_mode' is defined here" "" { target *-*-* } 25 } */
/* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } 25 } */
/* { dg-message "note: in expansion of macro 'DEFINE_PORT'" "" { target *-*-* } 36 } */
