/* The base: two top-level descriptions (sections, once registered).  */
#include "vmstate.h"

const VMStateDescription vmstate_gother = {
    .name = "gother",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
};

int main(void)
{
    return vmstate_dev.name[0] == vmstate_gother.name[0];
}
