/* Flash parts registered from a table by a TypeInfo initializer in the
 * loop (m25p80's shape), and a helper that registers a type by a name it
 * is given: the plugin cannot follow that one, and the dump says so. */
#include "qom.h"

typedef struct Part {
    const char *part_name;
    uint32_t jedec;
} Part;

typedef struct FlashState { uint32_t state; } FlashState;

static const VMStateDescription vmstate_flash = {
    .name = "flash",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(state, FlashState),
        VMSTATE_END_OF_LIST()
    },
};

static void flash_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = &vmstate_flash;
}

static const TypeInfo flash_info = {
    .name = "flash",
    .parent = TYPE_DEVICE,
    .abstract = true,
};

static const Part parts[] = {
    { "at25fs010", 0x1f6601 },
    { "n25q128", 0x20ba18 },
    { "w25q256", 0xef4019 },
};

void register_flash_alias(const char *name);
void register_flash_alias(const char *name)
{
    TypeInfo alias = { .name = name, .parent = "flash",
                       .class_init = flash_class_init };
    type_register_static(&alias);
}

void register_flash(void)
{
    type_register_static(&flash_info);
    for (int i = 0; i < ARRAY_SIZE(parts); ++i) {
        const TypeInfo ti = {
            .name = parts[i].part_name,
            .parent = "flash",
            .class_init = flash_class_init,
            .class_data = &parts[i],
        };
        type_register_static(&ti);
    }
    register_flash_alias("flash-alias");
}
