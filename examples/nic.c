/* A network card with real bugs: a subsection the loader can never hand
 * to "nic", and two entries with one name, so the second never loads. */
#include "vmstate.h"

#include "board.h"

static const VMStateDescription vmstate_nic_offload = {
    .name = "nic/offload",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(offload_flags, NicState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_nic_offload_v2 = {
    .name = "nic/offload",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(offload_flags_v2, NicState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_nic_mac = {
    .name = "ethernet/mac",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mac_low, NicState),
        VMSTATE_END_OF_LIST()
    },
};

/* A nested description: the card's ring is loaded inside "nic". */
static const VMStateDescription vmstate_nic_ring = {
    .name = "nic-ring",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(head, NicRing),
        VMSTATE_UINT32(tail, NicRing),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_nic = {
    .name = "nic",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mac_low, NicState),
        VMSTATE_STRUCT(ring, NicState, vmstate_nic_ring, NicRing),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_nic_offload,
        &vmstate_nic_offload_v2,
        &vmstate_nic_mac,
        &vmstate_nic_stats,     /* defined in nic-stats.c */
        NULL
    },
};
