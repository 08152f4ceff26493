/* The base: the NIC migrates its MAC only. */
#include "qom.h"

typedef struct NicState {
    DeviceState parent;
    uint32_t mac, offload, extra;
    bool offload_on, extra_on;
} NicState;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

const VMStateDescription vmstate_nic = {
    .name = "nic",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mac, NicState),
        VMSTATE_END_OF_LIST()
    },
};

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_nic;
    dc->user_creatable = true;
}

static const TypeInfo nic_types[] = {
    { .name = TYPE_DEVICE },
    { .name = "nic-base", .parent = TYPE_DEVICE },
    { .name = "nic", .parent = "nic-base", .class_init = nic_class_init },
};

void register_nic(void)
{
    type_register_static(nic_types);
}
