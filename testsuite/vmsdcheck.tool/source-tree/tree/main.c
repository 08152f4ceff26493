/* Built: defines a description and links the others.  */
#include "vmstate.h"

extern const VMStateDescription vmstate_built;
int plain(void);

const VMStateDescription vmstate_main = {
    .name = "main",
};

int main(void)
{
    return vmstate_main.name[0] + vmstate_built.name[0] + plain();
}
