/* A subsection with a real definition in an object and a stub in an
   archive: the linker takes the real one, and so does vmsdcheck.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_clock_tz;

const VMStateDescription vmstate_clock = {
    .name = "clock",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_clock_tz,      /* { tool-warning "subsection 'vmstate_clock_tz' of 'clock' has no constant name: the loader cannot match it \[name-missing\]" } */
        NULL
    },
};

int main(void)
{
    return vmstate_clock.name[0] == 0;
}
