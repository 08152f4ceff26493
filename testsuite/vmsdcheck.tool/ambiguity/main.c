/* load-ambiguity across files: the descriptions that end right before a
   subsection are defined in x.c, so only the whole program shows it.  */
#include "vmstate.h"

typedef struct Inner { uint32_t x; } Inner;
typedef struct Dev { uint32_t a; Inner inner; } Dev;

extern const VMStateDescription vmstate_m;
extern const VMStateDescription vmstate_inner;

static bool extra_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_m_extra = {
    .name = "p/m-extra",
    .needed = extra_needed,
};

const VMStateDescription vmstate_p = {
    .name = "p",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_m,             /* { tool-note "'vmstate_m' is a subsection of 'p'" } */
        &vmstate_m_extra,       /* { tool-warning "^subsection 'p/m-extra' of 'p' can reach the loader right after 'p/m', whose name it extends: the load fails \(\"does not exist\"\) \[load-ambiguity\]$" } */
        NULL
    },
};

static const VMStateDescription vmstate_dev_state = {
    .name = "dev/state",
    .needed = extra_needed,
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_STRUCT(inner, Dev, vmstate_inner, Inner), /* { tool-note "'vmstate_inner' is loaded by field 'inner' of 'dev', and every field after it may be absent" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_state,     /* { tool-warning "^subsection 'dev/state' of 'dev' can reach the loader right after 'dev'" } */
        NULL
    },
};

const VMStateInfo vmstate_info_uint32 = { "uint32" };

int main(void)
{
    return vmstate_p.name[0] == vmstate_dev.name[0];
}
