/* Function-scope statics, unused statics and exported descriptions are
   all checked.  */
#include "vmstate.h"

static const VMStateDescription vmstate_unused_sub = { /* { dg-message "note: subsection 'unused_x' is defined here" } */
    .name = "unused_x",         /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
};

static const VMStateDescription vmstate_unused = {
    .name = "unused",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_unused_sub,    /* { dg-warning "subsection 'unused_x' of 'unused' is not named 'unused' followed by '/'" } */
        NULL
    },
};

const VMStateDescription *get_vmsd(void);

const VMStateDescription *get_vmsd(void)
{
    static const VMStateDescription local_sub = { /* { dg-message "note: subsection 'local.sub' is defined here" } */
        .name = "local.sub",    /* { dg-message "note: if the name is new, rename it as suggested" "" { target *-*-* } .-1 } */
    };
    static const VMStateDescription * const local_subsections[] = {
        &local_sub,             /* { dg-warning "subsection 'local.sub' of 'local' is not named 'local' followed by '/'" } */
        NULL
    };
    static const VMStateDescription local = {
        .name = "local",
        .subsections = local_subsections,
    };
    return &local;
}
