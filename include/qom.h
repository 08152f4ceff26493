/* A minimal model of QEMU's object model, as far as vmsdcheck reads it:
 * a type's TypeInfo (its name, its parent, its instance size, its
 * class_init and instance_init functions and what class_init is given),
 * the functions that register one, the DeviceClass members that name
 * the description a device migrates with and what runs when it is
 * realized, the cast function that names the struct of a type's
 * instances, what a machine type's class gets (its init, its compat
 * properties: GlobalProperty arrays handed to compat_props_add, its
 * alias, and the policy that deprecates and deletes old versioned
 * machine types), and the functions that create objects.  Written for
 * vmsdcheck's tests and examples; not QEMU's header. */
#ifndef VMSDCHECK_MINI_QOM_H
#define VMSDCHECK_MINI_QOM_H

#include "vmstate.h"

typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct DeviceState DeviceState;
typedef struct MachineState MachineState;
typedef struct Error Error;

typedef struct Object {
    ObjectClass *klass;
} Object;

/* What every device's instance starts with. */
typedef struct DeviceState {
    Object parent_obj;
    uint32_t realized;
} DeviceState;

typedef struct TypeInfo {
    const char *name;
    const char *parent;
    size_t instance_size;
    bool abstract;
    void (*instance_init)(Object *obj);
    void (*class_init)(ObjectClass *klass, const void *data);
    const void *class_data;     /* handed to class_init */
} TypeInfo;

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/* OBJ_NAME(obj) is obj as an InstanceType, the struct of the type
 * TYPENAME's instances. */
#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)      \
    static inline InstanceType *OBJ_NAME(const void *obj)               \
    {                                                                   \
        return (InstanceType *)object_dynamic_cast_assert(              \
            (Object *)obj, (TYPENAME), __FILE__, __LINE__, __func__);   \
    }

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);

typedef struct DeviceClass {
    int categories;
    bool user_creatable;
    DeviceRealize realize;
    const VMStateDescription *vmsd;
} DeviceClass;

#define TYPE_SYS_BUS_DEVICE "sys-bus-device"

Object *object_new(const char *type);
DeviceState *qdev_new(const char *type);
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, unsigned long size,
                                      const char *type);
#define object_initialize_child(parent, propname, child, type) \
    object_initialize_child_internal((parent), (propname), (child), \
                                     sizeof(*(child)), (type))
DeviceState *sysbus_create_simple(const char *type, unsigned long addr,
                                  void *irq);
void device_class_set_parent_realize(DeviceClass *dc, DeviceRealize realize,
                                     DeviceRealize *parent_realize);

/* Another class with a member of that name, as virtio's device classes
 * have: it is not what the device migrates with as a whole. */
typedef struct OtherClass {
    const VMStateDescription *vmsd;
} OtherClass;

#define TYPE_DEVICE "device"
#define DEVICE_CLASS(klass) ((DeviceClass *)(klass))

/* A device property: what it is called, which member of the instance it
 * sets, and its default; a class gets its array with
 * device_class_set_props.  A machine type's compat property sets it
 * for every device of a type (GlobalProperty, below). */
typedef struct PropertyInfo {
    const char *type;
} PropertyInfo;
extern const PropertyInfo qdev_prop_bool, qdev_prop_uint32;

typedef struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    union { int64_t i; uint64_t u; } defval;
    bool set_default;
} Property;

#define DEFINE_PROP_BOOL(_name, _state, _field, _defval)                \
    { .name = (_name), .info = &qdev_prop_bool,                         \
      .offset = offsetof(_state, _field), .set_default = true,          \
      .defval.u = (bool)(_defval) }
#define DEFINE_PROP_UINT32(_name, _state, _field, _defval)              \
    { .name = (_name), .info = &qdev_prop_uint32,                       \
      .offset = offsetof(_state, _field), .set_default = true,          \
      .defval.u = (uint32_t)(_defval) }

void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n);
#define device_class_set_props(dc, props) \
    device_class_set_props_n((dc), (props), sizeof(props) / sizeof((props)[0]))

typedef struct PropertyList PropertyList;

/* A property value a machine type sets on every device of a type. */
typedef struct GlobalProperty {
    const char *driver;
    const char *property;
    const char *value;
} GlobalProperty;

typedef struct MachineClass {
    const char *alias;
    const char *desc;
    const char *deprecation_reason;
    bool is_default;
    PropertyList *compat_props;
    void (*init)(MachineState *machine);
} MachineClass;

#define TYPE_MACHINE "machine"
#define MACHINE_CLASS(klass) ((MachineClass *)(klass))

void compat_props_add(PropertyList *list, GlobalProperty *props,
                      unsigned long n);

/* A versioned machine type is deprecated this many major versions
 * after its own, and no longer registered after this many. */
#define MACHINE_VER_DEPRECATION_MAJOR 3
#define MACHINE_VER_DELETION_MAJOR 6

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
