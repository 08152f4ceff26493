#include "vmstate.h"

typedef struct Inner { uint32_t x; } Inner;

const VMStateDescription vmstate_m = { /* { tool-note "'vmstate_m' ends here and claims every subsection whose name starts with 'p/m'" } */
    .name = "p/m",
};

const VMStateDescription vmstate_inner = { /* { tool-note "'vmstate_inner' ends here and claims every subsection whose name starts with 'dev'" } */
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Inner),
        VMSTATE_END_OF_LIST()
    },
};
