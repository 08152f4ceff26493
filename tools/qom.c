/* Device types, their descriptions, and -dump-vmstate's JSON. */
#include "qom.h"
#include "program.h"
#include "report.h"

#include "../checker/json-name.h"
#include "../checker/strset.h"
#include "../checker/text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far helpers that hand the class on are followed. */
#define MAX_HELPER_DEPTH 8
/* How long a chain of parents may be. */
#define MAX_TYPE_DEPTH 64

void qom_units_init(struct qom_units *units,
                    const struct vmsd_model *const *models, size_t n)
{
    memset(units, 0, sizeof *units);
    units->models = models;
    units->n = n;
    for (size_t u = 0; u < n; u++) {
        const struct vmsd_model *m = models[u];
        for (size_t i = 0; i < m->n_class_vmsds + m->n_calls; i++) {
            const char *function = i < m->n_class_vmsds
                ? m->class_vmsds[i].function
                : m->calls[i - m->n_class_vmsds].caller;
            struct vmsd_strset_slot *slot =
                vmsd_strset_add_name(&units->functions, function);
            if (!slot->value)
                slot->value = (void *)(uintptr_t)(u + 1);
        }
    }
}

void qom_units_free(struct qom_units *units)
{
    vmsd_strset_free(&units->functions);
}

/* Does UNIT have FUNCTION's body (as far as the facts tell)? */
static bool has_body(const struct vmsd_model *unit, const char *function)
{
    for (size_t i = 0; i < unit->n_class_vmsds; i++)
        if (strcmp(unit->class_vmsds[i].function, function) == 0)
            return true;
    for (size_t i = 0; i < unit->n_calls; i++)
        if (strcmp(unit->calls[i].caller, function) == 0)
            return true;
    return false;
}

/* The unit a call's callee is in: the caller's, else (with external
 * linkage) the one that defines it; N when none does. */
static size_t callee_unit(const struct qom_units *units, size_t unit,
                          const struct vmsd_call *call)
{
    if (has_body(units->models[unit], call->callee) || !call->global)
        return unit;
    struct vmsd_strset_slot *slot =
        vmsd_strset_find_name(&units->functions, call->callee);
    return slot ? (size_t)(uintptr_t)slot->value - 1 : units->n;
}

static const struct vmsd_ref *class_vmsd_at(const struct qom_units *units,
                                            size_t unit, const char *function,
                                            int depth, bool *conditional,
                                            size_t *where)
{
    const struct vmsd_model *m = units->models[unit];
    const struct vmsd_ref *direct = NULL, *maybe = NULL;
    for (size_t i = 0; i < m->n_class_vmsds; i++) {
        const struct vmsd_class_vmsd *c = &m->class_vmsds[i];
        if (strcmp(c->function, function) != 0)
            continue;
        if (c->conditional)
            maybe = &c->vmsd;
        else
            direct = &c->vmsd;
    }
    *where = unit;
    if (direct)
        return direct;
    for (size_t i = 0; depth < MAX_HELPER_DEPTH && i < m->n_calls; i++) {
        if (strcmp(m->calls[i].caller, function) != 0)
            continue;
        size_t in = callee_unit(units, unit, &m->calls[i]);
        const struct vmsd_ref *helper = in == units->n ? NULL
            : class_vmsd_at(units, in, m->calls[i].callee, depth + 1,
                            conditional, where);
        if (helper)
            return helper;
    }
    *where = unit;
    if (maybe)
        *conditional = true;
    return maybe;
}

const struct vmsd_ref *qom_class_vmsd(const struct qom_units *units,
                                      size_t unit, const char *function,
                                      bool *conditional, size_t *where)
{
    *conditional = false;
    *where = unit;
    return function ? class_vmsd_at(units, unit, function, 0, conditional,
                                    where)
                    : NULL;
}

void qom_types_free(struct program_type *types, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(types[i].name);
        free(types[i].parent);
    }
    free(types);
}

/* The JSON -dump-vmstate writes for a description (dump_vmstate_vmsd in
 * QEMU's migration/savevm.c). */
static json_t *json_vmsd(const struct vmsd_desc *d, int depth);

static json_t *json_field(const struct vmsd_field *f, int depth)
{
    json_t *out = json_pack("{s:o, s:i, s:b}", "field",
                            vmsd_json_name(f->name), "version_id",
                            f->version_id, "field_exists",
                            f->has_field_exists);
    if (f->flags & VMSD_VMS_ARRAY)
        json_object_set_new(out, "num", json_integer(f->num));
    json_object_set_new(out, "size", json_integer((json_int_t)f->size));
    if (f->vmsd.target && depth < MAX_TYPE_DEPTH)
        json_object_set_new(out, "Description",
                            json_vmsd(f->vmsd.target, depth + 1));
    return out;
}

