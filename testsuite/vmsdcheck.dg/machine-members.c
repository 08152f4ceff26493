/* A machine class's alias, is_default and deprecation_reason as a
   function sets them through its class (M: the function, the member,
   how many of its calls come before, under a condition or not, the
   value); a condition the compiler folded runs its branch unguarded
   (QEMU's "if (latest)" and its versioning policy's test); an abstract
   TypeInfo (M with its type); and, in a unit that adds compat
   properties, the policy's and QEMU's version macros (V).  */
#include "qom.h"

#define QEMU_VERSION_MAJOR 9
#define QEMU_VERSION_MINOR 1
#define QEMU_VERSION_MICRO 50

GlobalProperty compat_9_0[] = { { "uart", "fifo", "off" } };

static int runtime_choice;

static void board_options(MachineClass *m)
{
    m->alias = 0;
    m->is_default = false;
}
/* { dg-facts "M board_options alias 0 0 -" } */
/* { dg-facts "M board_options is_default 0 0 0" } */

#define LATEST 1
#define OLD(major) ((QEMU_VERSION_MAJOR - (major)) >= MACHINE_VER_DEPRECATION_MAJOR)

static void board_9_0_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    board_options(mc);
    compat_props_add(mc->compat_props, compat_9_0, 1);
    if (LATEST) {
        mc->alias = "board";
        mc->is_default = true;
    }
    if (OLD(9))
        mc->deprecation_reason = "too-old";
    if (runtime_choice)
        mc->alias = "maybe";
}
/* { dg-facts "M board_9_0_class_init alias 1 0 board" } */
/* { dg-facts "M board_9_0_class_init is_default 1 0 1" } */
/* { dg-no-facts "M board_9_0_class_init deprecation_reason .*" } */
/* { dg-facts "M board_9_0_class_init alias 1 1 maybe" } */
/* { dg-facts "P board_9_0_class_init compat_9_0 1 0" } */

static void board_6_0_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    if (OLD(6))
        mc->deprecation_reason = "too-old";
    else
        mc->alias = "never";
}
/* { dg-facts "M board_6_0_class_init deprecation_reason 0 0 too-old" } */
/* { dg-no-facts "M board_6_0_class_init alias .*" } */

/* Another class's member of that name is not the machine's. */
typedef struct OtherMachineClass { const char *alias; } OtherMachineClass;
OtherMachineClass other;
static void board_other_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    other.alias = "other";
    (mc + 1)->alias = "beyond";
}
/* { dg-no-facts "M board_other_class_init .*" } */

static const TypeInfo board_infos[] = {
    { .name = "board-machine", .parent = TYPE_MACHINE, .abstract = true },
    { .name = "board-9.0-machine", .parent = "board-machine",
      .class_init = board_9_0_class_init },
    { .name = "board-6.0-machine", .parent = "board-machine",
      .class_init = board_6_0_class_init },
    { .name = "board-x-machine", .parent = "board-machine",
      .class_init = board_other_class_init, .abstract = false },
};
/* { dg-facts "M board-machine abstract 0 0 -" } */
/* { dg-no-facts "M board-x-machine abstract .*" } */

/* { dg-facts "V MACHINE_VER_DEPRECATION_MAJOR 3" } */
/* { dg-facts "V MACHINE_VER_DELETION_MAJOR 6" } */
/* { dg-facts "V QEMU_VERSION_MAJOR 9" } */
/* { dg-facts "V QEMU_VERSION_MINOR 1" } */
/* { dg-facts "V QEMU_VERSION_MICRO 50" } */
