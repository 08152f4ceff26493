/* The change adds 'dev_c': new names follow the rule, they do not go
   into the allowlist.  */
#include "vmstate.h"

static const VMStateDescription vmstate_dev_a = {
    .name = "dev/a",
};

static const VMStateDescription vmstate_dev_b = {
    .name = "dev/b",
};

static const VMStateDescription vmstate_dev_c = { /* { tool-note "^the base has no subsection 'dev_c' under 'dev': the name is new, so rename it as suggested; the allowlist is for names that have shipped$" } */
    .name = "dev_c",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_a,
        &vmstate_dev_b,
        &vmstate_dev_c, /* { tool-warning "^subsection 'dev_c' of 'dev' is not named 'dev' followed by '/' and a non-empty rest \[subsection-separator\]$" } */
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
