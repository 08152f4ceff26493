/* gen-facts: the facts of generated programs, for the tool's scaling
 * benchmark (bench/bench-scaling, make bench-scaling).  Each unit is
 * built as a model with the core's API and written by the core's facts
 * writer, so the files follow whatever facts format the core writes.
 *
 * Usage: gen-facts objects N DIR   N units of 20 descriptions each,
 *                                  DIR/oK.vmsdfacts (a facts directory)
 *        gen-facts chain N FILE    one unit: a chain of N subsections,
 *                                  each of them a finding
 *        gen-facts list N FILE     one unit: a description with N
 *                                  subsections, all named by the rule
 *        gen-facts lattice N FILE  one unit: descriptions N deep, each
 *                                  loading four optional copies of the
 *                                  one below
 *        gen-facts fan N FILE      one unit: N descriptions loaded by
 *                                  one container, loaded by N others
 *        gen-facts renamed-subsections N FILE WORD
 *                                  one unit: a description with N
 *                                  subsections 'p/WORDk' (variables
 *                                  vmstate_WORDk), for the gate: the base
 *                                  with one WORD, the change with another
 *        gen-facts renamed-fields N FILE WORD
 *                                  one unit: a section of N fields WORDk
 *        gen-facts diamond N FILE  one unit: a device whose description
 *                                  nests N levels, each description's two
 *                                  fields nesting the one below (QEMU's
 *                                  -dump-vmstate writes 5 x 2^(N-1) - 3
 *                                  descriptions and fields)
 *        gen-facts helpers N FILE  one unit: N class_init helpers that
 *                                  each hand the class to all the others
 *                                  (N x (N - 1) calls) and set nothing,
 *                                  and N device types whose class_init
 *                                  calls the first, then sets vmsd under
 *                                  a condition (so every helper is asked)
 *        gen-facts props N DIR     N units, DIR/pK.vmsdfacts each, of 50
 *                                  devices whose subsection a bool
 *                                  property selects, set by a helper of
 *                                  external linkage the last unit defines
 *
 * A unit of "objects" is shaped like a QEMU device file: four devices,
 * each with its top-level description (global, with a device type whose
 * class_init sets it), a nested description loaded by a field, three
 * subsections with a .needed function, and a field loading a bus
 * description that unit 0 defines and every other unit declares extern.
 * Subsection 0 of the first two or three devices (alternately) has a
 * legacy name ("parent_sub0"): 2.5 separator breaks a unit, which is
 * what `vmsdcheck db generate` turns into an allowlist (10,000 entries
 * for 4,000 units). */
#include "command.h"

#include "../checker/facts.h"
#include "../checker/model.h"
#include "../checker/whole-file.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_COUNT 10000000L
#define DEVICES 4               /* per unit of "objects" */
#define SUBSECTIONS 3           /* per device */

#define LATTICE_COPIES 4
#define PROPS_DEVICES 50        /* per unit of "props" */

/* VMStateField flags (QEMU's values) and the info of a uint32 field. */
#define VMS_SINGLE 0x001
#define VMS_STRUCT 0x008
#define UINT32_INFO "vmstate_info_uint32"

/* A unit being built: its model, its one file, and the next free id. */
struct unit {
    struct vmsd_model model;
    const char *file;
    uint32_t next_uid;
    unsigned next_line;
};

