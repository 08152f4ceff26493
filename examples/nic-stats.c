/* A subsection of "nic" defined in a file of its own, with a name that
 * breaks the rule.  The plugin, compiling nic.c, cannot see its name;
 * the whole-program tool, reading the linked board, can. */
#include "vmstate.h"

#include "board.h"

const VMStateDescription vmstate_nic_stats = {
    .name = "nic_stats",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(rx_packets, NicState),
        VMSTATE_END_OF_LIST()
    },
};
