/* A nested VMSTATE_STRUCT must name a description of the member's own
 * type, or of one at its offset 0: 'other' holds an Other, loaded with
 * the description of Common; 'inner' holds an Inner, which starts with a
 * Common; a temporary (VMSTATE_WITH_TMP) is no member. */
#include "devices.h"

typedef struct Other {
    uint16_t a; /* { tool-note "^'Other', the member's type, is defined here; no struct is at its offset 0$" } */
    uint16_t b;
} Other;

typedef struct Inner {
    Common common;
    uint32_t extra;
} Inner;

typedef struct Holder {
    DeviceState parent_obj;
    Other other;
    Inner inner;
    uint32_t sum;
} Holder;

typedef struct HolderTmp {
    Holder *parent;
    uint32_t sum;
} HolderTmp;

static const VMStateDescription vmstate_holder_tmp = {
    .name = "holder-tmp",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(sum, HolderTmp),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_holder = {
    .name = "holder",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(other, Holder, vmstate_common, Other), /* { tool-error "^field 'other' of 'holder' loads 'common', whose fields are offsets into 'Common', into a member of type 'Other', which does not start with one: loading writes the state over other memory \[description-misfit\]$" } */
        VMSTATE_STRUCT(inner, Holder, vmstate_common, Common),
        VMSTATE_WITH_TMP(Holder, HolderTmp, vmstate_holder_tmp),
        VMSTATE_END_OF_LIST()
    },
};
