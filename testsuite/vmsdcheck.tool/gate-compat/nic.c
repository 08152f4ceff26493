/* The change: two new subsections, each needed when a property is on
 * (its default), and two fields sent when their field_exists test
 * says so, testing the same properties.  x-offload is on nic-base, and the compat arrays set it
 * off for every released machine type: compatible, no finding.  x-extra
 * is set off only for board-1.0: board-2.0 sends nic/extra, which the
 * base cannot load.  x-extra's array is set by a helper of another unit
 * that the class_init hands its class to. */
#include "qom.h"

typedef struct NicState {
    DeviceState parent;
    uint32_t mac, offload, extra;
    bool offload_on, extra_on;
} NicState;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

void nic_class_props(DeviceClass *dc);

static bool nic_offload_needed(void *opaque)
{
    NicState *s = opaque;
    return s->offload_on;
}

static bool nic_extra_needed(void *opaque)
{
    NicState *s = opaque;
    return s->extra_on;
}

static bool nic_offload_exists(void *opaque, int version_id)
{
    NicState *s = opaque;
    return s->offload_on;
}

static bool nic_extra_exists(void *opaque, int version_id)
{
    NicState *s = opaque;
    return s->extra_on;
}

static const VMStateDescription vmstate_nic_offload = {
    .name = "nic/offload",
    .needed = nic_offload_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(offload, NicState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_nic_extra = {
    .name = "nic/extra",
    .needed = nic_extra_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(extra, NicState),
        VMSTATE_END_OF_LIST()
    },
};

/* Needed when x-offload is on and more: off, it is never sent. */
static bool nic_both_needed(void *opaque)
{
    NicState *s = opaque;
    return s->offload_on && s->mac != 0;
}

static const VMStateDescription vmstate_nic_both = {
    .name = "nic/both",
    .needed = nic_both_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(offload, NicState),
        VMSTATE_END_OF_LIST()
    },
};

/* Needed when x-extra is on and more: board-2.0 keeps x-extra on, so
 * it can be sent there. */
static bool nic_extra_more_needed(void *opaque)
{
    NicState *s = opaque;
    return s->extra_on && s->mac != 0;
}

static const VMStateDescription vmstate_nic_extra_more = {
    .name = "nic/more",
    .needed = nic_extra_more_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(extra, NicState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_nic = {
    .name = "nic",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mac, NicState),
        { .name = "offload", .offset = offsetof(NicState, offload),
          .size = 4, .info = &vmstate_info_uint32,
          .field_exists = nic_offload_exists },
        { .name = "extra", .offset = offsetof(NicState, extra),
          .size = 4, .info = &vmstate_info_uint32, /* { tool-warning "^field 'extra' of 'nic' is sent whenever its field_exists test says so, and the base, which does not have it, cannot read it \[backward-field-added\]$" } */
          .field_exists = nic_extra_exists },
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_nic_offload,
        &vmstate_nic_both,
        &vmstate_nic_extra, /* { tool-warning "^subsection 'nic/extra' of 'nic' is new: the base fails to load a stream that carries it, which is whenever its needed function 'nic_extra_needed' says so \[backward-subsection-added\]$" } */
        &vmstate_nic_extra_more, /* { tool-warning "^subsection 'nic/more' of 'nic' is new: the base fails to load a stream that carries it, which is whenever its needed function 'nic_extra_more_needed' says so \[backward-subsection-added\]$" } */
        NULL
    },
};

static const Property nic_base_props[] = {
    DEFINE_PROP_BOOL("x-offload", NicState, offload_on, true),
};

static void nic_base_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_props(DEVICE_CLASS(klass), nic_base_props);
}

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_nic;
    dc->user_creatable = true;
    nic_class_props(dc);        /* nic-props.c */
}

static const TypeInfo nic_types[] = {
    { .name = TYPE_DEVICE },
    { .name = "nic-base", .parent = TYPE_DEVICE,
      .class_init = nic_base_class_init },
    /* Its size but no cast: the facts name no struct of its instances. */
    { .name = "nic", .parent = "nic-base", .class_init = nic_class_init,
      .instance_size = sizeof(NicState) },
};

void register_nic(void)
{
    type_register_static(nic_types);
}
