/* The base: a timer device without migration state, a NIC whose
 * subsection is sent when needed, and a nested description. */
#include "qom.h"

typedef struct Regs { uint32_t ctrl; } Regs;
typedef struct Nic { uint32_t mac; uint32_t stats; Regs regs; } Nic;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static bool nic_stats_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_nic_stats = {
    .name = "nic/stats",
    .needed = nic_stats_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(stats, Nic),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_regs = {
    .name = "regs",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, Regs),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_nic = {
    .name = "nic",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mac, Nic),
        VMSTATE_STRUCT(regs, Nic, vmstate_regs, Regs),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_nic_stats,
        NULL
    },
};

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_nic;
}

static void timer_class_init(ObjectClass *klass, const void *data)
{
    (void)klass;
}

static const TypeInfo types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "nic", .parent = TYPE_DEVICE, .class_init = nic_class_init },
    { .name = "timer", .parent = TYPE_DEVICE,
      .class_init = timer_class_init },
};

void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    for (int i = 0; i < 3; i++)
        type_register_static(&types[i]);
    return 0;
}
