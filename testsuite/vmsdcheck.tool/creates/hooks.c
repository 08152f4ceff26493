/* What runs when a type is made, and what a class says of its
 * instances.  Annotations as in creations.c. */
#include "qom.h"

typedef struct SocClass { MachineClass parent; const char *soc_name; const char *cpu_type; const char *desc; } SocClass;
typedef struct Config { const char *name; } Config;

static void soc_init(Object *obj) { qdev_new("type-in-soc"); }
static void dev_realize(DeviceState *dev, Error **errp) { qdev_new("type-in-realize"); }
static void child_realize(DeviceState *dev, Error **errp) { qdev_new("type-in-child"); }
static DeviceRealize parent_realize;
static void board_init(MachineState *m) { qdev_new("type-in-board"); }

/* { facts "^J dev_class_init r dev_realize$" } { facts "^J dev_class_init u 0$" } */
static void dev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->realize = dev_realize;
    dc->user_creatable = false;
}

/* { facts "^J child_class_init r child_realize$" } { facts "^J child_class_init u 1$" } */
static void child_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    device_class_set_parent_realize(dc, child_realize, &parent_realize);
    dc->user_creatable = true;
}

/* MachineClass.init; a type name kept in a class; not a name: desc; not
 * a class: Config.  { facts "^J board_class_init m board_init$" } { facts "^J board_class_init s soc_name ast2600-a3$" } { facts "^J board_class_init s cpu_type cortex-a7-cpu$" } { no-facts "a board" } { no-facts "not-a-class" } */
static void board_class_init(ObjectClass *klass, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(klass);
    SocClass *sc = (SocClass *)klass;
    static Config config;
    mc->init = board_init;
    mc->desc = "a board";
    sc->soc_name = "ast2600-a3";
    sc->cpu_type = "cortex-a7-cpu";
    config.name = "not-a-class";
}

/* A TypeInfo's instance_init and abstract: the functions hooks name are
 * kept, static as they are.  { facts "^J soc i soc_init$" } { facts "^J base a$" } { facts "^Q soc_init 0 t type-in-soc" } { facts "^Q dev_realize 0 t type-in-realize" } { facts "^Q child_realize 0 t type-in-child" } { facts "^Q board_init 0 t type-in-board" } */
const TypeInfo hook_types[] = {
    { .name = "base", .parent = TYPE_DEVICE, .abstract = true, .class_init = dev_class_init },
    { .name = "child", .parent = "base", .class_init = child_class_init },
    { .name = "soc", .parent = TYPE_DEVICE, .instance_init = soc_init },
    { .name = "board-machine", .parent = TYPE_MACHINE, .class_init = board_class_init },
};
