/* A device whose class_init sets its description through a helper; a
 * subclass without a class_init of its own that inherits it; a subclass
 * that overrides it; a class that sets it only under a condition; a
 * class that calls a helper of another unit (qdev.c); and a virtio-like
 * class whose own 'vmsd' member is not the device's. */
#include "qom.h"

typedef struct Fifo { uint32_t head; uint32_t tail; } Fifo;
typedef struct Uart { uint32_t lcr; Fifo fifo; uint32_t regs[4]; } Uart;

static bool uart_timeout_needed(void *opaque) { return opaque != 0; }
static bool uart_ok(void *opaque, int version_id) { return opaque && version_id; }

static const VMStateDescription vmstate_fifo = {
    .name = "fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(head, Fifo),
        VMSTATE_UINT32(tail, Fifo),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_uart_timeout = {
    .name = "uart/timeout",
    .needed = uart_timeout_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_TEST(lcr, Uart, uart_ok),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_uart = {
    .name = "uart",
    .version_id = 3,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_V(lcr, Uart, 2),
        VMSTATE_STRUCT(fifo, Uart, vmstate_fifo, Fifo),
        VMSTATE_UINT32_ARRAY(regs, Uart, 4),
        VMSTATE_VALIDATE("sane", uart_ok),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_uart_timeout,
        NULL
    },
};

static const VMStateDescription vmstate_uart16 = {
    .name = "uart16",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(lcr, Uart),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_uart_legacy = { .name = "uart-legacy" };
static const VMStateDescription vmstate_uart_core = { .name = "uart-core" };

static int legacy_mode;

static void uart_set_vmsd(DeviceClass *dc)
{
    dc->vmsd = &vmstate_uart;
}

static void uart_class_init(ObjectClass *klass, const void *data)
{
    uart_set_vmsd(DEVICE_CLASS(klass));
}

static void uart16_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_uart16;
}

static void uart_legacy_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    if (legacy_mode)
        dc->vmsd = &vmstate_uart_legacy;
}

void device_class_set_common(DeviceClass *dc);

static void uart_common_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_common(DEVICE_CLASS(klass));
}

static void uart_core_class_init(ObjectClass *klass, const void *data)
{
    OtherClass *oc = (OtherClass *)klass;
    oc->vmsd = &vmstate_uart_core;
}

static const TypeInfo uart_types[] = {
    { .name = "uart", .parent = TYPE_DEVICE, .class_init = uart_class_init },
    { .name = "uart-pci", .parent = "uart" },
    { .name = "uart16", .parent = "uart", .class_init = uart16_class_init },
    { .name = "uart-legacy", .parent = TYPE_DEVICE,
      .class_init = uart_legacy_class_init },
    { .name = "uart-core", .parent = TYPE_DEVICE,
      .class_init = uart_core_class_init },
    { .name = "uart-backend", .parent = "object",
      .class_init = uart_class_init },
    { .name = "uart-common", .parent = TYPE_DEVICE,
      .class_init = uart_common_class_init },
};

void register_uart(void)
{
    for (int i = 0; i < 7; i++)
        type_register_static(&uart_types[i]);
}
