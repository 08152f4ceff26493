#include "vmstate.h"
extern const VMStateDescription vmstate_bus;
int main(void) { return vmstate_bus.name[0] == 0; }
