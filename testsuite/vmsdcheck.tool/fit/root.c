/* The root types, as QEMU's qdev.c and isa-bus.c register them. */
#include "devices.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };
const VMStateInfo vmstate_info_tmp = { .name = "tmp" };

void type_register_static(const TypeInfo *info) { (void)info; }

static const TypeInfo root_types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true,
      .instance_size = sizeof(DeviceState) },
    { .name = "object", .instance_size = sizeof(Object) },
    { .name = "isa-device", .parent = TYPE_DEVICE, .abstract = true,
      .instance_size = sizeof(IsaDevice) },
};

int main(void)
{
    type_register_static(&root_types[0]);
    return 0;
}