/* A name made with printf, the unit's model's. */
static char *format(struct unit *u, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *format(struct unit *u, const char *fmt, ...)
{
    char text[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return vmsd_model_strdup(&u->model, text);
}

static void unit_init(struct unit *u, const char *file)
{
    vmsd_model_init(&u->model);
    u->file = vmsd_model_intern_file(&u->model, file);
    u->next_uid = 1;
    u->next_line = 1;
}

/* The next place in the unit's file: one line each. */
static struct vmsd_loc next_loc(struct unit *u)
{
    return (struct vmsd_loc){ u->file, u->next_line++, 1, 0 };
}

/* A description; SYMBOL and NAME (NULL: none) are the model's. */
static struct vmsd_desc *add_desc(struct unit *u, char *symbol, char *name,
                                  enum vmsd_linkage linkage)
{
    struct vmsd_desc *d = vmsd_model_desc(&u->model, u->next_uid++);
    d->symbol = symbol;
    d->name = name;
    d->linkage = linkage;
    d->defined = linkage != VMSD_LINK_EXTERN;
    d->loc = next_loc(u);
    d->version_id = 1;
    d->minimum_version_id = 1;
    return d;
}

static void set_ref(struct unit *u, struct vmsd_ref *ref,
                    const struct vmsd_desc *target)
{
    ref->uid = target->uid;
    ref->symbol = vmsd_model_strdup(&u->model, target->symbol);
    ref->loc = next_loc(u);
}

/* PARENT's subsection list of the N descriptions SUBS, NULL-ended. */
static void add_subsections(struct unit *u, struct vmsd_desc *parent,
                            struct vmsd_desc *const *subs, size_t n)
{
    parent->subsections_uid = u->next_uid++;
    struct vmsd_sublist *list = vmsd_model_add_sublist(&u->model,
                                                       parent->subsections_uid);
    for (size_t i = 0; i < n; i++)
        set_ref(u, vmsd_sublist_append(&u->model, list), subs[i]);
    vmsd_sublist_append(&u->model, list)->is_null = true;
}

static struct vmsd_fieldlist *add_fields(struct unit *u, struct vmsd_desc *d)
{
    d->fields_uid = u->next_uid++;
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(&u->model,
                                                           d->fields_uid);
    list->terminated = true;
    return list;
}

static void add_uint32(struct unit *u, struct vmsd_fieldlist *list,
                       const char *name, int version_id)
{
    struct vmsd_field *f = vmsd_fieldlist_append(&u->model, list);
    f->name = vmsd_model_strdup(&u->model, name);
    f->flags = VMS_SINGLE;
    f->size = 4;
    f->version_id = version_id;
    f->info = vmsd_model_strdup(&u->model, UINT32_INFO);
}

/* A field that loads NESTED inline (VMSTATE_STRUCT). */
static struct vmsd_field *add_struct(struct unit *u,
                                     struct vmsd_fieldlist *list,
                                     const char *name,
                                     const struct vmsd_desc *nested)
{
    struct vmsd_field *f = vmsd_fieldlist_append(&u->model, list);
    f->name = vmsd_model_strdup(&u->model, name);
    f->flags = VMS_STRUCT;
    f->size = 8;
    set_ref(u, &f->vmsd, nested);
    return f;
}

/* Device D of unit K: the device type and what it migrates. */
static void add_device(struct unit *u, unsigned long k, unsigned d,
                       const struct vmsd_desc *bus)
{
    struct vmsd_desc *ring = add_desc(u,
                                      format(u, "vmstate_o%lu_d%u_ring", k, d),
                                      format(u, "o%lu-d%u-ring", k, d),
                                      VMSD_LINK_STATIC);
    struct vmsd_fieldlist *fields = add_fields(u, ring);
    add_uint32(u, fields, "head", 0);
    add_uint32(u, fields, "tail", 0);

    struct vmsd_desc *subs[SUBSECTIONS];
    bool legacy = d < (k % 2 ? 3u : 2u);
    for (unsigned s = 0; s < SUBSECTIONS; s++) {
        subs[s] = add_desc(u, format(u, "vmstate_o%lu_d%u_sub%u", k, d, s),
                           format(u, "o%lu-d%u%csub%u", k, d,
                                  legacy && s == 0 ? '_' : '/', s),
                           VMSD_LINK_STATIC);
        subs[s]->needed = format(u, "o%lu_d%u_sub%u_needed", k, d, s);
        char reg[16];
        snprintf(reg, sizeof reg, "reg%u", 2 + s);
        add_uint32(u, add_fields(u, subs[s]), reg, 0);
    }

    struct vmsd_desc *top = add_desc(u, format(u, "vmstate_o%lu_d%u", k, d),
                                     format(u, "o%lu-d%u", k, d),
                                     VMSD_LINK_GLOBAL);
    top->version_id = 2;
    fields = add_fields(u, top);
    add_uint32(u, fields, "reg0", 0);
    add_uint32(u, fields, "reg1", 2);
    add_struct(u, fields, "ring", ring);
    add_struct(u, fields, "bus", bus);
    add_subsections(u, top, subs, SUBSECTIONS);

    struct vmsd_qom_type *type = VMSD_APPEND(u->model.types,
                                             u->model.n_types);
    type->name = format(u, "o%lu-d%u", k, d);
    type->parent = vmsd_model_strdup(&u->model, "device");
    type->class_init = format(u, "o%lu_d%u_class_init", k, d);
    type->loc = next_loc(u);
    struct vmsd_class_vmsd *set = VMSD_APPEND(u->model.class_vmsds,
                                              u->model.n_class_vmsds);
    set->function = vmsd_model_strdup(&u->model, type->class_init);
    set_ref(u, &set->vmsd, top);
}

/* The bus description every device loads: defined by unit 0 (with the
 * "device" type), declared by the others. */
static const struct vmsd_desc *add_bus(struct unit *u, unsigned long k)
{
    struct vmsd_model *m = &u->model;
    struct vmsd_desc *bus = add_desc(u, vmsd_model_strdup(m, "vmstate_bench_bus"),
                                     k ? NULL : vmsd_model_strdup(m, "bench-bus"),
                                     k ? VMSD_LINK_EXTERN : VMSD_LINK_GLOBAL);
    if (k)
        return bus;
    add_uint32(u, add_fields(u, bus), "irq", 0);
    struct vmsd_qom_type *device = VMSD_APPEND(u->model.types,
                                               u->model.n_types);
    device->name = vmsd_model_strdup(m, "device");
    device->parent = vmsd_model_strdup(m, "object");
    device->loc = next_loc(u);
    return bus;
}

/* Write the unit's facts to PATH; false (said on stderr) on failure. */
static bool write_unit(struct unit *u, const char *path)
{
    vmsd_model_resolve(&u->model);
    char *text = vmsd_facts_write(&u->model, u->file);
    bool ok = vmsd_write_whole_file(path, text);
    if (!ok)
        fprintf(stderr, "gen-facts: %s: %s\n", path, strerror(errno));
    free(text);
    vmsd_model_free(&u->model);
    return ok;
}

/* N units written to DIR/PREFIXK.vmsdfacts (K from 0), their files
 * hw/bench/PREFIXK.c, each filled by FILL(unit, K, N). */
static bool gen_units(unsigned long n, const char *dir, char prefix,
                      void (*fill)(struct unit *, unsigned long,
                                   unsigned long))
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen-facts: %s: %s\n", dir, strerror(errno));
        return false;
    }
    bool ok = true;
    for (unsigned long k = 0; ok && k < n; k++) {
        struct unit u;
        char file[64], path[4096];
        snprintf(file, sizeof file, "hw/bench/%c%lu.c", prefix, k);
        snprintf(path, sizeof path, "%s/%c%lu.vmsdfacts", dir, prefix, k);
        unit_init(&u, file);
        fill(&u, k, n);
        ok = write_unit(&u, path);
    }
    return ok;
}

