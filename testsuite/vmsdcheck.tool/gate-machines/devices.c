/* The change: each device reads a field its base does not send.  dev-a
 * is in pc-9.2 (through the SoC's instance_init) and dev-c in any
 * machine type: errors that name pc-9.2; dev-b is only in the
 * unversioned board, and nothing creates dev-d, a sysbus device no user
 * can add: warnings that say why. */
#include "qom.h"

typedef struct Dev { uint32_t x, y; } Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static const VMStateDescription vmstate_a = {
    .name = "dev-a", .version_id = 1, .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Dev),
        VMSTATE_UINT32(y, Dev), /* { tool-error "field 'y' of 'dev-a' .*field-added" } { tool-note "device type 'dev-a' can be in the versioned machine type 'pc-9.2', on which QEMU keeps migration working between versions" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_b = {
    .name = "dev-b", .version_id = 1, .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Dev),
        VMSTATE_UINT32(y, Dev), /* { tool-warning "field 'y' of 'dev-b' .*field-added" } { tool-note "only unversioned machine types .board. can contain device type 'dev-b': QEMU promises no migration compatibility for them, so this is not an error" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_c = {
    .name = "dev-c", .version_id = 1, .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Dev),
        VMSTATE_UINT32(y, Dev), /* { tool-error "field 'y' of 'dev-c' .*field-added" } { tool-note "device type 'dev-c' can be in the versioned machine type 'pc-9.2'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_d = {
    .name = "dev-d", .version_id = 1, .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Dev),
        VMSTATE_UINT32(y, Dev), /* { tool-warning "field 'y' of 'dev-d' .*field-added" } { tool-note "no machine type the gate can see creates device type 'dev-d' or lets a user add it, so no stream carries it and this is not an error; if a versioned machine type creates it in a way the gate cannot see, it is a break" } */
        VMSTATE_END_OF_LIST()
    },
};

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
