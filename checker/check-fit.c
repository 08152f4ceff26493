/* description-misfit: a description must fit what it is loaded into.
 *
 * A description's fields are offsets into one struct.  The loader adds
 * them to the address it is given: for a device's description, the
 * device's instance (QEMU's isa-vga loaded vmstate_vga_common, of
 * VGACommonState, into an ISAVGAState, which holds its VGACommonState
 * at offset 96, for fifteen years: every load wrote over the wrong
 * memory); for a nested description, the member the field names.  So
 * the description's struct must be that struct, or sit at its offset 0
 * (a description of DeviceState or PCIDevice loads into any device
 * struct that starts with one).
 *
 * The plugin found which structs each description's fields match (Y),
 * which struct each QOM type's instances are (I, followed through the
 * parents by the tool) and what sits at offset 0 of those structs (O).
 * When either side is unknown the rule says nothing and counts it. */
#include "check.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A struct named in two units with two different heads: no chain is
 * followed through it. */
static const struct vmsd_struct_head conflicting;

struct fit_tables {
    struct vmsd_strset heads;           /* name -> struct vmsd_struct_head */
    struct vmsd_uid_index structs;      /* desc uid -> vmsd_desc_structs */
    size_t n_heads;
};

static void tables_init(struct fit_tables *t, const struct vmsd_model *model)
{
    memset(t, 0, sizeof *t);
    t->n_heads = model->n_struct_heads;
    t->heads.borrows_keys = true;       /* the model's, which outlive it */
    vmsd_strset_reserve(&t->heads, model->n_struct_heads);
    for (size_t i = 0; i < model->n_struct_heads; i++) {
        const struct vmsd_struct_head *o = &model->struct_heads[i];
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(&t->heads,
                                                             o->name);
        const struct vmsd_struct_head *had = slot->value;
        if (!had)
            slot->value = (void *)o;
        else if (had != &conflicting
                 && (had->size != o->size || !had->first != !o->first
                     || (o->first && strcmp(had->first, o->first) != 0)))
            slot->value = (void *)&conflicting;
    }
    for (size_t i = 0; i < model->n_desc_structs; i++)
        vmsd_uid_index_put(&t->structs, model->desc_structs[i].desc,
                           &model->desc_structs[i]);
}

static void tables_free(struct fit_tables *t)
{
    vmsd_strset_free(&t->heads);
    vmsd_uid_index_free(&t->structs);
}

static const struct vmsd_struct_head *head_of(const struct fit_tables *t,
                                              const char *name)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(&t->heads, name);
    const struct vmsd_struct_head *head = slot ? slot->value : NULL;
    return head == &conflicting ? NULL : head;
}

/* The structs D's fields match, or NULL when unknown (none matched, or
 * the plugin could not tell). */
static const struct vmsd_desc_structs *structs_of(const struct fit_tables *t,
                                                  const struct vmsd_desc *d)
{
    const struct vmsd_desc_structs *y =
        d ? vmsd_uid_index_get(&t->structs, d->uid) : NULL;
    return y && y->n_names ? y : NULL;
}

enum fit { FIT, MISFIT, UNKNOWN };

/* Is one of Y's structs HOLDER, or at offset 0 of it (down the chain of
 * first members)?  UNKNOWN when the chain cannot be followed to its
 * end. */
static enum fit fits(const struct fit_tables *t,
                     const struct vmsd_desc_structs *y, const char *holder)
{
    const char *at = holder;
    for (size_t steps = 0; at && steps <= t->n_heads; steps++) {
        for (size_t i = 0; i < y->n_names; i++)
            if (strcmp(y->names[i], at) == 0)
                return FIT;
        const struct vmsd_struct_head *head = head_of(t, at);
        if (!head)
            return UNKNOWN;
        at = head->first;
    }
    return at ? UNKNOWN : MISFIT;
}

/* "'A'" or "'A' (or N other structs of its layout)". */
static char *struct_text(const struct vmsd_check *check,
                         const struct vmsd_desc_structs *y)
{
    const struct vmsd_text_style *style = &check->config->style;
    return y->n_names == 1
           ? vmsd_format(style, "%q", y->names[0])
           : vmsd_format(style, "%q (or %z other struct%s of its layout)",
                         y->names[0], y->n_names - 1,
                         y->n_names == 2 ? "" : "s");
}

