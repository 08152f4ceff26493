/* The change: 'mode' read by another VMStateInfo on the same bytes (a
 * finding), 'count' as it was, 'wide' grown with its VMStateInfo
 * changed (field-size-changed only: its bytes differ anyway), 'bits'
 * read by a compound literal as in the base, numbered otherwise by the
 * one before it (no finding: the number is the unit's, not a name). */
#include "vmstate.h"

typedef struct Dev {
    uint32_t mode; uint32_t count; uint64_t wide; uint32_t bits;
} Dev;

const VMStateInfo *const spare_info = &(const VMStateInfo) { .name = "spare" };

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };
const VMStateInfo vmstate_info_uint32_equal = { .name = "uint32 equal" };
const VMStateInfo vmstate_info_uint64 = { .name = "uint64" };

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        { .name = "mode", .size = sizeof(uint32_t),
          .info = &vmstate_info_uint32_equal, .flags = VMS_SINGLE,
          .offset = offsetof(Dev, mode) },
        VMSTATE_UINT32(count, Dev),
        { .name = "wide", .size = sizeof(uint64_t),
          .info = &vmstate_info_uint64, .flags = VMS_SINGLE,
          .offset = offsetof(Dev, wide) },
        { .name = "bits", .size = sizeof(uint32_t),
          .info = &(const VMStateInfo) { .name = "bits" },
          .flags = VMS_SINGLE, .offset = offsetof(Dev, bits) },
        VMSTATE_END_OF_LIST()
    },
};

int main(void) { return 0; }
