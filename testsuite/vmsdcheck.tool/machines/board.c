/* A board with versioned machine types: each version's options call the
 * next newer version's, then add that release's compat properties; the
 * newest is the default and has an alias.  Its own defaults come first,
 * with those of a helper in core.c. */
#include "qom.h"
#include "version.h"

void machine_common_options(MachineClass *mc);
extern GlobalProperty hw_compat_8_0[], hw_compat_6_0[], hw_compat_5_2[],
    hw_compat_3_1[], hw_compat_3_0[];
extern GlobalProperty compat_nowhere[];

static GlobalProperty tiny_defaults[] = { { "nic", "model", "tiny-nic" } };

/* As old as the tree's deprecation policy allows. */
#define TINY_DEPRECATED(major, minor)                                   \
    (QEMU_VERSION_MAJOR - (major) > MACHINE_VER_DEPRECATION_MAJOR      \
     || (QEMU_VERSION_MAJOR - (major) == MACHINE_VER_DEPRECATION_MAJOR \
         && QEMU_VERSION_MINOR - (minor) >= 0))

#define TINY_MACHINE(major, minor, latest)                              \
    static void tiny_##major##_##minor##_class_init(ObjectClass *oc,    \
                                                    const void *data)   \
    {                                                                   \
        MachineClass *mc = MACHINE_CLASS(oc);                           \
        tiny_##major##_##minor##_options(mc);                           \
        if (TINY_DEPRECATED(major, minor))                              \
            mc->deprecation_reason = "old";                             \
        mc->is_default = latest;                                        \
        if (latest)                                                     \
            mc->alias = "tiny";                                         \
    }                                                                   \
    static const TypeInfo tiny_##major##_##minor##_info = {             \
        .name = "tiny-" #major "." #minor "-machine",                   \
        .parent = "tiny-machine",                                       \
        .class_init = tiny_##major##_##minor##_class_init,              \
    };

static void tiny_options(MachineClass *m)
{
    m->desc = "Tiny board";
    machine_common_options(m);
    compat_props_add(m->compat_props, tiny_defaults, 1);
}

static void tiny_9_0_options(MachineClass *m)
{
    tiny_options(m);
}
TINY_MACHINE(9, 0, true)

static void tiny_8_0_options(MachineClass *m)
{
    tiny_9_0_options(m);
    compat_props_add(m->compat_props, hw_compat_8_0, 2);
}
TINY_MACHINE(8, 0, false)

static void tiny_6_0_options(MachineClass *m)
{
    tiny_8_0_options(m);
    compat_props_add(m->compat_props, hw_compat_6_0, 1);
}
TINY_MACHINE(6, 0, false)

static void tiny_5_2_options(MachineClass *m)
{
    tiny_6_0_options(m);
    compat_props_add(m->compat_props, hw_compat_5_2, 0);
}
TINY_MACHINE(5, 2, false)

static void tiny_3_1_options(MachineClass *m)
{
    tiny_5_2_options(m);
    compat_props_add(m->compat_props, hw_compat_3_1, 1);
}
TINY_MACHINE(3, 1, false)

static void tiny_3_0_options(MachineClass *m)
{
    tiny_3_1_options(m);
    compat_props_add(m->compat_props, hw_compat_3_0, 1);
}
TINY_MACHINE(3, 0, false)

static const TypeInfo tiny_info = {
    .name = "tiny-machine", .parent = TYPE_MACHINE, .abstract = true,
};

/* A machine type without a version, deprecated by its class_init. */
static void plain_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    mc->deprecation_reason = "use tiny";
}
static const TypeInfo plain_info = {
    .name = "plain-machine", .parent = TYPE_MACHINE,
    .class_init = plain_class_init,
};

/* One whose compat properties are in no unit's facts. */
static void odd_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    compat_props_add(mc->compat_props, compat_nowhere, 2);
}
static const TypeInfo odd_info = {
    .name = "odd-machine", .parent = TYPE_MACHINE,
    .class_init = odd_class_init,
};

void register_board(void)
{
    type_register_static(&tiny_info);
    type_register_static(&plain_info);
    type_register_static(&odd_info);
}
