/* Families registered through the helper of another unit by a type_init
 * function: one with a base name, one without (its base is made from
 * its generic name); one handed over only under a condition, which the
 * dump cannot follow. */
#include "qom.h"

typedef struct Family {
    const char *base_name;
    const char *generic_name;
    const VMStateDescription *vmsd;
} Family;

typedef struct PaintState { uint32_t colour; } PaintState;

static const VMStateDescription vmstate_paint = {
    .name = "paint",
    .version_id = 4,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(colour, PaintState),
        VMSTATE_END_OF_LIST()
    },
};

void family_register(const Family *t);
int paint_extra;

static const Family paint_info = {
    .base_name = "paint-base",
    .generic_name = "paint",
    .vmsd = &vmstate_paint,
};
static const Family varnish_info = {
    .generic_name = "varnish",
    .vmsd = &vmstate_paint,
};
static const Family lacquer_info = {
    .generic_name = "lacquer",
    .vmsd = &vmstate_paint,
};

static void paint_register_types(void)
{
    family_register(&paint_info);
    family_register(&varnish_info);
    if (paint_extra)
        family_register(&lacquer_info);
}
type_init(paint_register_types)