/* Unit K of "objects". */
static void add_objects_unit(struct unit *u, unsigned long k, unsigned long n)
{
    (void)n;
    const struct vmsd_desc *bus = add_bus(u, k);
    for (unsigned d = 0; d < DEVICES; d++)
        add_device(u, k, d, bus);
}

/* Descriptions n1 ... nN, each the only subsection of the one before:
 * every name breaks the rule one way or another ("n2" does not extend
 * "n1", "n10" lacks the '/'). */
static bool gen_chain(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "chain.c");
    struct vmsd_desc *before = NULL;
    for (unsigned long i = 1; i <= n; i++) {
        struct vmsd_desc *d = add_desc(&u, format(&u, "v%lu", i),
                                       format(&u, "n%lu", i), VMSD_LINK_STATIC);
        if (before)
            add_subsections(&u, before, &d, 1);
        before = d;
    }
    return write_unit(&u, path);
}

/* One description with N subsections, all named by the rule. */
static bool gen_list(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "list.c");
    struct vmsd_desc *parent = add_desc(&u,
                                        vmsd_model_strdup(&u.model, "vmstate_p"),
                                        vmsd_model_strdup(&u.model, "p"),
                                        VMSD_LINK_STATIC);
    struct vmsd_desc **subs = vmsd_xcalloc(n, sizeof *subs);
    for (unsigned long i = 0; i < n; i++) {
        subs[i] = add_desc(&u, format(&u, "vmstate_p_s%lu", i),
                           format(&u, "p/s%07lu", i), VMSD_LINK_STATIC);
        subs[i]->needed = format(&u, "p_s%lu_needed", i);
    }
    add_subsections(&u, parent, subs, n);
    free(subs);
    return write_unit(&u, path);
}

