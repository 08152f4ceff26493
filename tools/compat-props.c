/* Which machine types send a subsection that a device property selects.
 *
 * QEMU keeps new state from older machine types with a property: the
 * subsection's needed function returns s->m, a member a Property sets
 * (DEFINE_PROP_BOOL("x-foo", FooState, m, true)), and the older machine
 * types' compat arrays set the property back ({ "foo", "x-foo", "off" }).
 * The join: the needed function's X record in the unit that defines the
 * subsection (the member's struct and offset, and the form of its
 * return), the device type's Property arrays (W, through its parents'
 * class_inits, W *), and each machine type's compat properties in the
 * order they are added (machines.c), whose driver is the type or one of
 * its parents.  The member is matched by offset; when the unit names
 * the struct of the type's instances (its QOM cast, I), the needed
 * function must read that struct. */
#include "compat-props.h"

#include "machines.h"
#include "program.h"
#include "../checker/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Types don't loop in QEMU; this bounds a walk that would. */
#define MAX_ANCESTORS 64

/* A QOM type's first definition among the units. */
struct type_def {
    size_t unit;
    const struct vmsd_qom_type *type;
};

struct join {
    struct program *program;
    const struct vmsd_model *const *models;
    size_t n;
    struct vmsd_strset types;           /* name -> struct type_def */
    struct vmsd_strset casts;           /* type -> its instance struct */
    struct vmsd_strset predicates;      /* (subsection, needed) ->
                                           predicate, or &ambiguous */
    struct vmsd_strset field_tests;     /* (description, field_exists)
                                           -> the same */
    struct vmsd_strset visited;         /* (unit, function) a property
                                           search has been through */
    struct vmsd_strset holders;         /* function -> 1 + its index in
                                           unit_lists */
    struct unit_list *unit_lists;
    size_t n_unit_lists;
    struct machine_props *machine_props;        /* by machine type */
    struct type_def *defs;
};

/* A machine type's compat properties in the order they are added: the
 * same for every subsection, so listed once. */
struct machine_props {
    struct machine_property *props;     /* NULL: not known */
    size_t n;
    bool listed;
};

/* The units, in order, where a function sets a property array or calls
 * another: a search for a callee with external linkage goes to these
 * only, not to every unit of the program. */
struct unit_list {
    size_t *units;
    size_t n;
};

static const struct vmsd_predicate ambiguous;

static const struct vmsd_predicate *unit_predicate(const struct vmsd_model *m,
                                                   const char *function)
{
    for (size_t i = 0; i < m->n_predicates; i++)
        if (strcmp(m->predicates[i].function, function) == 0)
            return &m->predicates[i];
    return NULL;
}

/* X under (NAME, FUNCTION) in SET, when it has a form the tool
 * decides; two units that disagree make it ambiguous. */
static void note_predicate(struct vmsd_strset *set, const char *name,
                           const char *function,
                           const struct vmsd_predicate *x)
{
    if (!x || x->how == '?' || !x->n_reads)
        return;
    struct vmsd_strset_slot *s = vmsd_strset_add_pair(set, name, function);
    s->value = s->value && s->value != x ? (void *)&ambiguous : (void *)x;
}

/* Note that unit U defines FUNCTION (sets an array in it, or calls
 * from it). */
static void note_holder(struct join *j, const char *function, size_t u)
{
    struct vmsd_strset_slot *s = vmsd_strset_add_name(&j->holders, function);
    if (!s->value) {
        VMSD_APPEND(j->unit_lists, j->n_unit_lists);
        s->value = (void *)(uintptr_t)j->n_unit_lists;
    }
    struct unit_list *l = &j->unit_lists[(uintptr_t)s->value - 1];
    if (l->n && l->units[l->n - 1] == u)
        return;
    l->units = vmsd_grow(l->units, l->n, sizeof *l->units);
    l->units[l->n++] = u;
}

static const struct unit_list *holders_of(const struct join *j,
                                          const char *function)
{
    struct vmsd_strset_slot *s = vmsd_strset_find_name(&j->holders, function);
    return s ? &j->unit_lists[(uintptr_t)s->value - 1] : NULL;
}

