/* A serial port whose subsection names all follow the rule, and still
 * one of them cannot be loaded. */
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

static bool uart_timeout_ext_needed(void *opaque)
{
    return ((UartState *)opaque)->timeout_ns > 1000000;
}

/* Its name extends "uart/timeout", a subsection defined in another file
 * and listed just before it: when this one is sent, the loader hands it
 * to "uart/timeout", which does not list it, and migration fails.  Only
 * the whole program shows it. */
static const VMStateDescription vmstate_uart_timeout_ext = {
    .name = "uart/timeout-ext",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = uart_timeout_ext_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(timeout_ns, UartState),
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
        &vmstate_uart_timeout_ext,
        NULL
    },
};