/* The "device" type, with nothing else: the root of device types. */
static void add_device_root(struct unit *u)
{
    struct vmsd_qom_type *device = VMSD_APPEND(u->model.types,
                                               u->model.n_types);
    device->name = vmsd_model_strdup(&u->model, "device");
    device->parent = vmsd_model_strdup(&u->model, "object");
    device->loc = next_loc(u);
}

/* A device type NAME whose class_init CLASS_INIT (nothing else). */
static void add_type(struct unit *u, char *name, char *class_init)
{
    struct vmsd_qom_type *type = VMSD_APPEND(u->model.types,
                                             u->model.n_types);
    type->name = name;
    type->parent = vmsd_model_strdup(&u->model, "device");
    type->class_init = class_init;
    type->loc = next_loc(u);
}

static struct vmsd_class_vmsd *add_class_vmsd(struct unit *u,
                                              char *function,
                                              const struct vmsd_desc *d)
{
    struct vmsd_class_vmsd *set = VMSD_APPEND(u->model.class_vmsds,
                                              u->model.n_class_vmsds);
    set->function = function;
    set_ref(u, &set->vmsd, d);
    return set;
}

/* Descriptions d0 ... d(N-1), each with two fields nesting the one below
 * (d0 a uint32), and a device type that migrates with the last. */
static bool gen_diamond(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "diamond.c");
    add_device_root(&u);
    struct vmsd_desc *below = NULL;
    for (unsigned long i = 0; i < n; i++) {
        struct vmsd_desc *d = add_desc(&u, format(&u, "vmstate_d%lu", i),
                                       format(&u, "d%lu", i),
                                       VMSD_LINK_STATIC);
        struct vmsd_fieldlist *fields = add_fields(&u, d);
        if (!below)
            add_uint32(&u, fields, "x", 0);
        else {
            add_struct(&u, fields, "left", below);
            add_struct(&u, fields, "right", below);
        }
        below = d;
    }
    char *class_init = format(&u, "diamond_class_init");
    add_type(&u, format(&u, "diamond"), class_init);
    add_class_vmsd(&u, class_init, below);
    return write_unit(&u, path);
}

/* Helpers h0 ... h(N-1), each handing the class to every other one,
 * none setting vmsd.  Types t0 ... t(N-1), whose class_init calls h0 and
 * then sets vmsd under a condition. */
static bool gen_helpers(unsigned long n, const char *path)
{
    if (n < 2 || n > 10000) {
        fprintf(stderr, "gen-facts: helpers: from 2 to 10000\n");
        return false;
    }
    struct unit u;
    unit_init(&u, "helpers.c");
    add_device_root(&u);
    struct vmsd_desc *d = add_desc(&u, format(&u, "vmstate_mesh"),
                                   format(&u, "mesh"), VMSD_LINK_STATIC);
    char **helper = vmsd_xcalloc(n, sizeof *helper);
    for (unsigned long i = 0; i < n; i++)
        helper[i] = format(&u, "h%lu", i);
    for (unsigned long i = 0; i < n; i++)
        for (unsigned long j = 0; j < n; j++) {
            if (i == j)
                continue;
            struct vmsd_call *call = VMSD_APPEND(u.model.calls,
                                                 u.model.n_calls);
            call->caller = helper[i];
            call->callee = helper[j];
        }
    for (unsigned long i = 0; i < n; i++) {
        char *class_init = format(&u, "t%lu_class_init", i);
        add_type(&u, format(&u, "t%lu", i), class_init);
        struct vmsd_call *call = VMSD_APPEND(u.model.calls, u.model.n_calls);
        call->caller = class_init;
        call->callee = helper[0];
        add_class_vmsd(&u, class_init, d)->conditional = true;
    }
    free(helper);
    return write_unit(&u, path);
}

/* Descriptions f0 ... f(N-1) in one unit, each with a field, each in a
 * header of its own (f0.h ...): what the program looks up per place of
 * a unit with many files. */
