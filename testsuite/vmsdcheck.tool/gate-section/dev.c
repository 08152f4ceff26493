/* The change renames the section 'gother'.  */
#include "vmstate.h"

const VMStateDescription vmstate_gother = { /* { tool-error "^top-level description 'gother' was in the base and is gone: if it is a section, migration from a version that sends it fails on load \(unknown section\) \[section-removed\]$" } { tool-note "^renamed to 'gother2'\?$" } */
    .name = "gother2",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
};

int main(void)
{
    return vmstate_dev.name[0] == vmstate_gother.name[0];
}
