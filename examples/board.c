/* The example board: links every device into one program and lists the
 * top-level descriptions it would register for migration.  Its device
 * types say which description each device migrates with, as QEMU's
 * class_init functions do (vmsdcheck dump-vmstate reads them). */
#include <stdio.h>

#include "board.h"
#include "qom.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static const VMStateDescription *const board_devices[] = {
    &vmstate_uart,
    &vmstate_rtc,
    &vmstate_nic,
};

static void uart_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_uart;
}

static void rtc_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_rtc;
}

static void nic_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_nic;
}

static const TypeInfo board_types[] = {
    { .name = TYPE_DEVICE, .parent = "object", .abstract = true },
    { .name = "board-uart", .parent = TYPE_DEVICE,
      .class_init = uart_class_init },
    { .name = "board-uart-16550", .parent = "board-uart" },
    { .name = "board-rtc", .parent = TYPE_DEVICE,
      .class_init = rtc_class_init },
    { .name = "board-nic", .parent = TYPE_DEVICE,
      .class_init = nic_class_init },
};

void type_register_static(const TypeInfo *info)
{
    printf("type %s\n", info->name);
}

int main(void)
{
    for (size_t i = 0; i < sizeof board_devices / sizeof *board_devices; i++)
        printf("%s\n", board_devices[i]->name);
    for (size_t i = 0; i < sizeof board_types / sizeof *board_types; i++)
        type_register_static(&board_types[i]);
    return 0;
}
