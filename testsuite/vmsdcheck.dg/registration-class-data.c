/* A class_init that takes its description from class_data
   ("dc->vmsd = info->vmsd", info the data it is given), as QEMU's
   megasas does: the C record names the member, and each type registered
   with a table element as class_data carries the element's description
   members.  A TypeInfo initializer in the loop names the element.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts" } */
#include "qom.h"

typedef struct Variant {
    const char *name;
    const char *desc;
    const VMStateDescription *vmsd;
} Variant;

static const VMStateDescription vmstate_gen1 = { .name = "gen1" };
static const VMStateDescription vmstate_gen2 = { .name = "gen2" };

static void variant_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    const Variant *info = data;

    dc->vmsd = info->vmsd;
}

static const Variant variants[] = {
    { .name = "raid-gen1", .desc = "first", .vmsd = &vmstate_gen1 },
    { .name = "raid-gen2", .desc = "second", .vmsd = &vmstate_gen2 },
    { .name = "raid-none", .desc = "none" },
};

void register_variants(void)
{
    for (int i = 0; i < ARRAY_SIZE(variants); ++i) {
        const TypeInfo ti = {
            .name = variants[i].name,
            .parent = "raid-base",
            .class_init = variant_class_init,
            .class_data = &variants[i],
        };
        type_register_static(&ti);
    }
}

/* { dg-final { facts-count {^C variant_class_init 0 0 - 0:23:20 vmsd$} 1 } } */
/* { dg-final { facts-count {^R raid-gen1 raid-base variant_class_init 0:41:9 vmsd \d+ vmstate_gen1 0:27:53$} 1 } } */
/* { dg-final { facts-count {^R raid-gen2 raid-base variant_class_init 0:41:9 vmsd \d+ vmstate_gen2 0:28:54$} 1 } } */
/* { dg-final { facts-count {^R raid-none raid-base variant_class_init 0:41:9$} 1 } } */
