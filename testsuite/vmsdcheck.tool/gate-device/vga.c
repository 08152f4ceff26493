/* The change: isa-vga gets a description of its own.  'vga' still
 * exists (vga-pci keeps it), but isa-vga's section is now 'vga-isa': a
 * stream from the base sends section 'vga' for it. */
#include "qom.h"

typedef struct Vga { uint32_t mode; } Vga;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static const VMStateDescription vmstate_vga = {
    .name = "vga",
    .version_id = 2,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mode, Vga),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_vga_isa = {
    .name = "vga-isa",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mode, Vga),
        VMSTATE_END_OF_LIST()
    },
};

static void vga_pci_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_vga;
}

static void vga_isa_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_vga_isa; /* { tool-error "device type 'isa-vga' migrates with 'vga-isa', in the base with 'vga': its section is named after it, so a stream from the base .section 'vga'. fails to load, and the base fails on this build's .section 'vga-isa'. .device-section-changed." } */
}

static const TypeInfo types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "vga-pci", .parent = TYPE_DEVICE,
      .class_init = vga_pci_class_init },
    { .name = "isa-vga", .parent = TYPE_DEVICE,
      .class_init = vga_isa_class_init },
};

void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    for (int i = 0; i < 3; i++)
        type_register_static(&types[i]);
    return 0;
}
