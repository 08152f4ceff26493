/* A device's properties: the plugin records every Property array (W:
   each bool property's name, the offset of the member it sets and its
   default; other kinds are left out) and the function that hands one to its class with
   device_class_set_props (W *), so that the tool can tell what a
   machine type's compat property sets.  */
#include "qom.h"

typedef struct Flags { bool on; } Flags;
typedef struct NicState {
    DeviceState parent;
    uint32_t mtu;
    bool legacy_names;
    Flags flags;
} NicState;

static const Property nic_props[] = {
    DEFINE_PROP_BOOL("x-legacy-names", NicState, legacy_names, false),
    DEFINE_PROP_BOOL("x-on", NicState, flags.on, true),
    DEFINE_PROP_UINT32("mtu", NicState, mtu, 1500),
};
/* { dg-facts "W nic_props x-legacy-names 20 0 x-on 21 1" } */
static const Property no_props[] = {};
/* { dg-facts "W no_props" } */
extern const Property elsewhere_props[];
/* { dg-no-facts "W elsewhere_props.*" } */

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    device_class_set_props(dc, nic_props);
}
/* { dg-facts "W \\* nic_class_init nic_props" } */

DeviceClass *other;

static void other_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_props(other, no_props);
}
/* { dg-no-facts "W \\* other_class_init .*" } */

static const TypeInfo nic_info = {
    .name = "nic", .parent = TYPE_DEVICE, .class_init = nic_class_init,
};
static const TypeInfo other_info = {
    .name = "other", .parent = TYPE_DEVICE, .class_init = other_class_init,
};
