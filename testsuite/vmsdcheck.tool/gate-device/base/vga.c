/* The base: three device types migrate with 'vga'. */
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

static void vga_pci_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_vga;
}

static void vga_isa_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_vga;
}

static const TypeInfo types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "vga-pci", .parent = TYPE_DEVICE,
      .class_init = vga_pci_class_init },
    { .name = "isa-vga", .parent = TYPE_DEVICE,
      .class_init = vga_isa_class_init },
    { .name = "vga-old", .parent = "vga-pci" },
};

void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    for (int i = 0; i < 4; i++)
        type_register_static(&types[i]);
    return 0;
}
