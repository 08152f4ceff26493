/* Two machine types, board-2.0 and board-1.0, the older keeping the
 * clock's legacy name; release 2.0, or 7.0 at STAGE 3, whose policy
 * (6 majors) deletes board-1.0. */
#include "qom.h"

#if STAGE > 2
#define QEMU_VERSION_MAJOR 7
#else
#define QEMU_VERSION_MAJOR 2
#endif
#define QEMU_VERSION_MINOR 0
#define QEMU_VERSION_MICRO 0

static GlobalProperty compat_1_0[] = {
    { "rtc", "x-legacy-names", "on" },
};

static void board_2_0_options(MachineClass *mc)
{
}

static void board_1_0_options(MachineClass *mc)
{
    board_2_0_options(mc);
    compat_props_add(mc->compat_props, compat_1_0, ARRAY_SIZE(compat_1_0));
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
