/* Function bodies are read for DeviceClass.vmsd assignments and the calls
   that hand a class on: calls GCC makes internal functions of (no callee),
   calls through pointers, and vmsd set from something that is not a
   description's address compile quietly.  */
#include "qom.h"

static const VMStateDescription vmstate_odd = { .name = "odd" };

int overflowing(int a, int b)
{
    int r;
    if (__builtin_mul_overflow(a, b, &r) || __builtin_add_overflow(r, 31, &r))
        return -1;
    return r;
}

static void (*hook)(DeviceClass *dc);

static void odd_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    const VMStateDescription *pick = data ? &vmstate_odd : 0;
    dc->vmsd = pick;
    dc->vmsd = data ? &vmstate_odd : 0;
    if (hook)
        hook(dc);
}

const TypeInfo odd_info = {
    .name = "odd", .parent = TYPE_DEVICE, .class_init = odd_class_init,
};
