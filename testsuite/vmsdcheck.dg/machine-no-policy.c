/* A unit that neither adds nor defines compat properties writes no
   macro values (V), though it defines QEMU's version, as every QEMU unit
   does: the tool needs them once, from a unit about machines.  */
#include "qom.h"

#define QEMU_VERSION_MAJOR 9
#define QEMU_VERSION_MINOR 1
#define QEMU_VERSION_MICRO 0

static void plain_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    mc->desc = "plain";
}

const TypeInfo plain_info = {
    .name = "plain-machine", .parent = TYPE_MACHINE,
    .class_init = plain_class_init,
};
/* { dg-facts "T plain-machine machine plain_class_init .*" } */
/* { dg-no-facts "V .*" } */
