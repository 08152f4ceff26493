/* One finding, for the report formats.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_old = {
    .name = "dev_old",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_old,
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
