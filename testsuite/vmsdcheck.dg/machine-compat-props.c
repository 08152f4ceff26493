/* What a machine type's class gets: the plugin records each
   compat_props_add of an array to the class a function was given (P:
   the function, the array, how many of its calls come before it, under
   a condition or not), every GlobalProperty array's entries (G: global
   or not, then driver, property, value), and the calls that hand a
   MachineClass on (K), so that the tool can follow an options chain.  */
#include "qom.h"

GlobalProperty compat_2_0[] = {
    { "uart", "fifo", "off" },
    { "nic", "mtu", "1500" },
};
/* { dg-facts "G compat_2_0 1 uart fifo off nic mtu 1500" } */
static const GlobalProperty board_defaults[] = { { "rtc", "base", "2000" } };
/* { dg-facts "G board_defaults 0 rtc base 2000" } */
GlobalProperty compat_empty[] = {};
/* { dg-facts "G compat_empty 1" } */
extern GlobalProperty compat_elsewhere[];
/* { dg-no-facts "G compat_elsewhere.*" } */
extern char *pick(void);
GlobalProperty computed[] = { { "uart", "name", 0 } };
/* { dg-facts "G computed 1 uart name -" } */

PropertyList *other_list;

static void board_options(MachineClass *m)
{
    compat_props_add(m->compat_props, (GlobalProperty *)board_defaults, 1);
    compat_props_add(other_list, compat_2_0, 2);
}
/* { dg-facts "P board_options board_defaults 0 0" } */
/* { dg-no-facts "P board_options compat_2_0 .*" } */

void board_common(MachineClass *m);

static void board_2_0_options(MachineClass *m)
{
    board_options(m);
    compat_props_add(m->compat_props, compat_2_0, 2);
    board_common(m);
    compat_props_add(m->compat_props, &compat_elsewhere[0], 1);
    if (other_list)
        compat_props_add(m->compat_props, compat_empty, 0);
}
/* { dg-facts "K board_2_0_options board_options 0" } */
/* { dg-facts "P board_2_0_options compat_2_0 1 0" } */
/* { dg-facts "K board_2_0_options board_common 1" } */
/* { dg-facts "P board_2_0_options compat_elsewhere 2 0" } */
/* { dg-facts "P board_2_0_options compat_empty 2 1" } */

static void board_2_0_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    board_2_0_options(mc);
}
/* { dg-facts "K board_2_0_class_init board_2_0_options 0" } */

static const TypeInfo board_2_0_info = {
    .name = "board-2.0-machine", .parent = TYPE_MACHINE,
    .class_init = board_2_0_class_init,
};
