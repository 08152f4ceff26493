/* A helper that sets the class's vmsd for dev.c's "dev-helped". */
#include "qom.h"

extern const VMStateDescription vmstate_dev;

void dev_common_class_init(ObjectClass *klass)
{
    DEVICE_CLASS(klass)->vmsd =
        &vmstate_dev;
}
