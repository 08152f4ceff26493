#include "vmstate.h"

/* A comment's end in a name, which would end a comment the facts sat
 * in: nothing reads the facts but the .incbin. */
const VMStateDescription vmstate_closer = {
    .name = "odd*/name",
};
