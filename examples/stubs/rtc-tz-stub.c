/* The stub of the clock's time-zone subsection, for boards built without
 * it: zero-filled and nameless.  It lives in an archive, so the linker
 * takes it only when no object defines vmstate_rtc_tz; vmsdcheck resolves
 * the symbol the same way. */
#include "vmstate.h"

const VMStateDescription vmstate_rtc_tz = { 0 };
