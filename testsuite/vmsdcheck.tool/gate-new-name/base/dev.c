/* The base: 'dev' has two subsections that follow the rule.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

static const VMStateDescription vmstate_dev_b = {
    .name = "dev/b",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_a,
        &vmstate_dev_b,
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
