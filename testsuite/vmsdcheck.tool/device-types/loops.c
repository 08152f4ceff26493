/* Assignments in a loop's body that may not run (for, while) and on the
 * right of && or || are under a condition, as with if; a do-while's body
 * runs once at least. */
#include "qom.h"

static const VMStateDescription vmstate_looped = { .name = "looped" };

int loop_count;

static void for_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    for (int i = 0; i < loop_count; i++)
        dc->vmsd = &vmstate_looped;
}

static void while_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    while (loop_count--)
        dc->vmsd = &vmstate_looped;
}

static void and_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    (void)(loop_count && (dc->vmsd = &vmstate_looped));
}

static void do_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    do
        dc->vmsd = &vmstate_looped;
    while (loop_count--);
}

static const TypeInfo loop_body_types[] = {
    { .name = "in-for", .parent = TYPE_DEVICE, .class_init = for_class_init },
    { .name = "in-while", .parent = TYPE_DEVICE,
      .class_init = while_class_init },
    { .name = "in-and", .parent = TYPE_DEVICE, .class_init = and_class_init },
    { .name = "in-do", .parent = TYPE_DEVICE, .class_init = do_class_init },
};

const TypeInfo *loop_body_type_list = loop_body_types;
