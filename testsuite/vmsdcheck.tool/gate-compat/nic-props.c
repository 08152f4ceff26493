/* The NIC's own properties, set by a helper its class_init calls. */
#include "qom.h"

typedef struct NicState {
    DeviceState parent;
    uint32_t mac, offload, extra;
    bool offload_on, extra_on;
} NicState;

static const Property nic_props[] = {
    DEFINE_PROP_BOOL("x-extra", NicState, extra_on, true),
};

void nic_class_props(DeviceClass *dc);

void nic_class_props(DeviceClass *dc)
{
    device_class_set_props(dc, nic_props);
}
