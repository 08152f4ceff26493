/* A clock with a legacy subsection name, "rtc_irq_reinject": it breaks
 * the '/' rule, but older versions send it, so renaming it would break
 * migration from them.  compat.json lists it; that silences it.
 *
 * It is on its way out, the QEMU way: the property x-legacy-names
 * (default off) selects the legacy subsection (needed when on) or its
 * parent/rest successor "rtc/irq-reinject" (needed when off), and the
 * older machine types' compat array sets it on (board.c).  vmsdcheck db
 * retire says which machine types still send the legacy name and the
 * release it can go in (docs/compat-db.md). */
#include "qom.h"

#include "board.h"

static bool rtc_irq_reinject_legacy_needed(void *opaque)
{
    RtcState *s = opaque;
    return s->legacy_names;
}

static bool rtc_irq_reinject_needed(void *opaque)
{
    RtcState *s = opaque;
    return !s->legacy_names;
}

static const VMStateDescription vmstate_rtc_irq_reinject_legacy = {
    .name = "rtc_irq_reinject",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = rtc_irq_reinject_legacy_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(irq_coalesced, RtcState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_rtc_irq_reinject = {
    .name = "rtc/irq-reinject",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = rtc_irq_reinject_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(irq_coalesced, RtcState),
        VMSTATE_END_OF_LIST()
    },
};

/* A newer subsection with the same fault, and not in the allowlist:
 * the plugin reports it and offers the rename. */
static const VMStateDescription vmstate_rtc_alarm = {
    .name = "rtc-alarm",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(alarm, RtcState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_rtc = {
    .name = "rtc",
    .version_id = 3,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(seconds, RtcState),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_rtc_irq_reinject_legacy,
        &vmstate_rtc_irq_reinject,
        &vmstate_rtc_alarm,
        &vmstate_rtc_tz,        /* rtc-tz.c, or the stub in stubs/ */
        NULL
    },
};

static const Property rtc_props[] = {
    DEFINE_PROP_BOOL("x-legacy-names", RtcState, legacy_names, false),
};

/* What the clock's class_init (board.c) hands its class to. */
void rtc_class_props(DeviceClass *dc)
{
    device_class_set_props(dc, rtc_props);
}
