/* The structs the case's units share: a bus device, and the state a
 * display keeps (QEMU's ISADevice and VGACommonState). */
#include "qom.h"

typedef struct IsaDevice {
    DeviceState parent_obj;
    uint32_t iobase;
} IsaDevice;

DECLARE_INSTANCE_CHECKER(IsaDevice, ISA_DEVICE, "isa-device")

typedef struct Common {
    uint32_t latch;
    uint32_t regs[4];
} Common;

extern const VMStateDescription vmstate_common;
extern const VMStateDescription vmstate_device_state;
