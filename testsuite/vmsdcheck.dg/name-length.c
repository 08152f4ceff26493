/* name-length: the stream carries a name's length in one byte, so a
   name of 256 bytes or more can never be read back.  */
#include "vmstate.h"

#define X16 "xxxxxxxxxxxxxxxx"
#define X64 X16 X16 X16 X16
#define X253 X64 X64 X64 X16 X16 X16 "xxxxxxxxxxxxx"

static const VMStateDescription vmstate_longest = { /* { dg-bogus "name-length" "255 bytes" } */
    .name = "n/" X253,
};

static const VMStateDescription vmstate_too_long = { /* { dg-warning "name of 'vmstate_too_long' is 256 bytes long: the stream's one-byte length carries at most 255, so it can never be read back \\\[name-length\\\]" } */
    .name = "n/z" X253,
};

/* Top-level section names travel with a one-byte length too.  */
const VMStateDescription vmstate_top_too_long = { /* { dg-warning "name of 'vmstate_top_too_long' is 257 bytes long" } */
    .name = "top" X253 "x",
};

const VMStateDescription vmstate_n = {
    .name = "n",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_longest,
        &vmstate_too_long,
        NULL
    },
};
