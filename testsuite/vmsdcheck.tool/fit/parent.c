/* A description of a parent struct fits every device whose instances
 * start with it (QEMU's PCIDevice, DeviceState): 'parent-fit' and its
 * subtype of the same size, which has no cast of its own; a subtype
 * that grows its instances without a cast has instances of unknown
 * struct: nothing is said, it is counted. */
#include "devices.h"

typedef struct ParentFit {
    DeviceState parent_obj;
    uint32_t x;
} ParentFit;

DECLARE_INSTANCE_CHECKER(ParentFit, PARENT_FIT, "parent-fit")

static void parent_fit_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_device_state;
}

static const TypeInfo parent_fit_types[] = {
    { .name = "parent-fit", .parent = TYPE_DEVICE,
      .instance_size = sizeof(ParentFit), .class_init = parent_fit_class_init },
    { .name = "parent-fit-same", .parent = "parent-fit" },
    { .name = "parent-fit-grown", .parent = "parent-fit",
      .instance_size = sizeof(ParentFit) + 16 },
};

void parent_fit_register(void) { type_register_static(&parent_fit_types[0]); }

/* A class_init that picks the description by its data, as one shared by
 * two types does: the one taken may be the other type's, so the device
 * is not checked (counted as undecided). */
typedef struct Picked {
    DeviceState parent_obj;
    Common common;
} Picked;

DECLARE_INSTANCE_CHECKER(Picked, PICKED, "picked")

static void picked_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = data ? &vmstate_device_state : &vmstate_common;
}

static const TypeInfo picked_info = {
    .name = "picked", .parent = TYPE_DEVICE,
    .instance_size = sizeof(Picked), .class_init = picked_class_init,
};

void picked_register(void) { type_register_static(&picked_info); }
