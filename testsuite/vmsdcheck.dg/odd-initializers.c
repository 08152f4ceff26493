/* Shapes vmsdcheck cannot follow are left alone, never guessed at and
   never a crash: computed names, lists that are not arrays of ours.  An
   element of a description array is followed where its initializer is
   visible (ambiguity-free names below; element-reference.c has more).  */
#include "vmstate.h"

static const char computed[] = "dev/computed";

static const VMStateDescription vmstate_from_array = {
    .name = computed,                   /* a const char array: read */
};

static const VMStateDescription vmstate_offset_name = {
    .name = "xdev/offset" + 1,          /* pointer arithmetic: unknown */
};

static const VMStateDescription table[2] = {
    { .name = "dev_table0" },
    { .name = "dev/table1" },
};

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_from_array,            /* { dg-bogus "warning" } */
        &vmstate_offset_name,           /* { dg-bogus "warning" } */
        &table[1],                      /* { dg-bogus "warning" } */
        NULL
    },
};

/* A list that is not an array literal at all.  */
const VMStateDescription vmstate_dev2 = {
    .name = "dev2",
    .subsections = (const VMStateDescription * const *)&vmstate_dev,
};

/* Automatic descriptions are read too, as far as they are constant.  */
int use_local(void);
int use_local(void)
{
    const VMStateDescription local = { .name = "local" };
    return local.name[0];
}
