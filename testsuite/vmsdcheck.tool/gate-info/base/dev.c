/* The base: every field read as uint32. */
#include "vmstate.h"

typedef struct Dev { uint32_t mode; uint32_t count; uint32_t wide; } Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mode, Dev),
        VMSTATE_UINT32(count, Dev),
        VMSTATE_UINT32(wide, Dev),
        VMSTATE_END_OF_LIST()
    },
};

int main(void) { return 0; }
