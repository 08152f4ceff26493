/* The clock's time-zone subsection: the real definition, which wins over
 * the stub in stubs/ when both are given. */
#include "vmstate.h"

#include "board.h"

const VMStateDescription vmstate_rtc_tz = {
    .name = "rtc/tz",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(tz_offset, RtcState),
        VMSTATE_END_OF_LIST()
    },
};
