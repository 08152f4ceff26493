/* What function bodies create (facts Q): each way QEMU names a type to
 * create, and what is not a creation; which functions are kept.  Read
 * from the lowered bodies: none with -fsyntax-only (dg-body-facts). */
#include <stdio.h>
#include "qom.h"

typedef struct PCIBus PCIBus;
typedef struct ISABus ISABus;
typedef struct I2CBus I2CBus;
typedef struct USBBus USBBus;
DeviceState *qdev_try_new(const char *type);
DeviceState *sysbus_create_varargs(const char *type, unsigned long addr, ...);
DeviceState *pci_create_simple(PCIBus *bus, int devfn, const char *type);
DeviceState *isa_create_simple(ISABus *bus, const char *type);
DeviceState *i2c_slave_create_simple(I2CBus *bus, const char *type, int addr);
DeviceState *usb_create_simple(USBBus *bus, const char *type);
char *g_strdup_printf(const char *format, ...);
void memory_region_init(Object *owner, const char *name, unsigned long size);
void helper_elsewhere(Object *obj);

typedef struct Board { int rtc, uart; } Board;
typedef struct BoardClass { const char *soc_name; } BoardClass;

/* { dg-body-facts {Q board_creates 1 t type-qd t type-qt t type-on t type-sb t type-sv t type-pci t type-isa t type-i2c t type-usb .*} } */
void board_creates(PCIBus *pci, ISABus *isa, I2CBus *i2c, USBBus *usb)
{
    qdev_new("type-qd");
    qdev_try_new("type-qt");
    object_new("type-on");
    sysbus_create_simple("type-sb", 0x1000, 0);
    sysbus_create_varargs("type-sv", 0x2000, 0, 0);
    pci_create_simple(pci, 8, "type-pci");
    isa_create_simple(isa, "type-isa");
    i2c_slave_create_simple(i2c, "type-i2c", 0x50);
    usb_create_simple(usb, "type-usb");
}

/* The child's property name is not a type; a name that is not created
 * is not one either.
 * { dg-body-facts {Q board_children 1 t type-rtc c .*} }
 * { dg-body-no-facts {.*rtc-child.*} }
 * { dg-body-no-facts {.* t region.*} }
 */
void board_children(Object *obj)
{
    Board *b = (Board *)obj;
    object_initialize_child(obj, "rtc-child", &b->rtc, "type-rtc");
    memory_region_init(obj, "region", 4096);
}

/* Either branch of a ?:; a buffer a printf format filled; a string
 * g_strdup_printf returns; a class member.  { dg-body-facts {Q board_picked 1 (t type-[ab] ){2}p soc.i2c-%s p soc.uart%d-%s m soc_name .*} } */
void board_picked(Object *obj, int which, BoardClass *bc)
{
    Board *b = (Board *)obj;
    char typename[64];
    qdev_new(which ? "type-a" : "type-b");
    snprintf(typename, sizeof typename, "soc.i2c-%s", "x");
    object_initialize_child(obj, "i2c", &b->rtc, typename);
    char *uart = g_strdup_printf("soc.uart%d-%s", 1, "x");
    object_initialize_child(obj, "uart", &b->uart, uart);
    object_new(bc->soc_name);
}

/* A type named by what a function returns, here or elsewhere; the
 * constant strings a function returns.
 * { dg-body-facts {Q board_returned 1 r gic_name r gic_elsewhere .*} }
 * { dg-body-facts {Q gic_name 1 (s (kvm|tcg)-gic ){2}c in_kernel} }
 */
int in_kernel(void);
const char *gic_elsewhere(void);
const char *gic_name(void)
{
    return in_kernel() ? "kvm-gic" : "tcg-gic";
}

void board_returned(void)
{
    qdev_new(gic_name());
    const char *type = gic_elsewhere();
    qdev_new(type);
}

/* Calls: to a function of the unit that creates, to another unit's;
 * a static function that creates and calls nothing of note is left
 * out, and so is a static callback no kept function calls.
 * { dg-body-facts {Q board_calls 1 c static_creates c helper_elsewhere} }
 *
 * { dg-body-facts {Q static_creates 0 t type-internal.*} }
 * { dg-body-no-facts {.*quiet.*} }
 * { dg-body-no-facts {.*on_access.*} }
 */
static void static_creates(void) { qdev_new("type-internal"); }
static int quiet(int x) { return x + 1; }
static void on_access(void) { qdev_new("type-cb"); }
void (*const callback)(void) = on_access;
void board_calls(Object *obj)
{
    static_creates();
    helper_elsewhere(obj);
    quiet(1);
}
