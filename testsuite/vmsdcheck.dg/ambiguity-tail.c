/* load-ambiguity through nesting: a description loaded by the last field
   of its container (or a field after which all may be absent) ends right
   before the container's subsections, and claims those whose names
   extend its own.  */
#include "vmstate.h"

typedef struct Inner { uint32_t x; } Inner;
typedef struct Dev { uint32_t a, b; Inner inner; } Dev;

static bool dev_state_needed(void *opaque) { return opaque != 0; }
static bool b_exists(void *opaque, int version) { return opaque && version; }

/* Named like its container, as some nested descriptions are.  */
static const VMStateDescription vmstate_inner = { /* { dg-message "note: 'vmstate_inner' ends here and claims every subsection whose name starts with 'dev'" } */
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Inner),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_dev_state = {
    .name = "dev/state",
    .needed = dev_state_needed,
};

/* The nested field is the last one.  */
const VMStateDescription vmstate_dev = {
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dev),
        VMSTATE_STRUCT(inner, Dev, vmstate_inner, Inner), /* { dg-message "note: 'vmstate_inner' is loaded by field 'inner' of 'dev', and every field after it may be absent" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_state,     /* { dg-warning "subsection 'dev/state' of 'dev' can reach the loader right after 'dev', whose name it extends: the load fails .\"does not exist\". \\\[load-ambiguity\\\]" } */
        NULL
    },
};

/* Fields after it, but each may be absent: a test, a newer version.  */
const VMStateDescription vmstate_dev2 = {
    .name = "dev",
    .version_id = 3,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, Dev, vmstate_inner, Inner), /* { dg-message "note: 'vmstate_inner' is loaded by field 'inner'" } */
        VMSTATE_UINT32_TEST(a, Dev, b_exists),
        VMSTATE_UINT32_V(b, Dev, 3),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_state,     /* { dg-warning "subsection 'dev/state' of 'dev' can reach the loader right after 'dev'" } */
        NULL
    },
};

/* Near miss: a field after it that is always there.  */
const VMStateDescription vmstate_dev3 = {
    .name = "dev",
    .version_id = 3,
    .minimum_version_id = 3,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(inner, Dev, vmstate_inner, Inner),
        VMSTATE_UINT32_V(b, Dev, 3),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_state,     /* { dg-bogus "load-ambiguity" } */
        NULL
    },
};

/* Near miss: a framed container (a queue) shows its elements' loops only
   its frame markers.  */
const VMStateDescription vmstate_dev4 = {
    .name = "dev",
    .fields = (const VMStateField[]) {
        VMSTATE_QTAILQ(inner, Dev, vmstate_inner, Inner),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_state,     /* { dg-bogus "load-ambiguity" } */
        NULL
    },
};
