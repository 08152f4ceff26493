/* A unit with errors of its own: GCC reports them, the plugin reads
   what it can and does not crash.  */
#include "vmstate.h"

static const VMStateDescription vmstate_sub = {
    .name = "dev_sub",
    .version_id = undeclared_thing,     /* { dg-error "'undeclared_thing' undeclared" } */
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sub,
        &missing_sub,                   /* { dg-error "'missing_sub' undeclared" } */
        NULL
    },
};
