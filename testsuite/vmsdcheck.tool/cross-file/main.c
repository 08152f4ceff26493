/* A list whose subsections are defined in other files: the plugin,
   compiling this file, cannot see their names; the tool can.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_dev_a;
extern const VMStateDescription vmstate_dev_b;
extern const VMStateDescription vmstate_elsewhere;

const VMStateDescription vmstate_dev = {
    .name = "dev",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dev_a,         /* { tool-warning "subsection 'dev_a' of 'dev' is not named 'dev' followed by '/' and a non-empty rest \[subsection-separator\]" } */
        &vmstate_dev_b,
        &vmstate_elsewhere,     /* unresolved when elsewhere.o is left out */
        NULL
    },
};

int main(void)
{
    return vmstate_dev.name[0] == 0;
}