static bool gen_files(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "files.c");
    for (unsigned long i = 0; i < n; i++) {
        u.file = vmsd_model_intern_file(&u.model, format(&u, "f%lu.h", i));
        struct vmsd_desc *d = add_desc(&u, format(&u, "vmstate_f%lu", i),
                                       format(&u, "f%lu", i),
                                       VMSD_LINK_GLOBAL);
        add_uint32(&u, add_fields(&u, d), "x", 0);
    }
    return write_unit(&u, path);
}

/* Device D of unit K of "props": type pK-dD, whose subsection is sent
 * when bool property x-sub is on, the property set through the class by
 * HELPER, which has external linkage. */
static void add_props_device(struct unit *u, unsigned long k, unsigned d,
                             const char *helper)
{
    struct vmsd_model *m = &u->model;
    struct vmsd_desc *sub = add_desc(u, format(u, "vmstate_p%lu_d%u_sub", k, d),
                                     format(u, "p%lu-d%u/sub", k, d),
                                     VMSD_LINK_STATIC);
    sub->needed = format(u, "p%lu_d%u_sub_needed", k, d);
    add_uint32(u, add_fields(u, sub), "reg1", 0);
    struct vmsd_predicate *x = VMSD_APPEND(m->predicates, m->n_predicates);
    x->function = sub->needed;
    x->how = '=';
    *VMSD_APPEND(x->reads, x->n_reads) = (struct vmsd_member_read){
        vmsd_model_strdup(m, "PState"), 8 };
    struct vmsd_desc *top = add_desc(u, format(u, "vmstate_p%lu_d%u", k, d),
                                     format(u, "p%lu-d%u", k, d),
                                     VMSD_LINK_GLOBAL);
    add_uint32(u, add_fields(u, top), "reg0", 0);
    add_subsections(u, top, &sub, 1);
    char *class_init = format(u, "p%lu_d%u_class_init", k, d);
    add_type(u, format(u, "p%lu-d%u", k, d), class_init);
    struct vmsd_class_vmsd *set = VMSD_APPEND(m->class_vmsds, m->n_class_vmsds);
    set->function = class_init;
    set_ref(u, &set->vmsd, top);
    *VMSD_APPEND(m->calls, m->n_calls) = (struct vmsd_call){
        .caller = class_init, .callee = vmsd_model_strdup(m, helper),
        .global = true };
}

/* Unit K of N of "props": PROPS_DEVICES devices; the last unit defines
 * their helper and its property array, unit 0 the "device" type.  Each
 * device's property search goes from its class_init to the helper's
 * unit, past every unit between. */
static void add_props_unit(struct unit *u, unsigned long k, unsigned long n)
{
    struct vmsd_model *m = &u->model;
    static const char helper[] = "bench_set_props";
    if (k == 0)
        add_bus(u, 0);
    if (k == n - 1) {
        *VMSD_APPEND(m->props_sets, m->n_props_sets) = (struct vmsd_props_set){
            vmsd_model_strdup(m, helper), vmsd_model_strdup(m, "bench_props") };
        struct vmsd_device_props *array = VMSD_APPEND(m->device_props,
                                                      m->n_device_props);
        array->array = vmsd_model_strdup(m, "bench_props");
        *VMSD_APPEND(array->props, array->n_props) =
            (struct vmsd_device_property){ vmsd_model_strdup(m, "x-sub"), 8,
                                           '1' };
    }
    for (unsigned d = 0; d < PROPS_DEVICES; d++)
        add_props_device(u, k, d, helper);
}


/* Device types t0 ... t(N-1) in one unit, each with its instances'
 * struct and a class_init setting realize, whose realize creates the
 * next type and calls the next realize: what the types' instance
 * structs and the containment graph look up, per type and per
 * creation. */
