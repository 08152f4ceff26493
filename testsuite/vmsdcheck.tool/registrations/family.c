/* A helper that builds a family of types from the struct another unit
 * hands it (virtio_pci_types_register's shape): a base type, named by
 * the struct or made from its generic name, whose class_init takes the
 * description from the struct, and the generic type below it. */
#include "qom.h"

typedef struct Family {
    const char *base_name;
    const char *generic_name;
    const VMStateDescription *vmsd;
} Family;

static void family_base_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    const Family *t = data;
    dc->vmsd = t->vmsd;
}

void family_register(const Family *t);
void family_register(const Family *t)
{
    char *made = 0;
    TypeInfo base = { .name = t->base_name, .parent = TYPE_DEVICE };
    if (!base.name) {
        made = g_strdup_printf("%s-base-type", t->generic_name);
        base.name = made;
    }
    base.class_init = family_base_class_init;
    base.class_data = t;
    type_register_static(&base);
    if (t->generic_name) {
        TypeInfo generic = { .name = t->generic_name, .parent = base.name };
        type_register_static(&generic);
    }
}
