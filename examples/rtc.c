/* A clock with a legacy subsection name, "rtc_irq_reinject": it breaks
 * the '/' rule, but older versions send it, so renaming it would break
 * migration from them.  compat.json lists it; that silences it. */
#include "vmstate.h"

#include "board.h"

static const VMStateDescription vmstate_rtc_irq_reinject = {
    .name = "rtc_irq_reinject",
    .version_id = 1,
    .minimum_version_id = 1,
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
        &vmstate_rtc_irq_reinject,
        &vmstate_rtc_alarm,
        &vmstate_rtc_tz,        /* rtc-tz.c, or the stub in stubs/ */
        NULL
    },
};
