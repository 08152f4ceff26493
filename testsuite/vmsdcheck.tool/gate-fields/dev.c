/* The change: what breaks a stream from the base, and what does not. */
#include "vmstate.h"

typedef struct Regs { uint32_t ctrl; uint32_t status; uint32_t irq; } Regs;
typedef struct Dev {
    uint32_t a; uint32_t b; uint32_t c; uint32_t d; uint32_t e;
    uint32_t pad[2]; Regs regs; uint32_t vec[5]; uint32_t late;
} Dev;

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static bool has_e(void *opaque, int version_id) { return opaque && version_id; }

/* A field added without a version: the nested description changed. */
static const VMStateDescription vmstate_regs = {
    .name = "regs",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, Regs),
        VMSTATE_UINT32(status, Regs),
        VMSTATE_UINT32(irq, Regs),
        VMSTATE_END_OF_LIST()
    },
};

/* 'b' removed, the array grown, the padding given to two new fields of
 * the same bytes (fine), a field behind a test (fine), a field of a new
 * version with the description's version raised (fine). */
const VMStateDescription vmstate_dev = {
    /* and 'vec' grew a fifth element (gate-fields.exp expects that too) */
    .name = "dev",
    .version_id = 3,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_UINT32(c, Dev),
        VMSTATE_UINT32(pad[0], Dev),
        VMSTATE_UINT32(pad[1], Dev),
        VMSTATE_UINT32_TEST(e, Dev, has_e),
        VMSTATE_STRUCT(regs, Dev, vmstate_regs, Regs),
        VMSTATE_UINT32_ARRAY(vec, Dev, 5),
        VMSTATE_UINT32_V(late, Dev, 3),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_timer = { /* { tool-error "^version_id of 'timer' is 2, below the base's 3: a stream of version 3 from the base fails to load \(too new\) \[version-lowered\]$" } */
    .name = "timer",
    .version_id = 2,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_END_OF_LIST()
    },
};

/* 'b' renamed in place with its bytes (fine); the minimum raised above
 * what the base sends. */
const VMStateDescription vmstate_clock = { /* { tool-error "^minimum_version_id of 'clock' is 3, above the base's version_id 2: the stream the base sends fails to load \(too old\) \[minimum-version-raised\]$" } { tool-error "^version_id of 'clock' is 3, above the base's 2: the base refuses the stream this build sends \(too new\), on every machine type \[backward-version-raised\]$" } */
    .name = "clock",
    .version_id = 3,
    .minimum_version_id = 3,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_UINT32(e, Dev),
        VMSTATE_END_OF_LIST()
    },
};

int main(void) { return 0; }