static json_t *json_vmsd(const struct vmsd_desc *d, int depth)
{
    /* QEMU prints a description without a name with printf's "%s", which
     * glibc writes as "(null)" (acpi-ged's cpuhp stub on aarch64). */
    json_t *out = json_pack("{s:o, s:i, s:i}", "name",
                            vmsd_json_name(d->name ? d->name : "(null)"),
                            "version_id", d->version_id,
                            "minimum_version_id", d->minimum_version_id);
    if (d->fields) {
        json_t *fields = json_array();
        for (size_t i = 0; i < d->fields->n_fields; i++) {
            const struct vmsd_field *f = &d->fields->fields[i];
            if (!f->name)
                break;
            if (!(f->flags & VMSD_VMS_MUST_EXIST))
                json_array_append_new(fields, json_field(f, depth));
        }
        json_object_set_new(out, "Fields", fields);
    }
    if (d->subsections && depth < MAX_TYPE_DEPTH) {
        json_t *subs = json_array();
        size_t n = vmsd_sublist_length(d->subsections);
        for (size_t i = 0; i < n; i++) {
            const struct vmsd_desc *sub = d->subsections->slots[i].target;
            if (sub)
                json_array_append_new(subs, json_vmsd(sub, depth + 1));
        }
        json_object_set_new(out, "Subsections", subs);
    }
    return out;
}

/* The type's place in the table BY_NAME, or NULL. */
static const struct program_type *type_named(const struct vmsd_strset *by_name,
                                             const char *name)
{
    struct vmsd_strset_slot *slot =
        name ? vmsd_strset_find_name(by_name, name) : NULL;
    return slot ? slot->value : NULL;
}

/* Does T descend from "device" (or is it)? */
static bool is_device(const struct vmsd_strset *by_name,
                      const struct program_type *t)
{
    for (int depth = 0; t && depth < MAX_TYPE_DEPTH; depth++) {
        if (strcmp(t->name, "device") == 0)
            return true;
        t = type_named(by_name, t->parent);
    }
    return false;
}

/* The description T migrates with: its class_init's, else the nearest
 * parent's (QOM runs the parents' class_init first). */
static const struct program_type *vmsd_setter(const struct vmsd_strset *by_name,
                                              const struct program_type *t)
{
    for (int depth = 0; t && depth < MAX_TYPE_DEPTH; depth++) {
        if (t->own_set)
            return t;
        t = type_named(by_name, t->parent);
    }
    return NULL;
}

static int compare_types(const void *pa, const void *pb)
{
    const struct program_type *const *a = pa, *const *b = pb;
    return strcmp((*a)->name, (*b)->name);
}

void qom_find_devices(struct program *program)
{
    struct vmsd_strset by_name = { 0 };
    for (size_t i = 0; i < program->n_types; i++) {
        struct vmsd_strset_slot *slot =
            vmsd_strset_add_name(&by_name, program->types[i].name);
        if (!slot->value)       /* the first definition stays */
            slot->value = (void *)&program->types[i];
    }
    /* The device types, by name, then what each migrates with. */
    const struct program_type **types =
        vmsd_xcalloc(program->n_types + 1, sizeof *types);
    size_t n = 0;
    for (size_t i = 0; i < program->n_types; i++) {
        const struct program_type *t = &program->types[i];
        if (type_named(&by_name, t->name) == t && is_device(&by_name, t))
            types[n++] = t;
    }
    qsort(types, n, sizeof *types, compare_types);
    program->devices = vmsd_xcalloc(n + 1, sizeof *program->devices);
    program->device_conditional = vmsd_xcalloc(n + 1, sizeof(bool));
    program->stateless_types = vmsd_xcalloc(n + 1, sizeof(const char *));
    for (size_t i = 0; i < n; i++) {
        const struct program_type *setter = vmsd_setter(&by_name, types[i]);
        if (!setter)
            program->stateless_types[program->n_stateless_types++] =
                types[i]->name;
        if (!setter || !setter->own_vmsd)
            continue;           /* QEMU's dump leaves it out too */
        program->devices[program->n_devices] =
            (struct vmsd_device){ .type = types[i]->name,
                                 .vmsd = setter->own_vmsd,
                                 .assigned = setter->assigned };
        program->device_conditional[program->n_devices++] =
            setter->conditional;
    }
    free(types);
    vmsd_strset_free(&by_name);
}

char *qom_dump_vmstate(const struct program *program, const char *machine)
{
    if (!program->n_devices) {
        char *name = vmsd_shown(program->name);
        fprintf(stderr, "vmsdcheck: %s has no device type (no TypeInfo "
                "descending from \"device\" in its facts)\n", name);
        free(name);
        return NULL;
    }
    json_t *root = json_object();
    json_object_set_new(root, "vmschkmachine",
                        json_pack("{s:s}", "Name", machine));
    for (size_t i = 0; i < program->n_devices; i++) {
        const struct vmsd_device *dev = &program->devices[i];
        const struct vmsd_desc *d = dev->vmsd;
        if (program->device_conditional[i]) {
            char *name = vmsd_shown(program->name);
            char *type = vmsd_shown(dev->type);
            char *taken = vmsd_shown(d->name ? d->name : "unknown");
            fprintf(stderr, "vmsdcheck: %s: type %s: the class sets vmsd "
                    "only under a condition; taken as %s\n", name, type,
                    taken);
            free(taken);
            free(type);
            free(name);
        }
        json_object_set_new(root, dev->type, json_pack(
            "{s:s, s:i, s:i, s:o}", "Name", dev->type,
            "version_id", d->version_id,
            "minimum_version_id", d->minimum_version_id,
            "Description", json_vmsd(d, 0)));
    }
    return report_json_text(root);
}
