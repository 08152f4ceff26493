#include "vmstate.h"

/* A quote and a comment opener in names: after the end of the
 * assembler file short facts sit in a comment, where neither means
 * anything to the assembler. */
const VMStateDescription vmstate_quoted = {
    .name = "odd\"name",
};

const VMStateDescription vmstate_opener = {
    .name = "odd/*name",
};
