/* load-ambiguity among names that begin alike: the check orders names by
   their first eight bytes before the rest, and a name of eight bytes or
   fewer ends within them.  Only the entries whose names extend the
   claiming description's, in a list that can follow it, are findings.  */
#include "vmstate.h"

typedef struct Regs { uint32_t x; } Regs;
typedef struct Ctl { uint32_t a; Regs regs; } Ctl;

static bool ctl_state_needed(void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_regs_own = {
    .name = "controller/own",
    .needed = ctl_state_needed,
};

/* Named like its container, and lists a subsection of its own.  */
static const VMStateDescription vmstate_regs = { /* { dg-message "note: 'vmstate_regs' ends here and claims every subsection whose name starts with 'controller'" } */
    .name = "controller",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Regs),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_regs_own,      /* { dg-bogus "load-ambiguity" } */
        NULL
    },
};

static const VMStateDescription vmstate_ctl_state = {
    .name = "controller/state",
    .needed = ctl_state_needed,
};

const VMStateDescription vmstate_ctl = {
    .name = "controller",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Ctl),
        VMSTATE_STRUCT(regs, Ctl, vmstate_regs, Regs), /* { dg-message "note: 'vmstate_regs' is loaded by field 'regs' of 'controller', and every field after it may be absent" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ctl_state,     /* { dg-warning "subsection 'controller/state' of 'controller' can reach the loader right after 'controller', whose name it extends: the load fails .\"does not exist\". \\\[load-ambiguity\\\]" } */
        NULL
    },
};

/* Near misses: a device whose name extends "controller" and whose list
   nothing loaded by a field can reach, and devices of short names.  */
static const VMStateDescription vmstate_controllers_more = {
    .name = "controllers/more",
    .needed = ctl_state_needed,
};

const VMStateDescription vmstate_controllers = {
    .name = "controllers",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Ctl),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_controllers_more,      /* { dg-bogus "load-ambiguity" } */
        NULL
    },
};

static const VMStateDescription vmstate_ctl_a = {
    .name = "ctl/a",
    .needed = ctl_state_needed,
};

static const VMStateDescription vmstate_ct = {
    .name = "ct",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Regs),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_ctl_short = {
    .name = "ctl",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(regs, Ctl, vmstate_ct, Regs), /* { dg-message "note: 'vmstate_ct' is loaded by field 'regs' of 'ctl', and every field after it may be absent" } */
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ctl_a,         /* { dg-warning "subsection 'ctl/a' of 'ctl' can reach the loader right after 'ct', whose name it extends: the load fails .\"does not exist\". \\\[load-ambiguity\\\]" } */
        NULL
    },
};
/* { dg-message "note: 'vmstate_ct' ends here and claims every subsection whose name starts with 'ct'" "" { target *-*-* } 72 } */
