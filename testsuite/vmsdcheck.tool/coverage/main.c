/* Compiled with the plugin.  */
#include "vmstate.h"

extern int plain(void);
extern const VMStateDescription vmstate_other;

const VMStateDescription vmstate_dev = {
    .name = "dev",
};

int main(void)
{
    return vmstate_dev.name[0] == plain() + vmstate_other.name[0];
}
