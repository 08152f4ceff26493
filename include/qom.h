/* A minimal model of QEMU's object model, as far as vmsdcheck reads it:
 * a type's TypeInfo (its name, its parent, its class_init function), the
 * DeviceClass member that names the description a device migrates
 * with, and what a machine type's class gets: its compat properties
 * (GlobalProperty arrays handed to compat_props_add), its alias, and the
 * policy that deprecates and deletes old versioned machine types.
 * Written for vmsdcheck's tests and examples; not QEMU's header. */
#ifndef VMSDCHECK_MINI_QOM_H
#define VMSDCHECK_MINI_QOM_H

#include "vmstate.h"

typedef struct ObjectClass ObjectClass;

typedef struct TypeInfo {
    const char *name;
    const char *parent;
    bool abstract;
    void (*class_init)(ObjectClass *klass, const void *data);
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

#endif
