#include "vmstate.h"

/* A comment's end in a name, which would end the comment short facts
 * sit in: they go after the filler instead. */
const VMStateDescription vmstate_closer = {
    .name = "odd*/name",
};

/* After it a quote, which would be plain text past that comment's end
 * and read by the scanner to the end of the file. */
const VMStateDescription vmstate_quoted_after = {
    .name = "odd\"after",
};
