/* The change reorders the list, adds 'dev/c', drops the duplicate and
   fixes 'other': nothing the base could send is lost.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

static const VMStateDescription vmstate_dev_b = {
    .name = "dev/b",
};

static const VMStateDescription vmstate_dev_c = {
    .name = "dev/c",
};

static const VMStateDescription vmstate_dev_other = {
    .name = "dev/other",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_b,
        &vmstate_dev_other,
        &vmstate_dev_a,
        &vmstate_dev_c,
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
