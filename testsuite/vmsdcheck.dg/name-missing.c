/* name-missing: a description that is or has a subsection needs a
   constant name for the loader to match.  */
#include "vmstate.h"

static const VMStateDescription vmstate_unnamed = { /* { dg-message "note: 'vmstate_unnamed' is defined here" } */
    .version_id = 1,
};

static const VMStateDescription vmstate_named = {
    .name = "dev/named",
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_unnamed,       /* { dg-warning "subsection 'vmstate_unnamed' of 'dev' has no constant name: the loader cannot match it \\\[name-missing\\\]" } */
        &vmstate_named,
        NULL
    },
};

const VMStateDescription vmstate_nameless_parent = { /* { dg-warning "'vmstate_nameless_parent' has subsections but no constant name: the loader cannot match them \\\[name-missing\\\]" } */
    .subsections = (const VMStateDescription * const []) {
        &vmstate_named,
        NULL
    },
};

/* A zero-filled stub that nothing here lists is left alone.  */
const VMStateDescription vmstate_stub = { };    /* { dg-bogus "name-missing" } */

/* A name vmsdcheck cannot evaluate is not a missing name.  */
static const VMStateDescription vmstate_computed = {       /* { dg-bogus "name-missing" } */
    .name = "dev/computed" + 0 == 0 ? 0 : "dev/x" + 1,
};
