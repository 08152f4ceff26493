/* The change renames 'dev/b': a destination running it cannot load the
   'dev/b' that every older source sends.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

static const VMStateDescription vmstate_dev_b = { /* { tool-note "^renamed to 'dev/bee'\?$" } */
    .name = "dev/bee",
};

const VMStateDescription vmstate_dev = { /* { tool-error "^subsection 'dev/b' of 'dev' was in the base and is gone: migration from a version that sends it fails on load \('dev' has no subsection of that name\) \[subsection-removed\]$" } */
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
