/* Helpers that hand the class on, followed to any depth: a chain of ten
 * (the last sets the description), and two that call each other. */
#include "qom.h"

static const VMStateDescription vmstate_far = { .name = "far" };
static const VMStateDescription vmstate_mutual = { .name = "mutual" };

int helper_mode;

static void far10(DeviceClass *dc) { dc->vmsd = &vmstate_far; }
static void far9(DeviceClass *dc) { far10(dc); }
static void far8(DeviceClass *dc) { far9(dc); }
static void far7(DeviceClass *dc) { far8(dc); }
static void far6(DeviceClass *dc) { far7(dc); }
static void far5(DeviceClass *dc) { far6(dc); }
static void far4(DeviceClass *dc) { far5(dc); }
static void far3(DeviceClass *dc) { far4(dc); }
static void far2(DeviceClass *dc) { far3(dc); }
static void far1(DeviceClass *dc) { far2(dc); }

static void far_class_init(ObjectClass *klass, const void *data)
{
    far1(DEVICE_CLASS(klass));
}

static void ping(DeviceClass *dc);
static void pong(DeviceClass *dc)
{
    if (helper_mode-- > 0)
        ping(dc);
    dc->vmsd = &vmstate_mutual;
}
static void ping(DeviceClass *dc) { pong(dc); }

static void mutual_class_init(ObjectClass *klass, const void *data)
{
    ping(DEVICE_CLASS(klass));
}

static const TypeInfo helper_types[] = {
    { .name = "far", .parent = TYPE_DEVICE, .class_init = far_class_init },
    { .name = "mutual", .parent = TYPE_DEVICE,
      .class_init = mutual_class_init },
};

const TypeInfo *helper_type_list = helper_types;
