#include "vmstate.h"

/* .size at the limits of a size_t: the largest, the first above
 * INT64_MAX, and 0. */
const VMStateDescription vmstate_sizes = {
    .name = "sizes",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        { .name = "largest", .size = (size_t)-1 },
        { .name = "above_int64", .size = (size_t)1 << 63 },
        { .name = "none", .size = 0 },
        VMSTATE_END_OF_LIST()
    },
};
