/* Not built: a definition over three lines, a comment in it.  */
#include "vmstate.h"

static const VMStateDescription
    vmstate_unbuilt /* the board's */
    = {
    .name = "unbuilt",
};
