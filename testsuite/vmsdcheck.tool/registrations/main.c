#include "qom.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

void register_device(void);
void register_nics(void);
void register_flash(void);
void register_module_init(void (*fn)(void), module_init_type type) { (void)fn; (void)type; }
char *g_strdup_printf(const char *format, ...) { (void)format; return 0; }
void type_register_static(const TypeInfo *info) { (void)info; }

int main(void)
{
    register_device();
    register_nics();
    register_flash();
    return 0;
}
