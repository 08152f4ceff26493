/* QEMU 10.2's isa-vga: its class sets the description of the state it
 * holds (Common, after the IsaDevice that starts IsaCommon) as the
 * device's own, so loading writes Common's fields at the start of the
 * instance. */
#include "devices.h"

typedef struct IsaCommon {
    IsaDevice parent_obj; /* { tool-note "^'IsaCommon', the struct of the device's instances, is defined here; at its offset 0: 'IsaDevice', 'DeviceState', 'Object'$" } */
    Common state;
} IsaCommon;

DECLARE_INSTANCE_CHECKER(IsaCommon, ISA_COMMON, "isa-common")

static void isa_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_common; /* { tool-error "^device type 'isa-common' migrates with 'common', whose fields are offsets into 'Common', but its instances are 'IsaCommon', which does not start with one: loading writes the state over other memory \[description-misfit\]$" } { tool-note "^to fix it, give 'isa-common' a description of 'IsaCommon' that loads 'common' with VMSTATE_STRUCT at the member that holds it$" } */
}

static const TypeInfo isa_common_info = {
    .name = "isa-common", .parent = "isa-device",
    .instance_size = sizeof(IsaCommon), .class_init = isa_common_class_init,
};

void isa_common_register(void) { type_register_static(&isa_common_info); }