static void index_units(struct join *j)
{
    size_t n_types = 0, n_instances = 0, n_holders = 0;
    for (size_t u = 0; u < j->n; u++) {
        const struct vmsd_model *m = j->models[u];
        n_types += m->n_types;
        n_instances += m->n_instances;
        n_holders += m->n_props_sets + m->n_calls;      /* at most */
    }
    /* Room for every name at once: not grown name by name. */
    vmsd_strset_reserve(&j->types, n_types);
    vmsd_strset_reserve(&j->casts, n_instances);
    vmsd_strset_reserve(&j->holders, n_holders);
    j->defs = vmsd_xcalloc(n_types + 1, sizeof *j->defs);
    size_t k = 0;
    for (size_t u = 0; u < j->n; u++) {
        const struct vmsd_model *m = j->models[u];
        for (size_t i = 0; i < m->n_types; i++) {
            struct vmsd_strset_slot *s =
                vmsd_strset_add_name(&j->types, m->types[i].name);
            if (s->value)
                continue;
            j->defs[k] = (struct type_def){ u, &m->types[i] };
            s->value = &j->defs[k++];
        }
        for (size_t i = 0; i < m->n_props_sets; i++)
            note_holder(j, m->props_sets[i].function, u);
        for (size_t i = 0; i < m->n_calls; i++)
            note_holder(j, m->calls[i].caller, u);
        /* Only a cast names the struct: a type with just its size
         * (an I record without one) adds nothing. */
        for (size_t i = 0; i < m->n_instances; i++) {
            if (!m->instances[i].structure)
                continue;
            struct vmsd_strset_slot *s =
                vmsd_strset_add_name(&j->casts, m->instances[i].type);
            if (!s->value)
                s->value = m->instances[i].structure;
        }
        /* The subsections' needed functions, by the subsection's name and
         * the function's (a static function is its unit's), and the
         * fields' tests by their description's name and the function's. */
        for (size_t i = 0; i < m->n_descs; i++) {
            const struct vmsd_desc *d = m->descs[i];
            if (!d->defined || !d->name)
                continue;
            if (d->needed)
                note_predicate(&j->predicates, d->name, d->needed,
                               unit_predicate(m, d->needed));
            for (size_t k = 0; d->fields && k < d->fields->n_fields; k++) {
                const char *test = d->fields->fields[k].field_exists;
                if (test)
                    note_predicate(&j->field_tests, d->name, test,
                                   unit_predicate(m, test));
            }
        }
    }
}

static const struct type_def *type_def(const struct join *j, const char *name)
{
    struct vmsd_strset_slot *s = name ? vmsd_strset_find_name(&j->types, name)
                                      : NULL;
    return s ? s->value : NULL;
}

/* How deep the helpers a class_init hands its class to are followed. */
#define MAX_HELPER_DEPTH 4

/* The bool property on the member at OFFSET of the arrays FUNCTION of
 * unit U sets (device_class_set_props), itself or through the functions
 * it hands the class to: in its unit, or, with external linkage, in the
 * units where the callee sets an array or calls on (holders_of).  Each
 * (unit, function) is searched once a subsection, so the search is
 * bounded by the calls of the program however they chain. */
static const struct vmsd_device_property *function_property(
    struct join *j, size_t u, const char *function, uint64_t offset,
    int depth)
{
    char unit[32];
    snprintf(unit, sizeof unit, "%zu", u);
    struct vmsd_strset_slot *seen =
        vmsd_strset_add_pair(&j->visited, unit, function);
    if (seen->value)
        return NULL;
    seen->value = (void *)function;
    const struct vmsd_model *m = j->models[u];
    for (size_t i = 0; i < m->n_props_sets; i++) {
        const struct vmsd_props_set *set = &m->props_sets[i];
        if (strcmp(set->function, function))
            continue;
        for (size_t a = 0; a < m->n_device_props; a++) {
            const struct vmsd_device_props *arr = &m->device_props[a];
            if (strcmp(arr->array, set->array))
                continue;
            for (size_t p = 0; p < arr->n_props; p++)
                if (arr->props[p].offset == offset
                    && arr->props[p].bool_default != '-')
                    return &arr->props[p];
        }
    }
    for (size_t c = 0; depth < MAX_HELPER_DEPTH && c < m->n_calls; c++) {
        const struct vmsd_call *call = &m->calls[c];
        if (strcmp(call->caller, function))
            continue;
        const struct unit_list *in = call->global
            ? holders_of(j, call->callee)
            : &(struct unit_list){ &u, 1 };
        for (size_t k = 0; in && k < in->n; k++) {
            const struct vmsd_device_property *found = function_property(
                j, in->units[k], call->callee, offset, depth + 1);
            if (found)
                return found;
        }
    }
    return NULL;
}

