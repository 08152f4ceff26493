/* The root of the device types, as QEMU's hw/core/qdev.c registers it. */
#include "qom.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

void type_register_static(const TypeInfo *info) { (void)info; }

static const TypeInfo root_types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "object" },
};

int main(void)
{
    type_register_static(&root_types[0]);
    return 0;
}
