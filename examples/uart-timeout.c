/* A subsection of "uart" that lives in a file of its own: the plugin
 * sees it here, but which list names it only the whole program knows. */
#include "vmstate.h"

#include "board.h"

const VMStateDescription vmstate_uart_timeout = {
    .name = "uart/timeout",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(timeout_ns, UartState),
        VMSTATE_END_OF_LIST()
    },
};
