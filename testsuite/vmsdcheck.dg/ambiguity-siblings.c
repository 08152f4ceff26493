/* load-ambiguity between siblings: a subsection's own loop sees its later
   siblings, when those between may not be sent.  */
#include "vmstate.h"

static bool n_needed(void *opaque) { return opaque != 0; }
static bool extra_needed(void *opaque) { return opaque == 0; }

static const VMStateDescription vmstate_m = { /* { dg-message "note: 'vmstate_m' ends here and claims every subsection whose name starts with 'p/m'" } */
    .name = "p/m",
};

static const VMStateDescription vmstate_n = {
    .name = "p/n",
    .needed = n_needed,
};

static const VMStateDescription vmstate_m_extra = {
    .name = "p/m-extra",
    .needed = extra_needed,
};

const VMStateDescription vmstate_p = {
    .name = "p",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_m,             /* { dg-message "note: 'vmstate_m' is a subsection of 'p'" } */
        &vmstate_n,             /* { dg-message "note: when n_needed returns false" } */
        &vmstate_m_extra,       /* { dg-warning "subsection 'p/m-extra' of 'p' can reach the loader right after 'p/m', whose name it extends" } */
        NULL
    },
};

/* Near miss: a sibling always sent stands between them.  */
static const VMStateDescription vmstate_q_m = { .name = "q/m" };
static const VMStateDescription vmstate_q_a = { .name = "q/a" };
static const VMStateDescription vmstate_q_m_extra = { .name = "q/m-extra" };

const VMStateDescription vmstate_q = {
    .name = "q",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_q_m,
        &vmstate_q_a,
        &vmstate_q_m_extra,     /* { dg-bogus "load-ambiguity" } */
        NULL
    },
};

/* A subsection with subsections of its own, and a later sibling it does
   not list.  */
static bool one_needed(void *opaque) { return opaque != 0; }
static const VMStateDescription vmstate_r_m_one = {
    .name = "r/m/one",
    .needed = one_needed,
};

static const VMStateDescription vmstate_r_m = { /* { dg-message "note: 'vmstate_r_m' ends here" } */
    .name = "r/m",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_r_m_one,
        NULL
    },
};

static const VMStateDescription vmstate_r_m_two = { .name = "r/m-two" };

const VMStateDescription vmstate_r = {
    .name = "r",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_r_m,           /* { dg-message "note: 'vmstate_r_m' is a subsection of 'r'" } */
        &vmstate_r_m_two,       /* { dg-warning "subsection 'r/m-two' of 'r' can reach the loader right after 'r/m'" } */
        NULL
    },
};

/* The claimer lists another description under that name: it loads the
   sibling's bytes as that one.  */
static const VMStateDescription vmstate_s_m_x_own = { .name = "s/m/x" };
static const VMStateDescription vmstate_s_m = { /* { dg-message "note: 'vmstate_s_m' ends here" } */
    .name = "s/m",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_s_m_x_own,
        NULL
    },
};
static const VMStateDescription vmstate_s_m_x = { .name = "s/m/x" };

const VMStateDescription vmstate_s = {
    .name = "s",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_s_m,           /* { dg-message "note: 'vmstate_s_m' is a subsection of 's'" } */
        &vmstate_s_m_x,         /* { dg-warning "subsection 's/m/x' of 's' can reach the loader right after 's/m', which loads it as its own 'vmstate_s_m_x_own'" } */
        NULL
    },
};
