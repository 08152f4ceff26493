#include "vmstate.h"

/* A quote and a comment opener in names: after the end of the
 * assembler file the facts sit past what the assembler's scanner reads,
 * where neither means anything to it. */
const VMStateDescription vmstate_quoted = {
    .name = "odd\"name",
};

const VMStateDescription vmstate_opener = {
    .name = "odd/*name",
};