static bool gen_types(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "types.c");
    add_device_root(&u);
    for (unsigned long i = 0; i < n; i++) {
        char *name = format(&u, "t%lu", i);
        char *class_init = format(&u, "t%lu_class_init", i);
        char *realize = format(&u, "t%lu_realize", i);
        add_type(&u, name, class_init);
        *VMSD_APPEND(u.model.instances, u.model.n_instances) =
            (struct vmsd_instance){ name, format(&u, "T%luState", i), 64,
                                    64 };
        *VMSD_APPEND(u.model.hooks, u.model.n_hooks) = (struct vmsd_hook){
            .owner = class_init, .kind = VMSD_HOOK_REALIZE, .name = realize };
        struct vmsd_creator *c = VMSD_APPEND(u.model.creators,
                                             u.model.n_creators);
        c->function = realize;
        *VMSD_APPEND(c->items, c->n_items) = (struct vmsd_create_item){
            VMSD_CREATE_TYPE, format(&u, "t%lu", i + 1) };
        *VMSD_APPEND(c->items, c->n_items) = (struct vmsd_create_item){
            VMSD_CREATE_CALL, format(&u, "t%lu_realize", i + 1) };
    }
    return write_unit(&u, path);
}

/* Descriptions l0 ... l(N-1), each loading LATTICE_COPIES copies of the
 * one below, each behind a field_exists test (VMSTATE_STRUCT_TEST): the
 * load-ambiguity walk from l0 has LATTICE_COPIES^depth chains to take;
 * 'l0/x' in the list of l3 is what it finds at their end. */
static bool gen_lattice(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "lattice.c");
    struct vmsd_desc *below = NULL;
    for (unsigned long i = 0; i < n; i++) {
        struct vmsd_desc *d = add_desc(&u, format(&u, "vmstate_l%lu", i),
                                       format(&u, "l%lu", i),
                                       VMSD_LINK_STATIC);
        struct vmsd_fieldlist *fields = add_fields(&u, d);
        if (!below)
            add_uint32(&u, fields, "x", 0);
        for (unsigned c = 0; below && c < LATTICE_COPIES; c++)
            add_struct(&u, fields, format(&u, "c%u", c),
                       below)->has_field_exists = true;
        if (i == 3) {
            struct vmsd_desc *x = add_desc(&u, format(&u, "vmstate_l0_x"),
                                           format(&u, "l0/x"),
                                           VMSD_LINK_STATIC);
            x->needed = format(&u, "l0_x_needed");
            add_subsections(&u, d, &x, 1);
        }
        below = d;
    }
    return write_unit(&u, path);
}

/* Descriptions leaf0 ... leaf(N-1), each loaded by an optional field of
 * 'hub', which an optional field of each of top0 ... top(N-1) loads:
 * what can follow each leaf's end goes through the N tops, N^2 steps
 * for a walk from every description that nothing limits. */
static bool gen_fan(unsigned long n, const char *path)
{
    struct unit u;
    unit_init(&u, "fan.c");
    struct vmsd_desc *hub = add_desc(&u, format(&u, "vmstate_hub"),
                                     format(&u, "hub"), VMSD_LINK_STATIC);
    struct vmsd_fieldlist *hub_fields = add_fields(&u, hub);
    for (unsigned long i = 0; i < n; i++) {
        struct vmsd_desc *leaf = add_desc(&u, format(&u, "vmstate_leaf%lu", i),
                                          format(&u, "leaf%lu", i),
                                          VMSD_LINK_STATIC);
        add_uint32(&u, add_fields(&u, leaf), "x", 0);
        add_struct(&u, hub_fields, format(&u, "leaf%lu", i),
                   leaf)->has_field_exists = true;
    }
    for (unsigned long i = 0; i < n; i++) {
        struct vmsd_desc *top = add_desc(&u, format(&u, "vmstate_top%lu", i),
                                         format(&u, "top%lu", i),
                                         VMSD_LINK_GLOBAL);
        add_struct(&u, add_fields(&u, top), "hub",
                   hub)->has_field_exists = true;
    }
    return write_unit(&u, path);
}

/* One description with N subsections 'p/WORDk' of variables
 * vmstate_WORDk, each with a needed function. */
