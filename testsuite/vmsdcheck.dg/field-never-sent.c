/* field-never-sent: a field whose version_id is above its description's
   is never saved nor loaded (QEMU sends a field only when its version is
   at most the stream's, and a stream is never newer than the
   description); a field_exists test decides instead of the version.
   version-below-minimum: a description that refuses its own version.  */
#include "vmstate.h"

typedef struct Rtc { uint32_t sec; uint32_t tz_offset; uint32_t alarm; } Rtc;

static bool has_alarm(void *opaque, int version_id) { return opaque && version_id; }

const VMStateDescription vmstate_rtc = { /* { dg-message "note: raise the version_id of 'rtc' to 4, the version that adds 'tz_offset' .and keep minimum_version_id., or give the field the version 'rtc' has" } */
    .name = "rtc",
    .version_id = 3,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(sec, Rtc),
        VMSTATE_UINT32_V(tz_offset, Rtc, 4), /* { dg-warning "field 'tz_offset' has version_id 4, above the version_id 3 of 'rtc': it is never saved nor loaded, so its state is lost on migration \\\[field-never-sent\\\]" } */
        VMSTATE_UINT32_TEST(alarm, Rtc, has_alarm),
        VMSTATE_END_OF_LIST()
    },
};

/* At the description's version: sent.  */
const VMStateDescription vmstate_rtc_ok = {
    .name = "rtc-ok",
    .version_id = 4,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_V(tz_offset, Rtc, 4), /* { dg-bogus "field-never-sent" } */
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_inverted = { /* { dg-warning "version_id 1 of 'inverted' is below its minimum_version_id 2: it saves a version it refuses to load \\\[version-below-minimum\\\]" } */
    .name = "inverted",
    .version_id = 1,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(sec, Rtc),
        VMSTATE_END_OF_LIST()
    },
};
