#include "qom.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

void register_device(void);
void register_nics(void);
void register_flash(void);
void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    register_device();
    register_nics();
    register_flash();
    return 0;
}
