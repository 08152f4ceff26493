/* The root of the device types, as QEMU's hw/core/qdev.c registers it. */
#include "qom.h"

static const TypeInfo object_type_info = { .name = "object" };
static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = "object",
    .abstract = true,
};

void register_device(void)
{
    type_register_static(&object_type_info);
    type_register_static(&device_type_info);
}
