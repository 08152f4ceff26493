/* The descriptions of shared state, as QEMU's vga.c and qdev.c have
 * them: of Common, and of DeviceState, which every device starts with. */
#include "devices.h"

const VMStateDescription vmstate_common = { /* { tool-note "^'vmstate_common' is defined here, its fields offsets into 'Common'$" } */
    .name = "common",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(latch, Common),
        VMSTATE_UINT32_ARRAY(regs, Common, 4),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_device_state = {
    .name = "device-state",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(realized, DeviceState),
        VMSTATE_END_OF_LIST()
    },
};
