/* A section in a unit of its own: built with the plugin for the base,
   without it for the change.  */
#include "vmstate.h"

const VMStateDescription vmstate_other = {
    .name = "other",
};
