/* The root of the device types, as QEMU's hw/core/qdev.c registers it,
 * and a helper of external linkage that gives a class its description
 * (other units call it). */
#include "qom.h"

static const VMStateDescription vmstate_common = {
    .name = "common",
    .version_id = 1,
    .minimum_version_id = 1,
};

void device_class_set_common(DeviceClass *dc);
void device_class_set_common(DeviceClass *dc)
{
    dc->vmsd = &vmstate_common;
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = "object",
    .abstract = true,
};

static const TypeInfo object_type_info = { .name = "object" };

void register_device(void)
{
    type_register_static(&device_type_info);
    type_register_static(&object_type_info);
}
