#include "vmstate.h"

extern const VMStateDescription vmstate_p;

int main(void)
{
    return vmstate_p.name[0] == 0;
}
