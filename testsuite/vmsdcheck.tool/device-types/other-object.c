/* Assignments through a pointer that is not the class's own (dc + 1, a
 * class found elsewhere) set another object's vmsd: the class keeps its
 * own, or has none. */
#include "qom.h"

static const VMStateDescription vmstate_own = { .name = "own" };
static const VMStateDescription vmstate_other = { .name = "other" };

DeviceClass *some_class;

static void own_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_own;
    (dc + 1)->vmsd = &vmstate_other;
}

static void elsewhere_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    (dc + 1)->vmsd = &vmstate_other;
    some_class->vmsd = &vmstate_other;
    dc = some_class;
    dc->vmsd = &vmstate_other;
}

static const TypeInfo other_types[] = {
    { .name = "own", .parent = TYPE_DEVICE, .class_init = own_class_init },
    { .name = "elsewhere", .parent = TYPE_DEVICE,
      .class_init = elsewhere_class_init },
};

const TypeInfo *other_type_list = other_types;
