/* The machine types, the same in base and change: pc-9.2 (versioned)
 * makes a SoC whose instance_init makes dev-a; the board (unversioned)
 * makes dev-b; dev-c is user-creatable, so any machine type can have
 * it.  Sysbus devices are not user-creatable. */
#include "qom.h"

typedef struct Soc { int a; } Soc;

static void soc_init(Object *obj)
{
    Soc *s = (Soc *)obj;
    object_initialize_child(obj, "a", &s->a, "dev-a");
}

static void pc_init(MachineState *machine)
{
    qdev_new("soc");
}

static void board_init(MachineState *machine)
{
    sysbus_create_simple("dev-b", 0x1000, 0);
}

static void pc_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = pc_init;
}

static void board_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = board_init;
}

static void sysbus_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->user_creatable = false;
}

static const TypeInfo machine_types[] = {
    { .name = TYPE_DEVICE },
    { .name = TYPE_SYS_BUS_DEVICE, .parent = TYPE_DEVICE,
      .abstract = true, .class_init = sysbus_class_init },
    { .name = TYPE_MACHINE, .abstract = true },
    { .name = "pc-9.2-machine", .parent = TYPE_MACHINE,
      .class_init = pc_class_init },
    { .name = "board-machine", .parent = TYPE_MACHINE,
      .class_init = board_class_init },
    { .name = "soc", .parent = TYPE_SYS_BUS_DEVICE,
      .instance_init = soc_init },
};

void register_machines(void)
{
    type_register_static(machine_types);
}
