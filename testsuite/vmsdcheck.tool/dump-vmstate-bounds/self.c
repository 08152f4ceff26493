/* A description that nests itself (a list of nodes, each loading the
 * next): QEMU's -dump-vmstate would not end, so the dump is refused. */
#include "qom.h"

typedef struct Node { struct Node *next; uint32_t value; } Node;

static const VMStateDescription vmstate_node;

static const VMStateDescription vmstate_node = {
    .name = "node",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(value, Node),
        {
            .name = "next",
            .vmsd = &vmstate_node,
            .size = sizeof(Node),
            .flags = VMS_STRUCT,
            .offset = offsetof(Node, next),
        },
        VMSTATE_END_OF_LIST()
    },
};

static void node_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_node;
}

const TypeInfo node_info = {
    .name = "node", .parent = TYPE_DEVICE, .class_init = node_class_init,
};
