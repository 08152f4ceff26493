/* Built: defines a description.  */
#include "vmstate.h"

const VMStateDescription vmstate_built = {
    .name = "built",
};
