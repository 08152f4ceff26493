/* What a needed or field_exists function tests: the plugin records the
   struct members it reads (X: the struct's name and the member's byte
   offset), and how it returns when its body is one return: "=" the
   member, "!" its negation, "&" the member and more, "?" anything else.
   Only functions a description or a field names are recorded.  */
#include "qom.h"

typedef struct Flags { bool on; } Flags;
typedef struct NicState {
    DeviceState parent;
    uint32_t count;
    bool legacy_names;
    Flags flags;
} NicState;

static bool legacy_needed(void *opaque)
{
    NicState *s = opaque;
    return s->legacy_names;
}
/* { dg-facts "X legacy_needed = NicState 20" } */
static bool modern_needed(void *opaque)
{
    NicState *s = opaque;
    return !s->legacy_names;
}
/* { dg-facts "X modern_needed ! NicState 20" } */
static bool both_needed(void *opaque)
{
    NicState *s = opaque;
    return s->count > 2 && s->flags.on;
}
/* { dg-facts "X both_needed & NicState 21 NicState 16" } */
static bool count_needed(void *opaque)
{
    NicState *s = opaque;
    return s->count;
}
/* { dg-facts "X count_needed = NicState 16" } */
static bool branchy_needed(void *opaque)
{
    NicState *s = opaque;
    if (s->count)
        return true;
    return s->legacy_names;
}
/* { dg-facts "X branchy_needed \\? NicState 16 NicState 20" } */
static bool constant_needed(void *opaque)
{
    return true;
}
/* { dg-no-facts "X constant_needed.*" } */
static bool named_by_nothing(void *opaque)
{
    NicState *s = opaque;
    return s->legacy_names;
}
/* { dg-no-facts "X named_by_nothing.*" } */
static bool count_exists(void *opaque, int version_id)
{
    NicState *s = opaque;
    return s->count == 0;
}
/* { dg-facts "X count_exists ! NicState 16" } */
/* { dg-facts "f count 0 4 vmstate_info_uint32 xcount_exists o16 .*" } */

static const VMStateDescription nic_legacy = {
    .name = "nic/legacy", .needed = legacy_needed };
static const VMStateDescription nic_modern = {
    .name = "nic/modern", .needed = modern_needed };
static const VMStateDescription nic_both = {
    .name = "nic/both", .needed = both_needed };
static const VMStateDescription nic_count = {
    .name = "nic/count", .needed = count_needed };
static const VMStateDescription nic_branchy = {
    .name = "nic/branchy", .needed = branchy_needed };
static const VMStateDescription nic_constant = {
    .name = "nic/constant", .needed = constant_needed };

const VMStateDescription vmstate_nic = {
    .name = "nic",
    .fields = (const VMStateField[]) {
        { .name = "count", .offset = offsetof(NicState, count), .size = 4,
          .info = &vmstate_info_uint32, .field_exists = count_exists },
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &nic_legacy,
        &nic_modern, &nic_both, &nic_count, &nic_branchy,
        &nic_constant, NULL
    },
};
