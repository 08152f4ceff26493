/* A minimal model of QEMU's object model, as far as vmsdcheck reads it:
 * a type's TypeInfo (its name, its parent, its class_init and
 * instance_init functions), the DeviceClass members that name the
 * description a device migrates with and what runs when it is realized,
 * a machine class's init, and the functions that create objects.
 * Written for vmsdcheck's tests and examples; not QEMU's header. */
#ifndef VMSDCHECK_MINI_QOM_H
#define VMSDCHECK_MINI_QOM_H

#include "vmstate.h"

typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct DeviceState DeviceState;
typedef struct MachineState MachineState;
typedef struct Error Error;

typedef struct TypeInfo {
    const char *name;
    const char *parent;
    bool abstract;
    void (*instance_init)(Object *obj);
    void (*class_init)(ObjectClass *klass, const void *data);
} TypeInfo;

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);

typedef struct DeviceClass {
    int categories;
    bool user_creatable;
    DeviceRealize realize;
    const VMStateDescription *vmsd;
} DeviceClass;

typedef struct MachineClass {
    const char *desc;
    void (*init)(MachineState *machine);
} MachineClass;

#define TYPE_MACHINE "machine"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
#define MACHINE_CLASS(klass) ((MachineClass *)(klass))

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

void type_register_static(const TypeInfo *info);

#endif
