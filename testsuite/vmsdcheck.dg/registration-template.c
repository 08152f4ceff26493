/* A type registered by code: one TypeInfo, its parent and class_init
   given before a loop, its name and class_data given in it from the
   table ("table[i].name", "table + i"), as QEMU's UHCI and EHCI
   controllers register theirs; then a table walked to its empty entry.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts" } */
#include "qom.h"

typedef struct Controller {
    const char *name;
    int revision;
} Controller;

static void controller_class_init(ObjectClass *klass, const void *data)
{
    (void)klass;
    (void)data;
}

static struct Controller controllers[] = {
    { .name = "uhci-one", .revision = 1 },
    [2] = { .name = "uhci-three" },     /* [1] is all zero: no name */
};

static const Controller parts[] = {
    { "part-a" }, { "part-b" }, { NULL }, { "never" },
};

void register_controllers(void)
{
    TypeInfo controller_info = {
        .parent = "uhci",
        .class_init = controller_class_init,
    };
    int i;

    for (i = 0; i < ARRAY_SIZE(controllers); i++) {
        if (i == 1)
            continue;
        controller_info.name = controllers[i].name;
        controller_info.class_data = controllers + i;
        type_register_static(&controller_info);
    }
    for (const Controller *p = parts; p->name; p++) {
        const TypeInfo part_info = { .name = p->name, .parent = TYPE_DEVICE };
        type_register_static(&part_info);
    }
}

/* { dg-final { facts-count {^R uhci-one uhci controller_class_init 0:41:9$} 1 } } */
/* { dg-final { facts-count {^R uhci-three uhci controller_class_init 0:41:9$} 1 } } */
/* { dg-final { facts-count {^R part-a device - 0:45:9$} 1 } } */
/* { dg-final { facts-count {^R part-b device - 0:45:9$} 1 } } */
/* { dg-final { facts-count {^[RUT] } 4 } } */
