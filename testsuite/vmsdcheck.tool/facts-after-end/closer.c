#include "vmstate.h"

/* A comment's end in a name would end the comment the facts sit in. */
const VMStateDescription vmstate_closer = {
    .name = "odd*/name",
};
