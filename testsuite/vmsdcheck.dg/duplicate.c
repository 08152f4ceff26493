/* subsection-duplicate: the loader takes the first entry whose name
   matches, so a later one with the same name is never loaded.  */
#include "vmstate.h"

static const VMStateDescription vmstate_card_state = {
    .name = "sd-card/state",
};

static const VMStateDescription vmstate_card_state_again = {
    .name = "sd-card/state",
};

static const VMStateDescription vmstate_card_other = {
    .name = "sd-card/other",
};

const VMStateDescription vmstate_card = {
    .name = "sd-card",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_card_state,            /* { dg-message "note: first listed here" "" { target *-*-* } } */
        &vmstate_card_other,            /* { dg-bogus "subsection-duplicate" } */
        &vmstate_card_state_again,      /* { dg-warning "subsection 'sd-card/state' of 'sd-card' has the name of an earlier entry: the loader always takes the first, so 'vmstate_card_state_again' is never loaded \\\[subsection-duplicate\\\]" } */
        &vmstate_card_other,            /* { dg-warning "'vmstate_card_other' is listed twice in the subsections of 'sd-card' \\\[subsection-duplicate\\\]" } */
        NULL
    },
};
/* { dg-message "note: first listed here" "" { target *-*-* } 21 } */
