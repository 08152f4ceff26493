/* The example board's device state. */
#ifndef EXAMPLE_BOARD_H
#define EXAMPLE_BOARD_H

#include "vmstate.h"

typedef struct UartState {
    uint32_t divisor, scratch, fifo_level, timeout_ns;
} UartState;

typedef struct RtcState {
    uint32_t seconds, irq_coalesced, alarm, tz_offset;
    bool legacy_names;          /* property x-legacy-names */
} RtcState;

typedef struct NicRing {
    uint32_t head, tail;
} NicRing;

typedef struct NicState {
    uint32_t mac_low, offload_flags, offload_flags_v2, rx_packets;
    NicRing ring;
} NicState;

extern const VMStateDescription vmstate_uart;
extern const VMStateDescription vmstate_uart_timeout;
extern const VMStateDescription vmstate_rtc;
extern const VMStateDescription vmstate_nic;
extern const VMStateDescription vmstate_nic_stats;
extern const VMStateDescription vmstate_rtc_tz;

typedef struct DeviceClass DeviceClass;
void rtc_class_props(DeviceClass *dc);

#endif