/* The bool property of TYPE's class on the member at OFFSET. */
static const struct vmsd_device_property *own_property(
    struct join *j, const struct type_def *t, uint64_t offset)
{
    return t->type->class_init
           ? function_property(j, t->unit, t->type->class_init, offset, 0)
           : NULL;
}

/* TYPE and its parents, nearest first; how many. */
static size_t ancestors(const struct join *j, const char *type,
                        const struct type_def **out)
{
    size_t n = 0;
    for (const struct type_def *t = type_def(j, type);
         t && n < MAX_ANCESTORS; t = type_def(j, t->type->parent))
        out[n++] = t;
    return n;
}

/* Does a QOM cast of the chain name a struct, and is it STRUCTURE? */
static bool struct_agrees(const struct join *j, const struct type_def **chain,
                          size_t n, const char *structure)
{
    bool named = false;
    for (size_t i = 0; i < n; i++) {
        struct vmsd_strset_slot *s =
            vmsd_strset_find_name(&j->casts, chain[i]->type->name);
        if (!s)
            continue;
        named = true;
        if (strcmp(s->value, structure) == 0)
            return true;
    }
    return !named;
}

/* QEMU's boolean words (qapi_bool_parse). */
static bool parse_bool(const char *value, bool *out)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    for (size_t i = 0; value && i < 4; i++) {
        if (strcmp(value, yes[i]) == 0 || strcmp(value, no[i]) == 0) {
            *out = strcmp(value, yes[i]) == 0;
            return true;
        }
    }
    return false;
}

static bool in_chain(const struct type_def **chain, size_t n,
                     const char *driver)
{
    for (size_t i = 0; driver && i < n; i++)
        if (strcmp(chain[i]->type->name, driver) == 0)
            return true;
    return false;
}

/* Machine type I's compat properties, listed when first needed. */
static const struct machine_props *machine_props(struct join *j, size_t i)
{
    struct machine_props *mp = &j->machine_props[i];
    if (!mp->listed) {
        mp->props = machines_properties(&j->program->machines.machines[i],
                                        &mp->n);
        mp->listed = true;
    }
    return mp;
}

/* The property's value on machine type M and what that makes of a
 * needed function of form HOW. */
static struct vmsd_machine_sends machine_sends(
    const struct machine_type *m, const struct machine_props *mp,
    const struct type_def **chain, size_t n_chain, const char *property,
    bool value, char how, const struct machine_policy *policy)
{
    struct vmsd_machine_sends out = { m->name, -1, -1, false,
                                      VMSD_SENDS_UNKNOWN, NULL, NULL };
    if (m->versioned) {
        out.major = m->major;
        out.minor = m->minor;
        out.released = !policy->known || m->major < policy->qemu_major
                       || (m->major == policy->qemu_major
                           && m->minor <= policy->qemu_minor);
    }
    const struct machine_property *props = mp->props;
    bool known = props != NULL;
    for (size_t i = 0; known && i < mp->n; i++) {
        const struct vmsd_global_property *e = props[i].entry;
        if (!e) {
            known = false;      /* an array no unit defines */
            continue;
        }
        if (!e->driver || !e->property) {
            known = false;
            continue;
        }
        /* The property first: it rules out nearly every entry at once,
         * the type chain would take a comparison a type. */
        if (strcmp(e->property, property)
            || !in_chain(chain, n_chain, e->driver))
            continue;
        known = !props[i].conditional && parse_bool(e->value, &value);
        out.value = e->value;
        out.array = props[i].array;
    }
    if (known)
        /* "m && ..." with m on can be true: it counts as sent, which
         * is what the gate and db retire must assume. */
        out.sends = how == '!' ? (value ? VMSD_SENDS_NO : VMSD_SENDS_YES)
                    : value ? VMSD_SENDS_YES : VMSD_SENDS_NO;
    return out;
}

