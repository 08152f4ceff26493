/* field-terminator: a field list without VMSTATE_END_OF_LIST(), which
   QEMU's save and load loops need to stop.  */
#include "vmstate.h"

typedef struct Dev { uint32_t a; uint32_t b; } Dev;

const VMStateDescription vmstate_unterminated = { /* { dg-message "note: end the list of 'dev' with VMSTATE_END_OF_LIST" } */
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_UINT32(b, Dev), /* { dg-warning "the field list of 'dev' has no VMSTATE_END_OF_LIST..: saving and loading read past its end \\\[field-terminator\\\]" } */
    },
};

const VMStateDescription vmstate_terminated = {
    .name = "dev2",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_END_OF_LIST()   /* { dg-bogus "field-terminator" } */
    },
};

/* A field after the end marker: the loader stops before it.  */
const VMStateDescription vmstate_after_end = {
    .name = "dev3",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev), /* { dg-message "note: the list ends after this field" } */
        VMSTATE_END_OF_LIST(),
        VMSTATE_UINT32(b, Dev), /* { dg-warning "field 'b' comes after the VMSTATE_END_OF_LIST.. that ends the field list of 'dev3': it is never saved nor loaded \\\[field-terminator\\\]" } */
    },
};
