/* The example board: links every device into one program and lists the
 * top-level descriptions it would register for migration. */
#include <stdio.h>

#include "board.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };

static const VMStateDescription *const board_devices[] = {
    &vmstate_uart,
    &vmstate_rtc,
    &vmstate_nic,
};

int main(void)
{
    for (size_t i = 0; i < sizeof board_devices / sizeof *board_devices; i++)
        printf("%s\n", board_devices[i]->name);
    return 0;
}
