/* A class that sets its description in the cases of a switch: each
 * under a condition, as with if. */
#include "qom.h"

static const VMStateDescription vmstate_switched_0 = { .name = "switched-0" };
static const VMStateDescription vmstate_switched_1 = { .name = "switched-1" };

int switch_mode;

static void switched_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    switch (switch_mode) {
    case 0:
        dc->vmsd = &vmstate_switched_0;
        break;
    default:
        dc->vmsd = &vmstate_switched_1;
        break;
    }
}

const TypeInfo switched_info = {
    .name = "switched", .parent = TYPE_DEVICE,
    .class_init = switched_class_init,
};
