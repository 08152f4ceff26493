/* Not built, and defines nothing: VMStateDescription vmstate_a = { in a
   comment, in strings and literals, declared, and behind a pointer.  */
#include "vmstate.h"

// VMStateDescription vmstate_b = {
extern const VMStateDescription vmstate_built;
const VMStateDescription *vmstate_pointer = &vmstate_built;
const char *text = "VMStateDescription vmstate_c = {";
const char quote = '"'; const char *more = "\" VMStateDescription d = ";
#define SAME(VMStateDescription, x) (VMStateDescription x == 0)
