/* The change, as QEMU merges new state, and what an older QEMU on the
 * same machine type cannot load from it: the timer gains a section, the
 * NIC's subsection loses its needed function, a new subsection comes
 * with one, and the nested description grows a field of a new version
 * (a forward break too: nested descriptions travel unversioned). */
#include "qom.h"

typedef struct Regs { uint32_t ctrl; uint32_t mask; } Regs;
typedef struct Nic { uint32_t mac; uint32_t stats; Regs regs; uint32_t mtu; } Nic;
typedef struct Timer { uint32_t count; } Timer;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static bool nic_mtu_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_nic_stats = { /* { tool-warning "^subsection 'nic/stats' of 'nic' has lost its needed function \(the base's is 'nic_stats_needed'\): it is now sent on every machine type, also those whose compat property kept it back for versions that cannot load it \[backward-subsection-always-sent\]$" } */
    .name = "nic/stats",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(stats, Nic),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_nic_mtu = {
    .name = "nic/mtu",
    .needed = nic_mtu_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mtu, Nic),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_regs = {
    .name = "regs",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, Regs),
        VMSTATE_UINT32_V(mask, Regs, 2), /* { tool-error "^field 'mask' of 'regs' is read from a stream of version 2 \(a nested description travels at each side's own version\), which the base sends without it \[field-added\]$" } */
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
        &vmstate_nic_mtu, /* { tool-warning "^subsection 'nic/mtu' of 'nic' is new: the base fails to load a stream that carries it, which is whenever its needed function 'nic_mtu_needed' says so \[backward-subsection-added\]$" } */
        NULL
    },
};

static const VMStateDescription vmstate_timer = {
    .name = "timer",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(count, Timer),
        VMSTATE_END_OF_LIST()
    },
};

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_nic;
}

static void timer_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_timer; /* { tool-warning "^device type 'timer' now migrates with 'timer' and had no migration state in the base: the base fails to load a stream from a machine with it \(unknown section 'timer'\) \[backward-section-added\]$" } */
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
