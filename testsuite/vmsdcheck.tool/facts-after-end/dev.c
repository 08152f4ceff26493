#include "vmstate.h"

typedef struct DevState {
    uint32_t ctrl;
    uint32_t status;
} DevState;

static bool dev_status_needed(void *opaque)
{
    const DevState *s = opaque;
    return s->status != 0;
}

static const VMStateDescription vmstate_dev_status = {
    .name = "dev/status",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = dev_status_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(status, DevState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, DevState),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_status,
        NULL
    },
};
