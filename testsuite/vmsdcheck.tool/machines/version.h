/* The tree's version, as QEMU's build writes it into config-host.h. */
#define QEMU_VERSION_MAJOR 9
#define QEMU_VERSION_MINOR 0
#define QEMU_VERSION_MICRO 0