/* A note at HOLDER's definition, with what sits at its offset 0. */
static void note_holder(const struct vmsd_check *check,
                        struct vmsd_finding *f, const struct fit_tables *t,
                        const char *holder, const char *what)
{
    const struct vmsd_struct_head *head = head_of(t, holder);
    if (!head)
        return;
    const struct vmsd_text_style *style = &check->config->style;
    char *chain = NULL;
    const char *at = head->first;
    for (size_t steps = 0; at && steps <= t->n_heads; steps++) {
        char *longer = chain ? vmsd_format(style, "%s, %q", chain, at)
                             : vmsd_format(style, "%q", at);
        free(chain);
        chain = longer;
        const struct vmsd_struct_head *next = head_of(t, at);
        at = next ? next->first : NULL;
    }
    if (chain)
        vmsd_finding_note(check, f, head->loc, "%q, %s, is defined here; "
                          "at its offset 0: %s", holder, what, chain);
    else
        vmsd_finding_note(check, f, head->loc, "%q, %s, is defined here; "
                          "no struct is at its offset 0", holder, what);
    free(chain);
}

/* A description set only under a condition may be another type's (a
 * class_init shared by two types that picks by its data): its
 * instances are taken as unknown. */
static void check_device(const struct vmsd_check *check,
                         const struct fit_tables *t,
                         const struct vmsd_device *dev, bool conditional,
                         struct vmsd_fit_counts *counts)
{
    const struct vmsd_desc_structs *y = structs_of(t, dev->vmsd);
    enum fit fit = !y || !dev->instance || conditional ? UNKNOWN
                   : fits(t, y, dev->instance);
    if (fit == UNKNOWN) {
        if (!y)
            counts->devices_desc_unknown++;
        else
            counts->devices_instance_unknown++;
        return;
    }
    if (fit == FIT) {
        counts->devices_fit++;
        return;
    }
    counts->devices_misfit++;
    const char *label = vmsd_desc_label(dev->vmsd);
    char *into = struct_text(check, y);
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_DESCRIPTION_MISFIT, dev->assigned,
        "device type %q migrates with %q, whose fields are offsets into %s, "
        "but its instances are %q, which does not start with one: loading "
        "writes the state over other memory", dev->type, label, into,
        dev->instance);
    vmsd_finding_about(f, dev->type, label);
    vmsd_finding_note(check, f, dev->vmsd->loc, "%q is defined here, its "
                      "fields offsets into %s", dev->vmsd->symbol, into);
    note_holder(check, f, t, dev->instance, "the struct of the device's "
                "instances");
    vmsd_finding_note(check, f, dev->assigned, "to fix it, give %q a "
                      "description of %q that loads %q with VMSTATE_STRUCT "
                      "at the member that holds it", dev->type,
                      dev->instance, label);
    vmsd_finding_end(check, f);
    free(into);
}

static void check_nested(const struct vmsd_check *check,
                         const struct fit_tables *t,
                         const struct vmsd_desc *parent,
                         const struct vmsd_field *field,
                         struct vmsd_fit_counts *counts)
{
    const struct vmsd_desc_structs *y = structs_of(t, field->vmsd.target);
    enum fit fit = y ? fits(t, y, field->member_type) : UNKNOWN;
    if (fit != MISFIT) {
        if (fit == FIT)
            counts->nested_fit++;
        else
            counts->nested_unknown++;
        return;
    }
    counts->nested_misfit++;
    const struct vmsd_desc *nested = field->vmsd.target;
    char *into = struct_text(check, y);
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_DESCRIPTION_MISFIT, field->loc,
        "field %q of %q loads %q, whose fields are offsets into %s, into a "
        "member of type %q, which does not start with one: loading writes "
        "the state over other memory", field->name, vmsd_desc_label(parent),
        vmsd_desc_label(nested), into, field->member_type);
    vmsd_finding_about(f, vmsd_desc_label(parent), field->name);
    vmsd_finding_note(check, f, nested->loc, "%q is defined here, its "
                      "fields offsets into %s", nested->symbol, into);
    note_holder(check, f, t, field->member_type, "the member's type");
    vmsd_finding_end(check, f);
    free(into);
}

void vmsd_check_description_fit(const struct vmsd_check *check)
{
    const struct vmsd_program_facts *program = check->program;
    const struct vmsd_model *model = program->model;
    struct vmsd_fit_counts scratch = { 0 };
    struct vmsd_fit_counts *counts = program->fit ? program->fit : &scratch;
    struct fit_tables t;
    tables_init(&t, model);
    for (size_t i = 0; i < program->n_devices; i++)
        check_device(check, &t, &program->devices[i],
                     program->device_conditional
                     && program->device_conditional[i], counts);
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        for (size_t k = 0; d->defined && d->fields
                           && k < d->fields->n_fields; k++) {
            const struct vmsd_field *field = &d->fields->fields[k];
            if (field->member_type && field->vmsd.target)
                check_nested(check, &t, d, field, counts);
        }
    }
    tables_free(&t);
}
