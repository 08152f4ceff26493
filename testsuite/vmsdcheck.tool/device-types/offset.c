/* A nested description and a subsection given as "base + N", an element
 * of a description array: followed as "&base[N]" is. */
#include "qom.h"

typedef struct Part { uint32_t reg; } Part;
typedef struct Offset { Part first; Part second; } Offset;

static const VMStateDescription vmstate_parts[] = {
    { .name = "part0" },
    {
        .name = "part1",
        .version_id = 1,
        .minimum_version_id = 1,
        .fields = (const VMStateField[]) {
            VMSTATE_UINT32(reg, Part),
            VMSTATE_END_OF_LIST()
        },
    },
    { .name = "offset/extra" },
};

static const VMStateDescription vmstate_offset = {
    .name = "offset",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        {
            .name = "second",
            .vmsd = vmstate_parts + 1,
            .size = sizeof(Part),
            .flags = VMS_STRUCT,
            .offset = offsetof(Offset, second),
        },
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        vmstate_parts + 2,
        NULL
    },
};

static void offset_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_offset;
}

const TypeInfo offset_info = {
    .name = "offset", .parent = TYPE_DEVICE, .class_init = offset_class_init,
};
