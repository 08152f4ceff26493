#include "vmstate.h"

/* A quote in a name: the facts carry it as it is, and after the end of
 * the assembler file the assembler would take it for an open string. */
const VMStateDescription vmstate_quoted = {
    .name = "odd\"name",
};

/* The two bytes that open a comment, likewise. */
const VMStateDescription vmstate_comment = {
    .name = "odd/*name",
};
