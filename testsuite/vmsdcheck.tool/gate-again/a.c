/* In the base and the change alike: its break is known to the base.  */
#include "vmstate.h"

static const VMStateDescription vmstate_p_old = {
    .name = "p_old",
};

const VMStateDescription vmstate_p = {
    .name = "p",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_p_old,
        NULL
    },
};
