/* A proof as long as it needs to be: ten levels of nesting give a
   load-ambiguity finding eleven notes, and none is dropped (findings
   once kept eight).  */
#include "vmstate.h"

typedef struct L0 { uint32_t x; } L0;
typedef struct L1 { L0 inner; } L1;
typedef struct L2 { L1 inner; } L2;
typedef struct L3 { L2 inner; } L3;
typedef struct L4 { L3 inner; } L4;
typedef struct L5 { L4 inner; } L5;
typedef struct L6 { L5 inner; } L6;
typedef struct L7 { L6 inner; } L7;
typedef struct L8 { L7 inner; } L8;
typedef struct L9 { L8 inner; } L9;
typedef struct Top { uint32_t a; L9 outer; } Top;

static bool top_extra_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_l0 = { /* { dg-message "note: 'vmstate_l0' ends here and claims every subsection whose name starts with 'top/'" } */
    .name = "top/",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, L0),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l1 = {
    .name = "l1",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L1, vmstate_l0, L0),  /* { dg-message "note: 'vmstate_l0' is loaded by field 'inner' of 'l1'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l2 = {
    .name = "l2",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L2, vmstate_l1, L1),  /* { dg-message "note: 'vmstate_l1' is loaded by field 'inner' of 'l2'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l3 = {
    .name = "l3",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L3, vmstate_l2, L2),  /* { dg-message "note: 'vmstate_l2' is loaded by field 'inner' of 'l3'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l4 = {
    .name = "l4",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L4, vmstate_l3, L3),  /* { dg-message "note: 'vmstate_l3' is loaded by field 'inner' of 'l4'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l5 = {
    .name = "l5",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L5, vmstate_l4, L4),  /* { dg-message "note: 'vmstate_l4' is loaded by field 'inner' of 'l5'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l6 = {
    .name = "l6",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L6, vmstate_l5, L5),  /* { dg-message "note: 'vmstate_l5' is loaded by field 'inner' of 'l6'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l7 = {
    .name = "l7",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L7, vmstate_l6, L6),  /* { dg-message "note: 'vmstate_l6' is loaded by field 'inner' of 'l7'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l8 = {
    .name = "l8",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L8, vmstate_l7, L7),  /* { dg-message "note: 'vmstate_l7' is loaded by field 'inner' of 'l8'" } */
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_l9 = {
    .name = "l9",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, L9, vmstate_l8, L8),  /* { dg-message "note: 'vmstate_l8' is loaded by field 'inner' of 'l9'" } */
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
        VMSTATE_STRUCT(outer, Top, vmstate_l9, L9),     /* { dg-message "note: 'vmstate_l9' is loaded by field 'outer' of 'top'" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_top_extra,     /* { dg-warning "subsection 'top/extra' of 'top' can reach the loader right after 'top/'" } */
        NULL
    },
};
