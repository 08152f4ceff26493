/* Names are shown safely: a newline, an ANSI escape, a bidi override or
   a stray byte in a name cannot forge a diagnostic line or repaint the
   terminal.  A forged "error:" line would be an excess error here.  */
#include "vmstate.h"

static const VMStateDescription vmstate_forged = { /* { dg-message "note: subsection 'dev_.x0aforged.c:1:1: error: fake.x1b.2J.xe2.x80.xae.xff' is defined here" } */
    /* { dg-message "if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    .name = "dev_\nforged.c:1:1: error: fake\033[2J\u202e\xff",
};

static const VMStateDescription vmstate_backslash = { /* { dg-message "note: subsection 'dev_a\\\\\\\\x0a' is defined here" } */
    /* { dg-message "if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-1 } */
    .name = "dev_a\\x0a",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_forged,        /* { dg-warning "subsection 'dev_.x0aforged.c:1:1: error: fake.x1b.2J.xe2.x80.xae.xff' of 'dev' is not named" } */
        &vmstate_backslash,     /* { dg-warning "subsection 'dev_a\\\\\\\\x0a' of 'dev' is not named" } */
        NULL
    },
};
