/* A field's place is where its entry is written: the line of the macro
   that writes it (VMSTATE_STRUCT(...), not the braces inside vmstate.h),
   its first line when it spans several, or, for an entry written by hand,
   the line of its address member.  The load-ambiguity note about a field
   points there.  */
#include "vmstate.h"

typedef struct Leaf { uint32_t x; } Leaf;
typedef struct Mid { uint32_t y; Leaf leaf; } Mid;
typedef struct Top { uint32_t a; Mid mid; } Top;

static bool top_extra_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_leaf = { /* { dg-message "note: 'vmstate_leaf' ends here" } */
    .name = "top/",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Leaf),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_mid = {
    .name = "mid",
    .fields = (const VMStateField[]) { VMSTATE_UINT32(y, Mid),
        VMSTATE_STRUCT(leaf, /* { dg-message "note: 'vmstate_leaf' is loaded by field 'leaf' of 'mid'" } */
                       Mid, vmstate_leaf, Leaf),
        VMSTATE_END_OF_LIST() },
};

static const VMStateDescription vmstate_top_extra = {
    .name = "top/extra",
    .needed = top_extra_needed,
};

const VMStateDescription vmstate_top = {
    .name = "top",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Top),
        { .name = "mid", .size = sizeof(Mid), .flags = VMS_STRUCT,
          .offset = offsetof(Top, mid), .vmsd = &vmstate_mid }, /* { dg-message "note: 'vmstate_mid' is loaded by field 'mid' of 'top'" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_top_extra,     /* { dg-warning "subsection 'top/extra' of 'top' can reach the loader right after 'top/'" } */
        NULL
    },
};
