/* Which machine types can contain which device types (containment.exp):
 * each way a machine reaches a device. */
#include <stdio.h>
#include "qom.h"

/* The tree's version: with qom.h's policy, machine types of 5.x and
 * before are deleted (not registered). */
#define QEMU_VERSION_MAJOR 11
#define QEMU_VERSION_MINOR 0
#define QEMU_VERSION_MICRO 0

/* A unit that defines compat properties says the policy's macros. */
GlobalProperty hw_compat_4_2[] = { { "old-only", "mode", "legacy" } };

typedef struct BoardClass { MachineClass parent; const char *soc_name; } BoardClass;

DeviceState *qdev_new(const char *type) { return 0; }
Object *object_new(const char *type) { return 0; }
void type_register_static(const TypeInfo *info) {}
int in_kernel(void) { return 0; }

/* The board makes the SoC its class names, and the interrupt
 * controller a function names; the SoC makes the UART its format
 * prints. */
int in_kernel(void);
const char *gic_name(void)
{
    return in_kernel() ? "gic-kvm" : "gic-tcg";
}

static void board_init(MachineState *machine)
{
    BoardClass *bc = (BoardClass *)machine;
    object_new(bc->soc_name);
    qdev_new(gic_name());
}

static void soc_init(Object *obj)
{
    char name[32];
    snprintf(name, sizeof name, "uart-%s", "soc");
    qdev_new(name);
}

/* Each board names its SoC; the class_init of the last hands the class
 * to a helper that does. */
static void board_common(ObjectClass *klass)
{
    MACHINE_CLASS(klass)->init = board_init;
}

static void board_a_class_init(ObjectClass *klass, const void *data)
{
    board_common(klass);
    ((BoardClass *)klass)->soc_name = "soc-a";
}

/* The newest versioned machine type is named: pc-10.0, not pc-9.2. */
static void pc_init(MachineState *machine)
{
    qdev_new("pc-only");
}

/* What a format that starts with a conversion prints may be any type. */
static void wild_init(MachineState *machine)
{
    char name[32];
    snprintf(name, sizeof name, "%s-anything", "x");
    qdev_new(name);
}

static void wild_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = wild_init;
}

static void pc_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = pc_init;
}

/* A realize the parent's class sets runs for the child too. */
static void bus_realize(DeviceState *dev, Error **errp)
{
    qdev_new("made-by-realize");
}

static void bus_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->realize = bus_realize;
    dc->user_creatable = false;
}

static void user_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->user_creatable = true;
}

/* A deleted machine type contains nothing. */
static void old_init(MachineState *machine)
{
    qdev_new("old-only");
}

static void old_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = old_init;
}

static void quiet_init(MachineState *machine) {}

static void quiet_class_init(ObjectClass *klass, const void *data)
{
    MACHINE_CLASS(klass)->init = quiet_init;
}

const TypeInfo types[] = {
    { .name = TYPE_DEVICE, .abstract = true },
    { .name = TYPE_SYS_BUS_DEVICE, .parent = TYPE_DEVICE, .abstract = true,
      .class_init = bus_class_init },
    { .name = TYPE_MACHINE, .abstract = true },
    { .name = "board-machine", .parent = TYPE_MACHINE, .abstract = true },
    { .name = "board-a-machine", .parent = "board-machine",
      .class_init = board_a_class_init },
    { .name = "quiet-1-machine", .parent = TYPE_MACHINE, .class_init = quiet_class_init },
    { .name = "quiet-2-machine", .parent = TYPE_MACHINE, .class_init = quiet_class_init },
    { .name = "quiet-3-machine", .parent = TYPE_MACHINE, .class_init = quiet_class_init },
    { .name = "wild-machine", .parent = TYPE_MACHINE, .class_init = wild_class_init },
    { .name = "pc-9.2-machine", .parent = TYPE_MACHINE, .class_init = pc_class_init },
    { .name = "pc-10.0-machine", .parent = TYPE_MACHINE, .class_init = pc_class_init },
    { .name = "pc-4.2-machine", .parent = TYPE_MACHINE, .class_init = old_class_init },
    { .name = "old-only", .parent = TYPE_SYS_BUS_DEVICE },
    { .name = "soc-a", .parent = TYPE_SYS_BUS_DEVICE, .instance_init = soc_init },
    { .name = "soc-b", .parent = TYPE_SYS_BUS_DEVICE, .instance_init = soc_init },
    { .name = "uart-soc", .parent = TYPE_SYS_BUS_DEVICE },
    { .name = "gic-kvm", .parent = TYPE_SYS_BUS_DEVICE },
    { .name = "gic-tcg", .parent = TYPE_SYS_BUS_DEVICE },
    { .name = "pc-only", .parent = "soc-b" },
    { .name = "made-by-realize", .parent = TYPE_SYS_BUS_DEVICE },
    { .name = "user-sysbus", .parent = TYPE_SYS_BUS_DEVICE, .class_init = user_class_init },
    { .name = "loop-a", .parent = "loop-b" },
    { .name = "loop-b", .parent = "loop-a" },
};

int main(void)
{
    type_register_static(types);
    return 0;
}
