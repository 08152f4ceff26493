/* Models registered in a loop over a table, each a TypeInfo filled in
 * member by member (e1000's shape): they inherit their base's
 * description.  Variants whose class_init takes the description from the
 * table entry it is given (megasas's shape). */
#include "qom.h"

typedef struct Model {
    const char *name;
    int device_id;
} Model;

typedef struct Variant {
    const char *name;
    const VMStateDescription *vmsd;
} Variant;

typedef struct NicState { uint32_t status; } NicState;

static const VMStateDescription vmstate_nic = {
    .name = "nic",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(status, NicState),
        VMSTATE_END_OF_LIST()
    },
};
static const VMStateDescription vmstate_raid_gen1 = {
    .name = "raid",
    .version_id = 1,
    .minimum_version_id = 1,
};
static const VMStateDescription vmstate_raid_gen2 = {
    .name = "raid-gen2",
    .version_id = 3,
    .minimum_version_id = 3,
};

static void nic_base_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_nic;
}

static void nic_model_class_init(ObjectClass *klass, const void *data)
{
    (void)klass;
    (void)data;
}

static void raid_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    const Variant *info = data;
    dc->vmsd = info->vmsd;
}

static const TypeInfo nic_base_info = {
    .name = "nic-base",
    .parent = TYPE_DEVICE,
    .abstract = true,
    .class_init = nic_base_class_init,
};
static const TypeInfo raid_base_info = {
    .name = "raid-base",
    .parent = TYPE_DEVICE,
    .abstract = true,
};

static const Model models[] = {
    { .name = "nic", .device_id = 0x100e },
    { .name = "nic-82544gc", .device_id = 0x1008 },
};
static struct Variant variants[] = {
    { .name = "raid", .vmsd = &vmstate_raid_gen1 },
    { .name = "raid-gen2", .vmsd = &vmstate_raid_gen2 },
};

void register_nics(void)
{
    int i;

    type_register_static(&nic_base_info);
    for (i = 0; i < ARRAY_SIZE(models); i++) {
        const Model *info = &models[i];
        TypeInfo type_info = {};

        type_info.name = info->name;
        type_info.parent = "nic-base";
        type_info.class_data = info;
        type_info.class_init = nic_model_class_init;
        type_register_static(&type_info);
    }
    type_register_static(&raid_base_info);
    for (i = 0; i < ARRAY_SIZE(variants); i++) {
        TypeInfo type_info = {};

        type_info.name = variants[i].name;
        type_info.parent = "raid-base";
        type_info.class_data = variants + i;
        type_info.class_init = raid_class_init;
        type_register_static(&type_info);
    }
}