static bool gen_renamed_subsections(unsigned long n, const char *path,
                                    const char *word)
{
    struct unit u;
    unit_init(&u, "renamed.c");
    struct vmsd_desc *parent = add_desc(&u,
                                        vmsd_model_strdup(&u.model, "vmstate_p"),
                                        vmsd_model_strdup(&u.model, "p"),
                                        VMSD_LINK_GLOBAL);
    struct vmsd_desc **subs = vmsd_xcalloc(n, sizeof *subs);
    for (unsigned long i = 0; i < n; i++) {
        subs[i] = add_desc(&u, format(&u, "vmstate_%s%lu", word, i),
                           format(&u, "p/%s%07lu", word, i), VMSD_LINK_STATIC);
        subs[i]->needed = format(&u, "%s%lu_needed", word, i);
    }
    add_subsections(&u, parent, subs, n);
    free(subs);
    return write_unit(&u, path);
}

/* One section with N uint32 fields WORDk. */
static bool gen_renamed_fields(unsigned long n, const char *path,
                               const char *word)
{
    struct unit u;
    unit_init(&u, "renamed.c");
    struct vmsd_desc *d = add_desc(&u, vmsd_model_strdup(&u.model, "vmstate_p"),
                                   vmsd_model_strdup(&u.model, "p"),
                                   VMSD_LINK_GLOBAL);
    struct vmsd_fieldlist *fields = add_fields(&u, d);
    for (unsigned long i = 0; i < n; i++)
        add_uint32(&u, fields, format(&u, "%s%lu", word, i), 0);
    return write_unit(&u, path);
}

static void usage(FILE *out)
{
    fputs("usage: gen-facts objects N DIR   N units of 20 descriptions, one "
          "DIR/oK.vmsdfacts each\n"
          "       gen-facts chain N FILE    one unit: a chain of N "
          "subsections\n"
          "       gen-facts list N FILE     one unit: a description with N "
          "subsections\n"
          "       gen-facts diamond N FILE  one unit: a description nesting "
          "N levels, two fields a level\n"
          "       gen-facts helpers N FILE  one unit: N class_init helpers "
          "that all call each other\n"
          "       gen-facts files N FILE    one unit: N descriptions, "
          "each in a header of its own\n"
          "       gen-facts types N FILE    one unit: N device types, "
          "each creating the next\n"
          "       gen-facts lattice N FILE  one unit: descriptions N deep, "
          "each loading four optional copies of the one below\n"
          "       gen-facts fan N FILE      one unit: N descriptions loaded "
          "by one container, loaded by N others\n"
          "       gen-facts props N DIR     N units of 50 devices whose "
          "subsection a property of the last unit's helper selects\n"
          "       gen-facts renamed-subsections N FILE WORD\n"
          "                                 one unit: a description with N "
          "subsections p/WORDk\n"
          "       gen-facts renamed-fields N FILE WORD\n"
          "                                 one unit: a section of N fields "
          "WORDk\n", out);
}

int main(int argc, char **argv)
{
    long n;
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        usage(stdout);
        return 0;
    }
    bool worded = argc == 5 && strncmp(argv[1], "renamed-", 8) == 0;
    if ((argc != 4 && !worded) || !parse_count(argv[2], 1, MAX_COUNT, &n)) {
        usage(stderr);
        return 2;
    }
    bool ok;
    if (strcmp(argv[1], "objects") == 0)
        ok = gen_units((unsigned long)n, argv[3], 'o', add_objects_unit);
    else if (strcmp(argv[1], "props") == 0)
        ok = gen_units((unsigned long)n, argv[3], 'p', add_props_unit);
    else if (strcmp(argv[1], "chain") == 0)
        ok = gen_chain((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "list") == 0)
        ok = gen_list((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "files") == 0)
        ok = gen_files((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "types") == 0)
        ok = gen_types((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "lattice") == 0)
        ok = gen_lattice((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "fan") == 0)
        ok = gen_fan((unsigned long)n, argv[3]);
    else if (worded && strcmp(argv[1], "renamed-subsections") == 0)
        ok = gen_renamed_subsections((unsigned long)n, argv[3], argv[4]);
    else if (worded && strcmp(argv[1], "renamed-fields") == 0)
        ok = gen_renamed_fields((unsigned long)n, argv[3], argv[4]);
    else if (strcmp(argv[1], "diamond") == 0)
        ok = gen_diamond((unsigned long)n, argv[3]);
    else if (strcmp(argv[1], "helpers") == 0)
        ok = gen_helpers((unsigned long)n, argv[3]);
    else {
        usage(stderr);
        return 2;
    }
    return ok ? 0 : 1;
}
