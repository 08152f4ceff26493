/* load-ambiguity through two levels of nesting: the chain of tails is
   followed upwards.  */
#include "vmstate.h"

typedef struct Leaf { uint32_t x; } Leaf;
typedef struct Mid { Leaf leaf; } Mid;
typedef struct Top { uint32_t a; Mid mid; } Top;

static bool top_extra_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_leaf = { /* { dg-message "note: 'vmstate_leaf' ends here and claims every subsection whose name starts with 'top/'" } */
    .name = "top/",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Leaf),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_mid = {
    .name = "mid",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(leaf, Mid, vmstate_leaf, Leaf),  /* { dg-message "note: 'vmstate_leaf' is loaded by field 'leaf' of 'mid'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_top_extra = {
    .name = "top/extra",
    .needed = top_extra_needed,
};

const VMStateDescription vmstate_top = {
    .name = "top",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Top),
        VMSTATE_STRUCT(mid, Top, vmstate_mid, Mid),     /* { dg-message "note: 'vmstate_mid' is loaded by field 'mid' of 'top'" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_top_extra,     /* { dg-warning "subsection 'top/extra' of 'top' can reach the loader right after 'top/'" } */
        NULL
    },
};
