/* The base: a name the loader can never accept ('other' does not
   extend 'dev'), a duplicate, and two subsections in one order.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

static const VMStateDescription vmstate_dev_b = {
    .name = "dev/b",
};

static const VMStateDescription vmstate_dev_other = {
    .name = "other",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_a,
        &vmstate_dev_b,
        &vmstate_dev_other,
        &vmstate_dev_b,
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
