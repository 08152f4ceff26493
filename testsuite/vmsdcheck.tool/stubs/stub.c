/* The stub: zero-filled, no name. */
#include "vmstate.h"

const VMStateDescription vmstate_clock_tz = { 0 };  /* { tool-note "'vmstate_clock_tz' is defined here" } */
