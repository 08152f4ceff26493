#include "vmstate.h"

extern const VMStateDescription vmstate_p;
extern const VMStateDescription vmstate_p2;

int main(void)
{
    return vmstate_p.name[0] == vmstate_p2.name[0];
}
