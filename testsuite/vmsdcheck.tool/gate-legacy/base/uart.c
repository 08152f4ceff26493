/* The base: a legacy name, allowlisted.  */
#include "vmstate.h"

static const VMStateDescription vmstate_uart_tx = {
    .name = "uart.tx",
};

const VMStateDescription vmstate_uart = {
    .name = "uart",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_uart_tx,
        NULL
    },
};

int main(void)
{
    return vmstate_uart.name[0] == 0;
}
