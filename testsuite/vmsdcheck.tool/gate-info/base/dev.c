/* The base: every field read as uint32 but 'bits', read by a
 * compound literal. */
#include "vmstate.h"

typedef struct Dev {
    uint32_t mode; uint32_t count; uint32_t wide; uint32_t bits;
} Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mode, Dev),
        VMSTATE_UINT32(count, Dev),
        VMSTATE_UINT32(wide, Dev),
        { .name = "bits", .size = sizeof(uint32_t),
          .info = &(const VMStateInfo) { .name = "bits" },
          .flags = VMS_SINGLE, .offset = offsetof(Dev, bits) },
        VMSTATE_END_OF_LIST()
    },
};

int main(void) { return 0; }
