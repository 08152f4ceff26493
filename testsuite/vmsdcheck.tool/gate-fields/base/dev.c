/* The base: what older sources send. */
#include "vmstate.h"

typedef struct Regs { uint32_t ctrl; uint32_t status; } Regs;
typedef struct Dev {
    uint32_t a; uint32_t b; uint32_t c; uint32_t d; uint32_t e;
    uint32_t pad[2]; Regs regs; uint32_t vec[4];
} Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static const VMStateDescription vmstate_regs = {
    .name = "regs",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, Regs),
        VMSTATE_UINT32(status, Regs),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_UINT32(b, Dev),
        VMSTATE_UINT32(c, Dev),
        VMSTATE_UNUSED(8),
        VMSTATE_STRUCT(regs, Dev, vmstate_regs, Regs),
        VMSTATE_UINT32_ARRAY(vec, Dev, 4),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_timer = {
    .name = "timer",
    .version_id = 3,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_clock = {
    .name = "clock",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_UINT32(b, Dev),
        VMSTATE_END_OF_LIST()
    },
};

int main(void) { return 0; }
