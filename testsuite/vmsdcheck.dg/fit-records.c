/* The facts say which structs a description's fields are offsets into
   (Y: the unit's structs whose members match every field's member name,
   offset within the member and size; two when two structs have the
   layout, none when none has), each field's offset (o) and, for a field
   that loads a struct member inline, the member's type (t: an array's
   element, a pointer's pointee; none for a member's member), each QOM
   type's instance struct from its cast function with the struct's size
   and the TypeInfo's instance_size (I), and what sits at offset 0 of
   those structs, down the chain (O; none for a struct whose offset 0
   holds a union, nor for a union); a function that does more than
   return the cast is no cast function.  Padding, checks and temporaries
   are no member: a description of only those has no Y.  A field with an
   .info may reach beyond its member (the info reads through a pointer):
   only its offset is compared.  */
#include "qom.h"

typedef struct Regs { uint32_t a; uint32_t b[4]; } Regs;
typedef struct Twin { uint32_t a; uint32_t b[4]; } Twin;
typedef struct Inner { uint32_t x; } Inner;
typedef struct Outer {
    DeviceState parent_obj;
    uint32_t count;
    struct { uint32_t hidden; };
    Inner inner;
    Inner cells[2];
    Inner *link;
    Regs regs;
} Outer;
typedef struct OuterTmp { Outer *parent; uint32_t sum; } OuterTmp;
typedef struct Config { uint32_t id; uint8_t *bytes; } Config;
typedef union Wide { uint32_t w[2]; uint64_t q; } Wide;
typedef struct Pair { Wide wide; uint32_t n; } Pair;

DECLARE_INSTANCE_CHECKER(Outer, OUTER, "outer")
DECLARE_INSTANCE_CHECKER(Inner, INNER_DEV, "inner-dev")
DECLARE_INSTANCE_CHECKER(Pair, PAIR, "pair")

/* Not a cast function: it returns what it made of the cast. */
static inline Outer *plain_outer(const void *obj)
{
    Object *o = object_dynamic_cast_assert((Object *)obj, "plain", 0, 0, 0);
    return (Outer *)o;
}

static bool outer_ok(void *opaque, int version_id) { return opaque && version_id; }

static const VMStateDescription vmstate_regs = {
    .name = "regs",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Regs),
        VMSTATE_UINT32_ARRAY(b, Regs, 4),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_inner = {
    .name = "inner",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Inner),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_tmp = {
    .name = "tmp",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(sum, OuterTmp),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_outer = {
    .name = "outer",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(count, Outer),
        VMSTATE_UINT32(hidden, Outer),
        VMSTATE_STRUCT(inner, Outer, vmstate_inner, Inner),
        VMSTATE_STRUCT_ARRAY(cells, Outer, 2, vmstate_inner, Inner),
        VMSTATE_STRUCT_POINTER(link, Outer, vmstate_inner, Inner),
        VMSTATE_STRUCT(regs, Outer, vmstate_regs, Regs),
        VMSTATE_UINT32(regs.a, Outer),
        VMSTATE_UNUSED(4),
        VMSTATE_VALIDATE("ok", outer_ok),
        VMSTATE_WITH_TMP(Outer, OuterTmp, vmstate_tmp),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_ghost = {
    .name = "ghost",
    .fields = (const VMStateField[]) {
        { .name = "ghost", .size = 4, .flags = VMS_SINGLE,
          .info = &vmstate_info_uint32 },
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_padding = {
    .name = "padding",
    .fields = (const VMStateField[]) {
        VMSTATE_UNUSED(4),
        VMSTATE_VALIDATE("ok", outer_ok),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_config = {
    .name = "config",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(id, Config),
        { .name = "bytes", .size = 256, .flags = VMS_BUFFER,
          .info = &vmstate_info_uint32, .offset = offsetof(Config, bytes) },
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_wide = {
    .name = "wide",
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(w, Wide, 2),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_pair = {
    .name = "pair",
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(wide, Pair, vmstate_wide, Wide),
        VMSTATE_UINT32(n, Pair),
        VMSTATE_END_OF_LIST()
    },
};

static void outer_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    dc->vmsd = data ? &vmstate_ghost : &vmstate_padding;
    dc->vmsd = data ? &vmstate_config : &vmstate_pair;
    dc->vmsd = &vmstate_outer;
}

const TypeInfo outer_types[] = {
    { .name = "outer", .parent = TYPE_DEVICE, .instance_size = sizeof(Outer),
      .class_init = outer_class_init },
    { .name = "inner-dev", .parent = TYPE_DEVICE,
      .instance_size = sizeof(Outer) },
    { .name = "sized", .parent = "outer", .instance_size = 200 },
    { .name = "plain", .parent = "outer" },
    { .name = "pair", .parent = TYPE_DEVICE, .instance_size = sizeof(Pair) },
};

/* { dg-final { scan-facts {f count 1 4 vmstate_info_uint32 o16 l8} } } */
/* { dg-final { scan-facts {f hidden 1 4 vmstate_info_uint32 o20} } } */
/* { dg-final { scan-facts {f inner 8 4 - @ [0-9]+ vmstate_inner 0:77:9 o24 tInner} } } */
/* { dg-final { scan-facts {f cells 12 4 - n2 @ [0-9]+ vmstate_inner 0:78:9 o28 tInner\nf link 10 4 - @ [0-9]+ vmstate_inner 0:79:9 o40 tInner} } } */
/* { dg-final { scan-facts {f regs 8 20 - @ [0-9]+ vmstate_regs 0:80:9 o48 tRegs\nf regs.a 1 4 vmstate_info_uint32 o48\nf unused 32 4 -\nf ok 4100 0 - e\nf tmp 0 16 vmstate_info_tmp @ [0-9]+ vmstate_tmp 0:84:9} } } */
/* { dg-final { scan-facts {f bytes 32 256 vmstate_info_uint32 o8 p0:112:19} } } */
/* { dg-final { scan-facts {f wide 8 8 - @ [0-9]+ vmstate_wide 0:128:9 tWide l8} } } */
/* { dg-final { scan-facts {Y [0-9]+ Regs Twin\nY [0-9]+ Inner\nY [0-9]+ OuterTmp\nY [0-9]+ Outer\nY [0-9]+\nY [0-9]+ Config\nY [0-9]+ Wide\nY [0-9]+ Pair\nI outer Outer 72 72\nI inner-dev Inner 4 72\nI sized - 0 200\nI pair Pair 16 16\nO Inner 4 - 0:19:33\nO Regs 20 - 0:17:32\nO Outer 72 DeviceState 0:21:17\nO DeviceState 16 Object 1:[0-9]+:12\nO Object 8 - 1:[0-9]+:18\nE} } } */
