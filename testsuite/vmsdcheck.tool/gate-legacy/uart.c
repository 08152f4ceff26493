/* The change takes the plugin's fix-it: 'uart.tx' becomes 'uart/tx'.
   That breaks migration from every version that sent 'uart.tx': the
   gate says so, and does not call the entry merely stale.  */
#include "vmstate.h"

static const VMStateDescription vmstate_uart_tx = { /* { tool-note "^renamed to 'uart/tx'\?$" } */
    .name = "uart/tx",
};

const VMStateDescription vmstate_uart = { /* { tool-error "^subsection 'uart.tx' of 'uart' was in the base and is gone: .* \[subsection-removed\]$" } */
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
