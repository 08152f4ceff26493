/* Not built: no space around the name.  */
#include "vmstate.h"
const VMStateDescription vmstate_cpu={.name="cpu"};
