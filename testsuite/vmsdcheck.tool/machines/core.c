/* The core of a tiny tree: the abstract machine type, the compat
 * property arrays of each release, a helper every board's options call,
 * and a device for dump-vmstate. */
#include "qom.h"
#include "version.h"

GlobalProperty hw_compat_8_0[] = {
    { "uart", "fifo", "off" },
    { "nic", "mtu", "1500" },
};
GlobalProperty hw_compat_6_0[] = { { "uart", "fifo-size", "16" } };
GlobalProperty hw_compat_5_2[] = {};
GlobalProperty hw_compat_3_1[] = { { "nic", "offload", "off" } };
GlobalProperty hw_compat_3_0[] = { { "uart", "legacy", "on" } };
static GlobalProperty common_defaults[] = { { "rtc", "base", "utc" } };

void machine_common_options(MachineClass *mc)
{
    compat_props_add(mc->compat_props, common_defaults, 1);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE, .parent = "object", .abstract = true,
};

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };
typedef struct { uint32_t lcr; } UartState;
static const VMStateDescription vmstate_uart = {
    .name = "uart",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(lcr, UartState), VMSTATE_END_OF_LIST() },
};
static void uart_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_uart;
}
static const TypeInfo uart_info = {
    .name = "uart", .parent = TYPE_DEVICE, .class_init = uart_class_init,
};
static const TypeInfo device_info = { .name = TYPE_DEVICE };

void type_register_static(const TypeInfo *info) { (void)info; }
void compat_props_add(PropertyList *list, GlobalProperty *props,
                      unsigned long n)
{
    (void)list, (void)props, (void)n;
}

void register_board(void);

int main(void)
{
    register_board();
    type_register_static(&machine_info);
    type_register_static(&uart_info);
    type_register_static(&device_info);
    return 0;
}
