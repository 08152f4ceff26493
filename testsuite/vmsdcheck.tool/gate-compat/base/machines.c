/* The machine types, the same in base and change: board-3.0 is the
 * release under development (QEMU 2.0.50), board-2.0 and board-1.0 are
 * released.  The change's compat arrays set the NIC's new properties
 * back: x-offload for both released machine types, x-extra only for
 * board-1.0.  The NIC is user-creatable: every machine type can have
 * it. */
#include "qom.h"

#define QEMU_VERSION_MAJOR 2
#define QEMU_VERSION_MINOR 0
#define QEMU_VERSION_MICRO 50

static GlobalProperty compat_2_0[] = {
};
static GlobalProperty compat_1_0[] = {
};

static void board_3_0_options(MachineClass *mc)
{
}

static void board_2_0_options(MachineClass *mc)
{
    board_3_0_options(mc);
    compat_props_add(mc->compat_props, compat_2_0, ARRAY_SIZE(compat_2_0));
}

static void board_1_0_options(MachineClass *mc)
{
    board_2_0_options(mc);
    compat_props_add(mc->compat_props, compat_1_0, ARRAY_SIZE(compat_1_0));
}

static void board_3_0_class_init(ObjectClass *oc, const void *data)
{
    board_3_0_options(MACHINE_CLASS(oc));
}

static void board_2_0_class_init(ObjectClass *oc, const void *data)
{
    board_2_0_options(MACHINE_CLASS(oc));
}

static void board_1_0_class_init(ObjectClass *oc, const void *data)
{
    board_1_0_options(MACHINE_CLASS(oc));
}

static const TypeInfo machine_types[] = {
    { .name = TYPE_MACHINE, .abstract = true },
    { .name = "board-3.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_3_0_class_init },
    { .name = "board-2.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_2_0_class_init },
    { .name = "board-1.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_1_0_class_init },
};

void register_machines(void)
{
    type_register_static(machine_types);
}

void compat_props_add(PropertyList *list, GlobalProperty *props,
                      unsigned long n)
{
}

void type_register_static(const TypeInfo *info)
{
}

const PropertyInfo qdev_prop_bool = { "bool" };

void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n)
{
}

int main(void)
{
    return 0;
}
