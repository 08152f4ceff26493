/* The change drops 'dev/b' from the list: the same break as a rename.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

const VMStateDescription vmstate_dev = { /* { tool-error "^subsection 'dev/b' of 'dev' was in the base and is gone: .* \[subsection-removed\]$" } */
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_a,
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