/* An entry for subsection NAME of DEV's description (or, FIELD, its
 * field NAME), whose needed (field_exists) function FUNCTION is X, when
 * X tests one of DEV's bool properties. */
static void join_predicate(struct join *j, const struct vmsd_device *dev,
                           const struct vmsd_strset *set, const char *key,
                           const char *name, const char *function,
                           bool field)
{
    struct vmsd_strset_slot *s = vmsd_strset_find_pair(set, key, function);
    const struct vmsd_predicate *x = s ? s->value : NULL;
    if (!x || x == &ambiguous)
        return;
    const struct type_def *chain[MAX_ANCESTORS];
    size_t n_chain = ancestors(j, dev->type, chain);
    if (!struct_agrees(j, chain, n_chain, x->reads[0].structure))
        return;
    const struct vmsd_device_property *prop = NULL;
    for (size_t i = 0; !prop && i < n_chain; i++)
        prop = own_property(j, chain[i], x->reads[0].offset);
    vmsd_strset_free(&j->visited);
    memset(&j->visited, 0, sizeof j->visited);
    if (!prop)
        return;
    struct program *p = j->program;
    const struct machine_set *machines = &p->machines;
    struct vmsd_sub_sends *e = VMSD_APPEND(p->sub_sends, p->n_sub_sends);
    memset(e, 0, sizeof *e);
    e->parent = dev->vmsd->name;
    e->subsection = name;
    e->field = field;
    e->device = dev->type;
    e->needed = function;
    e->property = vmsd_strset_add_name(&p->machine_names, prop->name)->key;
    e->property_default = prop->bool_default == '1';
    e->machines = vmsd_xcalloc(machines->n_machines + 1, sizeof *e->machines);
    for (size_t i = 0; i < machines->n_machines; i++)
        if (machines->machines[i].status != MACHINE_DELETED)
            e->machines[e->n_machines++] = machine_sends(
                &machines->machines[i], machine_props(j, i), chain, n_chain,
                prop->name, e->property_default, x->how, &machines->policy);
}

void compat_props_find(struct program *program,
                       const struct vmsd_model *const *models, size_t n)
{
    struct join j = { .program = program, .models = models, .n = n };
    j.types.borrows_keys = j.casts.borrows_keys = true;
    j.holders.borrows_keys = true;
    j.machine_props = vmsd_xcalloc(program->machines.n_machines + 1,
                                   sizeof *j.machine_props);
    index_units(&j);
    for (size_t i = 0; i < program->n_devices; i++) {
        const struct vmsd_device *dev = &program->devices[i];
        const struct vmsd_desc *d = dev->vmsd;
        const struct vmsd_sublist *list = d->subsections;
        size_t length = list && d->name && j.predicates.count
                        ? vmsd_sublist_length(list) : 0;
        for (size_t k = 0; k < length; k++) {
            const struct vmsd_desc *sub = list->slots[k].target;
            if (sub && sub->name && sub->needed)
                join_predicate(&j, dev, &j.predicates, sub->name, sub->name,
                               sub->needed, false);
        }
        size_t n_fields = d->fields && d->name && j.field_tests.count
                          ? d->fields->n_fields : 0;
        for (size_t k = 0; k < n_fields; k++) {
            const struct vmsd_field *f = &d->fields->fields[k];
            if (f->name && f->field_exists)
                join_predicate(&j, dev, &j.field_tests, d->name, f->name,
                               f->field_exists, true);
        }
    }
    vmsd_strset_free(&j.types);
    vmsd_strset_free(&j.casts);
    vmsd_strset_free(&j.predicates);
    vmsd_strset_free(&j.field_tests);
    vmsd_strset_free(&j.holders);
    for (size_t i = 0; i < j.n_unit_lists; i++)
        free(j.unit_lists[i].units);
    free(j.unit_lists);
    for (size_t i = 0; i < program->machines.n_machines; i++)
        free(j.machine_props[i].props);
    free(j.machine_props);
    free(j.defs);
}

void compat_props_free(struct program *program)
{
    for (size_t i = 0; i < program->n_sub_sends; i++)
        free(program->sub_sends[i].machines);
    free(program->sub_sends);
    program->sub_sends = NULL;
    program->n_sub_sends = 0;
}
