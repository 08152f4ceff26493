/* A clock with a legacy subsection name, at each step of its
 * retirement (STAGE):
 * 1. legacy only: "rtc_irq" is always sent, by every machine type;
 * 2. property-selected: x-legacy-names (default off) selects "rtc_irq"
 *    (needed when on) or "rtc/irq" (when off), and board-1.0's compat
 *    array sets it on;
 * 3. the same at release 7.0 (machines.c), whose policy deletes
 *    board-1.0: no machine type sends the legacy name. */
#include "qom.h"

typedef struct RtcState {
    DeviceState parent;
    uint32_t seconds, irq;
    bool legacy_names;
} RtcState;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

#if STAGE > 1
static bool rtc_irq_legacy_needed(void *opaque)
{
    RtcState *s = opaque;
    return s->legacy_names;
}

static bool rtc_irq_needed(void *opaque)
{
    RtcState *s = opaque;
    return !s->legacy_names;
}

static const VMStateDescription vmstate_rtc_irq = {
    .name = "rtc/irq",
    .needed = rtc_irq_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(irq, RtcState),
        VMSTATE_END_OF_LIST()
    },
};
#endif

static const VMStateDescription vmstate_rtc_irq_legacy = {
    .name = "rtc_irq",
#if STAGE > 1
    .needed = rtc_irq_legacy_needed,
#endif
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(irq, RtcState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_rtc = {
    .name = "rtc",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(seconds, RtcState),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_rtc_irq_legacy,
#if STAGE > 1
        &vmstate_rtc_irq,
#endif
        NULL
    },
};

#if STAGE > 1
static const Property rtc_props[] = {
    DEFINE_PROP_BOOL("x-legacy-names", RtcState, legacy_names, false),
};
#endif

static void rtc_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_rtc;
    dc->user_creatable = true;
#if STAGE > 1
    device_class_set_props(dc, rtc_props);
#endif
}

static const TypeInfo rtc_types[] = {
    { .name = TYPE_DEVICE },
    { .name = "rtc", .parent = TYPE_DEVICE, .class_init = rtc_class_init },
};

void register_rtc(void)
{
    type_register_static(rtc_types);
}
