/* QEMU 11's isa-vga: a description of the instance's struct that loads
 * the held state at its member. */
#include "devices.h"

typedef struct IsaFixed {
    IsaDevice parent_obj;
    Common state;
} IsaFixed;

DECLARE_INSTANCE_CHECKER(IsaFixed, ISA_FIXED, "isa-fixed")

static const VMStateDescription vmstate_isa_fixed = {
    .name = "isa-fixed",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(state, IsaFixed, vmstate_common, Common),
        VMSTATE_END_OF_LIST()
    },
};

static void isa_fixed_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_isa_fixed;
}

static const TypeInfo isa_fixed_info = {
    .name = "isa-fixed", .parent = "isa-device",
    .instance_size = sizeof(IsaFixed), .class_init = isa_fixed_class_init,
};

void isa_fixed_register(void) { type_register_static(&isa_fixed_info); }
