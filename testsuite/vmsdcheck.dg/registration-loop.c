/* A type registered by code: a local TypeInfo filled in member by member
   in a loop over a constant table (the element by "info = &table[i]"),
   as QEMU's e1000 registers its models.  One type each element, named by
   it, with the parent and class_init written in the loop.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts" } */
#include "qom.h"

typedef struct Model {
    const char *name;
    int device_id;
} Model;

static void model_class_init(ObjectClass *klass, const void *data)
{
    (void)klass;
    (void)data;
}

static const Model models[] = {
    { .name = "nic", .device_id = 1 },
    { .name = "nic-82544gc", .device_id = 2 },
    { .name = "nic-82545em", .device_id = 3 },
};

void register_models(void)
{
    int i;

    for (i = 0; i < ARRAY_SIZE(models); i++) {
        const Model *info = &models[i];
        TypeInfo type_info = {};

        type_info.name = info->name;
        type_info.parent = "nic-base";
        type_info.class_data = info;
        type_info.class_init = model_class_init;
        type_register_static(&type_info);
    }
}

/* { dg-final { facts-count {^R nic nic-base model_class_init 0:37:9$} 1 } } */
/* { dg-final { facts-count {^R nic-82544gc nic-base model_class_init 0:37:9$} 1 } } */
/* { dg-final { facts-count {^R nic-82545em nic-base model_class_init 0:37:9$} 1 } } */
/* { dg-final { facts-count {^[RUT] } 3 } } */
