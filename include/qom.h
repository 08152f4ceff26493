/* A minimal model of QEMU's object model, as far as vmsdcheck reads it:
 * a type's TypeInfo (its name, its parent, its class_init function and
 * what it is given), the functions that register one, and
 * the DeviceClass member that names the description a device migrates
 * with.  Written for vmsdcheck's tests and examples; not QEMU's header. */
#ifndef VMSDCHECK_MINI_QOM_H
#define VMSDCHECK_MINI_QOM_H

#include "vmstate.h"

typedef struct ObjectClass ObjectClass;

typedef struct TypeInfo {
    const char *name;
    const char *parent;
    bool abstract;
    void (*class_init)(ObjectClass *klass, const void *data);
    const void *class_data;     /* handed to class_init */
} TypeInfo;

typedef struct DeviceClass {
    int categories;
    const VMStateDescription *vmsd;
} DeviceClass;

/* Another class with a member of that name, as virtio's device classes
 * have: it is not what the device migrates with as a whole. */
typedef struct OtherClass {
    const VMStateDescription *vmsd;
} OtherClass;

#define TYPE_DEVICE "device"
#define DEVICE_CLASS(klass) ((DeviceClass *)(klass))

void type_register_static(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))

/* What type_init expands to, as QEMU's include/qemu/module.h has it: a
 * constructor handing the function to register_module_init, with the
 * kind of module (block_init's are block drivers, not types). */
typedef enum { MODULE_INIT_BLOCK, MODULE_INIT_QOM } module_init_type;
void register_module_init(void (*fn)(void), module_init_type type);
#define module_init(function, type)                                     \
    static void __attribute__((constructor)) do_init_##function(void)   \
    {                                                                   \
        register_module_init(function, type);                           \
    }
#define type_init(function) module_init(function, MODULE_INIT_QOM)
#define block_init(function) module_init(function, MODULE_INIT_BLOCK)

char *g_strdup_printf(const char *format, ...);

#endif
