/* A serial port whose subsections follow the rule: no findings. */
#include "vmstate.h"

#include "board.h"

static bool uart_fifo_needed(void *opaque)
{
    return ((UartState *)opaque)->fifo_level != 0;
}

static const VMStateDescription vmstate_uart_fifo = {
    .name = "uart/fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = uart_fifo_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(fifo_level, UartState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_uart = {
    .name = "uart",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(divisor, UartState),
        VMSTATE_UINT32_V(scratch, UartState, 2),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_uart_fifo,
        &vmstate_uart_timeout,  /* defined in uart-timeout.c */
        NULL
    },
};
