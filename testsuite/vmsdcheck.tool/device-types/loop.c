/* Types whose parents loop (QEMU would not start with them): said,
 * with their names escaped, and not device types; a type below the loop
 * is not one either. */
#include "qom.h"

static const VMStateDescription vmstate_loop = { .name = "loop" };

static void loop_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_loop;
}

static const TypeInfo loop_types[] = {
    { .name = "loop-a", .parent = "loop-b", .class_init = loop_class_init },
    { .name = "loop-b", .parent = "loop-a" },
    { .name = "below-loop", .parent = "loop-a" },
    { .name = "self\033[2J", .parent = "self\033[2J" },   /* shown escaped */
};

const TypeInfo *loop_type_list = loop_types;
