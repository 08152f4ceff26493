/* A helper that builds types from the struct it is given, as QEMU's
   virtio_pci_types_register does: run once for each set of assumptions
   about which members are NULL that its conditions need, each type it
   registers is a template (R *) with the assumptions it relied on, its
   name and parent made of constants and members (g_strdup_printf's "%s"
   joins them).  A type_init function's call handing it a static struct
   is written with the struct's members (R @); a call from a function no
   constructor registers, or one registered for another kind of module
   (block_init), or declared inline, is not.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts" } */
#include "qom.h"

typedef struct Family {
    const char *base_name;
    const char *generic_name;
    const char *parent;
    const VMStateDescription *vmsd;
} Family;

static void family_class_init(ObjectClass *klass, const void *data)
{
    (void)klass;
    (void)data;
}

void family_register(const Family *t);
void family_register(const Family *t)
{
    char *made = 0;
    TypeInfo base = {
        .name = t->base_name,
        .parent = t->parent ? t->parent : "family",
    };
    if (!base.name) {
        made = g_strdup_printf("%s-base", t->generic_name);
        base.name = made;
    }
    base.class_init = family_class_init;
    base.class_data = t;
    type_register_static(&base);
    if (t->generic_name) {
        TypeInfo generic = { .name = t->generic_name, .parent = base.name };
        type_register_static(&generic);
    }
}

static const VMStateDescription vmstate_blue = { .name = "blue" };
static const Family blue = {
    .generic_name = "blue", .parent = "paint", .vmsd = &vmstate_blue,
};

static void register_blue(void)
{
    family_register(&blue);
}
type_init(register_blue)

void never_registered(void)
{
    family_register(&blue);
}

static void not_a_type_init(void)
{
    family_register(&blue);
}
block_init(not_a_type_init)

/* Inline: not run (the headers have hundreds of such functions). */
static inline void inline_register(void)
{
    family_register(&blue);
}
type_init(inline_register)

/* { dg-final { facts-count {^R \* family_register 0 0:40:5 family_class_init 1 1 m base_name 1 m parent 1 parent 1 base_name$} 1 } } */
/* { dg-final { facts-count {^R \* family_register 0 0:40:5 family_class_init 1 1 m base_name 1 c family 0 parent 1 base_name$} 1 } } */
/* { dg-final { facts-count {^R \* family_register 0 0:40:5 family_class_init 1 2 m generic_name c -base 1 m parent 1 parent 0 base_name 1 generic_name$} 1 } } */
/* { dg-final { facts-count {^R \* family_register 0 0:40:5 family_class_init 1 2 c \(null\) c -base 1 m parent 1 parent 0 base_name 0 generic_name$} 1 } } */
/* { dg-final { facts-count {^R \* family_register 0 0:43:9 - 0 1 m generic_name 1 m base_name 1 parent 1 base_name 1 generic_name$} 1 } } */
/* { dg-final { facts-count {^R \* } 10 } } */
/* { dg-final { facts-count {^R @ register_blue family_register 0 0:54:5 1 generic_name = blue parent = paint vmsd @ \d+ vmstate_blue 0:49:56$} 1 } } */
/* { dg-final { facts-count {^R @ } 1 } } */
/* { dg-final { facts-count {^U } 0 } } */
