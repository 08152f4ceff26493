/* The load-ambiguity walk meets a description without a name: one that
   nests another through a field and is itself a subsection.  It is
   name-missing, and the walk goes on (the fuzzer found this one; the
   core crashed on it).  */
#include "vmstate.h"

typedef struct X { unsigned v; } X;
typedef struct S { X x; } S;

static const VMStateDescription vmstate_x = {
    .name = "p/x",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(v, X),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_anon = { /* { dg-message "'vmstate_anon' is defined here" } */
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(x, S, vmstate_x, X),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_p = {
    .name = "p",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_anon,  /* { dg-warning "subsection 'vmstate_anon' of 'p' has no constant name: the loader cannot match it \\\[name-missing\\\]" } */
        NULL
    },
};
