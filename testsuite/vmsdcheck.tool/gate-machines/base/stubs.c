/* What QEMU's object model would do: nothing, here. */
#include "qom.h"

DeviceState *qdev_new(const char *type) { return 0; }
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, unsigned long size,
                                      const char *type) {}
DeviceState *sysbus_create_simple(const char *type, unsigned long addr,
                                  void *irq) { return 0; }
void type_register_static(const TypeInfo *info) {}
