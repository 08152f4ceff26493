/* A condition the compiler folds to a constant is no condition: only
   the branch taken runs, unguarded (QEMU's machine macros test constant
   arguments so), and the other is not read.  */
#include "qom.h"

static const VMStateDescription vmstate_taken = { .name = "taken" };
static const VMStateDescription vmstate_never = { .name = "never" };

#define HAS_STATE 1

static void folded_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    if (HAS_STATE)
        dc->vmsd = &vmstate_taken;
    else
        dc->vmsd = &vmstate_never;
    if (!HAS_STATE)
        dc->vmsd = &vmstate_never;
}
/* { dg-facts {C folded_class_init 0 [0-9]+ vmstate_taken .*} } */
/* { dg-no-facts {C folded_class_init . [0-9]+ vmstate_never .*} } */

const TypeInfo folded_info = {
    .name = "folded", .parent = TYPE_DEVICE, .class_init = folded_class_init,
};
