/* The example board: links every device into one program and lists the
 * top-level descriptions it would register for migration.  Its device
 * types say which description each device migrates with, as QEMU's
 * class_init functions do (vmsdcheck dump-vmstate reads them).  Its
 * machine types, one per release, say which compat properties keep the
 * devices as each release had them (vmsdcheck machines lists them). */
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

/* The release this board is: versioned machine types 3 releases old
 * are deprecated (qom.h's policy). */
#define QEMU_VERSION_MAJOR 5
#define QEMU_VERSION_MINOR 0
#define QEMU_VERSION_MICRO 0

static GlobalProperty compat_4_0[] = {
    { "board-uart", "fifo", "off" },
};
static GlobalProperty compat_2_0[] = {
    { "board-nic", "offload", "off" },
    { "board-rtc", "tz", "off" },
};

/* Each release's options take the newer release's, then add what the
 * newer release changed. */
static void board_5_0_options(MachineClass *mc)
{
    mc->desc = "Example board";
}

static void board_4_0_options(MachineClass *mc)
{
    board_5_0_options(mc);
    compat_props_add(mc->compat_props, compat_4_0, 1);
}

static void board_2_0_options(MachineClass *mc)
{
    board_4_0_options(mc);
    compat_props_add(mc->compat_props, compat_2_0, 2);
}

#define BOARD_MACHINE(major, minor, latest)                             \
    static void board_##major##_##minor##_class_init(ObjectClass *oc,   \
                                                     const void *data)  \
    {                                                                   \
        MachineClass *mc = MACHINE_CLASS(oc);                           \
        board_##major##_##minor##_options(mc);                          \
        if (QEMU_VERSION_MAJOR - (major) >= MACHINE_VER_DEPRECATION_MAJOR) \
            mc->deprecation_reason = "older than 3 releases";           \
        mc->is_default = latest;                                        \
        if (latest)                                                     \
            mc->alias = "board";                                        \
    }

BOARD_MACHINE(5, 0, true)
BOARD_MACHINE(4, 0, false)
BOARD_MACHINE(2, 0, false)

static const TypeInfo board_types[] = {
    { .name = TYPE_MACHINE, .parent = "object", .abstract = true },
    { .name = "board-5.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_5_0_class_init },
    { .name = "board-4.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_4_0_class_init },
    { .name = "board-2.0-machine", .parent = TYPE_MACHINE,
      .class_init = board_2_0_class_init },
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

void compat_props_add(PropertyList *list, GlobalProperty *props,
                      unsigned long n)
{
    (void)list, (void)props, (void)n;
}

int main(void)
{
    for (size_t i = 0; i < sizeof board_devices / sizeof *board_devices; i++)
        printf("%s\n", board_devices[i]->name);
    for (size_t i = 0; i < sizeof board_types / sizeof *board_types; i++)
        type_register_static(&board_types[i]);
    return 0;
}
