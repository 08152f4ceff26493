/* What runs when a type is made, and what a class says of its
 * instances (facts J), and the functions those hooks name (Q).  The
 * TypeInfos' hooks come from the front end (every mode), the rest from
 * the lowered bodies (not with -fsyntax-only). */
#include "qom.h"

typedef struct SocClass { MachineClass parent; const char *soc_name; const char *cpu_type; const char *desc; } SocClass;
typedef struct Config { const char *name; } Config;

static void soc_init(Object *obj) { qdev_new("type-in-soc"); }
static void dev_realize(DeviceState *dev, Error **errp) { qdev_new("type-in-realize"); }
static void child_realize(DeviceState *dev, Error **errp) { qdev_new("type-in-child"); }
static DeviceRealize parent_realize;
static void board_init(MachineState *m) { qdev_new("type-in-board"); }

/*
 * { dg-body-facts {J dev_class_init r dev_realize} }
 * { dg-body-facts {J dev_class_init u 0} }
 */
static void dev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->realize = dev_realize;
    dc->user_creatable = false;
}

/*
 * { dg-body-facts {J child_class_init r child_realize} }
 * { dg-body-facts {J child_class_init u 1} }
 */
static void child_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    device_class_set_parent_realize(dc, child_realize, &parent_realize);
    dc->user_creatable = true;
}

/* MachineClass.init; a type name kept in a class; not a name: desc; not
 * a class: Config.
 * { dg-body-facts {J board_class_init m board_init} }
 * { dg-body-facts {J board_class_init s soc_name ast2600-a3} }
 * { dg-body-facts {J board_class_init s cpu_type cortex-a7-cpu} }
 * { dg-body-no-facts {.*a board.*} }
 * { dg-body-no-facts {.*not-a-class.*} }
 */
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
 * kept, static as they are.
 * { dg-facts {J soc i soc_init} }
 * { dg-facts {J base a} }
 * { dg-body-facts {Q soc_init 0 t type-in-soc.*} }
 * { dg-body-facts {Q dev_realize 0 t type-in-realize.*} }
 * { dg-body-facts {Q child_realize 0 t type-in-child.*} }
 * { dg-body-facts {Q board_init 0 t type-in-board.*} }
 */
const TypeInfo hook_types[] = {
    { .name = "base", .parent = TYPE_DEVICE, .abstract = true, .class_init = dev_class_init },
    { .name = "child", .parent = "base", .class_init = child_class_init },
    { .name = "soc", .parent = TYPE_DEVICE, .instance_init = soc_init },
    { .name = "board-machine", .parent = TYPE_MACHINE, .class_init = board_class_init },
};
