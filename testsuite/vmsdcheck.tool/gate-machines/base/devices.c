/* The base: three devices with one field each. */
#include "qom.h"

typedef struct Dev { uint32_t x, y; } Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

#define DEVICE_STATE(sym, name_)                                        \
    static const VMStateDescription sym = {                             \
        .name = name_, .version_id = 1, .minimum_version_id = 1,        \
        .fields = (const VMStateField[]) {                              \
            VMSTATE_UINT32(x, Dev),                                     \
            VMSTATE_END_OF_LIST()                                       \
        },                                                              \
    }

DEVICE_STATE(vmstate_a, "dev-a");
DEVICE_STATE(vmstate_b, "dev-b");
DEVICE_STATE(vmstate_c, "dev-c");
DEVICE_STATE(vmstate_d, "dev-d");

static void a_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_a;
}

static void b_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_b;
}

static void c_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_c;
}

static void d_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_d;
}

static const TypeInfo device_types[] = {
    { .name = "dev-a", .parent = TYPE_SYS_BUS_DEVICE, .class_init = a_class_init },
    { .name = "dev-b", .parent = TYPE_SYS_BUS_DEVICE, .class_init = b_class_init },
    { .name = "dev-c", .parent = TYPE_DEVICE, .class_init = c_class_init },
    { .name = "dev-d", .parent = TYPE_SYS_BUS_DEVICE, .class_init = d_class_init },
};

int main(void)
{
    type_register_static(device_types);
    return 0;
}
