/* Places in the base report: each field's, the first line of the
   macro that writes it (for an entry written by hand, the address it
   spells); each device type's dc->vmsd = &x, here or in a helper of
   another unit (helper.c), and a subclass's its parent's. */
#include "qom.h"

typedef struct Ring { uint32_t head; } Ring;
typedef struct Dev { uint32_t a, b; Ring ring; } Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static bool dev_c_exists(void *opaque, int version_id)
{
    return opaque && version_id;
}

static const VMStateDescription vmstate_ring = {
    .name = "dev-ring",
    .fields = (const VMStateField[]) { VMSTATE_UINT32(head, Ring),
        VMSTATE_END_OF_LIST() },
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),

        VMSTATE_UINT32_V(b,
                         Dev, 2),
        VMSTATE_STRUCT(ring, Dev, vmstate_ring, Ring),
        { .name = "c", .flags = VMS_SINGLE,
          .field_exists = dev_c_exists },
        VMSTATE_END_OF_LIST()
    },
};

void dev_common_class_init(ObjectClass *klass);

static void dev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_dev;
}

static void dev_helped_class_init(ObjectClass *klass, const void *data)
{
    dev_common_class_init(klass);
}

static const TypeInfo types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "dev", .parent = TYPE_DEVICE, .class_init = dev_class_init },
    { .name = "dev-sub", .parent = "dev" },
    { .name = "dev-helped", .parent = TYPE_DEVICE,
      .class_init = dev_helped_class_init },
};

void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    for (int i = 0; i < 4; i++)
        type_register_static(&types[i]);
    return 0;
}
