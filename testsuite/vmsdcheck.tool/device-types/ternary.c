/* A class that picks its description with ?:: both are candidates,
 * each under a condition, as with if and else. */
#include "qom.h"

static const VMStateDescription vmstate_pick_a = { .name = "pick-a" };
static const VMStateDescription vmstate_pick_b = { .name = "pick-b" };

int pick_mode;

static void pick_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = pick_mode ? &vmstate_pick_a : &vmstate_pick_b;
}

const TypeInfo pick_info = {
    .name = "pick", .parent = TYPE_DEVICE, .class_init = pick_class_init,
};
