/* The gate's rules on the other direction: the base loading what the
 * change sends.  backward-section-added, backward-subsection-added,
 * backward-subsection-always-sent (backward-version-raised and
 * backward-field-added are with the field rules).
 *
 * QEMU migrates back from a newer build to an older one on the same
 * versioned machine type.  So new state goes into a subsection whose
 * needed function a compat property turns off for the older machine
 * types: the older loader fails on a subsection name its parent does not
 * list ("does not exist") and on a section it does not know.  When the
 * needed function tests a device property (tools/compat-props.c), the
 * tool has worked out which machine types send the subsection: a new
 * subsection no released machine type sends breaks nothing (the gate
 * counts it), one that a released machine type sends is a break there,
 * named.  What cannot be told stays as it was: the rules say where to
 * look. */
#include "baseline.h"
#include "check.h"
#include "names.h"

/* The base's description named NAME. */
static const struct vmsd_base_desc *base_desc(const struct vmsd_check *check,
                                              const char *name)
{
    struct vmsd_strset_slot *slot =
        vmsd_strset_find_name(&check->program->base->names, name);
    return slot ? slot->value : NULL;
}

typedef void new_entry_fn(const struct vmsd_check *check,
                          const struct vmsd_desc *parent,
                          const struct vmsd_ref *entry,
                          const struct vmsd_base_desc *base_parent);

/* FN for each subsection entry of the change whose parent the base has,
 * once per (parent, subsection) name. */
static void each_entry(const struct vmsd_check *check, new_entry_fn *fn)
{
    const struct vmsd_model *model = check->program->model;
    if (!check->program->base)
        return;
    struct vmsd_strset seen = { 0 };
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *parent = model->descs[i];
        const struct vmsd_base_desc *base_parent =
            parent->defined && parent->name && parent->subsections
            ? base_desc(check, parent->name) : NULL;
        size_t n = base_parent ? vmsd_sublist_length(parent->subsections) : 0;
        for (size_t j = 0; j < n; j++) {
            const struct vmsd_ref *entry = &parent->subsections->slots[j];
            const struct vmsd_desc *sub = entry->target;
            if (!sub || !sub->defined || !sub->name
                || !vmsd_name_extends(sub->name, parent->name)
                || vmsd_strset_find_pair(&seen, parent->name, sub->name))
                continue;
            vmsd_strset_add_pair(&seen, parent->name, sub->name);
            fn(check, parent, entry, base_parent);
        }
    }
    vmsd_strset_free(&seen);
}

static void subsection_added(const struct vmsd_check *check,
                             const struct vmsd_desc *parent,
                             const struct vmsd_ref *entry,
                             const struct vmsd_base_desc *base_parent)
{
    const struct vmsd_desc *sub = entry->target;
    const struct vmsd_program_facts *p = check->program;
    if (vmsd_base_has_pair(p->base, parent->name, sub->name))
        return;
    const struct vmsd_sub_sends *sends = NULL;
    const struct vmsd_machine_sends *machine = NULL;
    enum vmsd_sends sent = sub->needed
        ? vmsd_sub_sends_find(p->sub_sends, p->n_sub_sends, parent->name,
                              sub->name, false, true, &sends, &machine)
        : VMSD_SENDS_UNKNOWN;
    if (sent == VMSD_SENDS_NO) {
        if (check->compared)
            check->compared->kept_back++;
        return;
    }
    struct vmsd_finding *f = sub->needed
        ? vmsd_finding_begin(check, VMSD_RULE_BACKWARD_SUBSECTION_ADDED,
              entry->loc, "subsection %q of %q is new: the base fails to "
              "load a stream that carries it, which is whenever its needed "
              "function %q says so", sub->name, parent->name, sub->needed)
        : vmsd_finding_begin(check, VMSD_RULE_BACKWARD_SUBSECTION_ADDED,
              entry->loc, "subsection %q of %q is new and has no needed "
              "function: it is always sent, and the base fails to load "
              "every stream of this build", sub->name, parent->name);
    vmsd_finding_about(f, parent->name, sub->name);
    vmsd_finding_note(check, f, sub->loc, "%q is defined here", sub->name);
    vmsd_finding_note(check, f, base_parent->loc, "the base's %q has no "
                      "subsection of that name", parent->name);
    if (sent == VMSD_SENDS_YES) {
        vmsd_finding_note(check, f, sub->loc, "%q tests property %q of %q, "
                          "which is %q on the released machine type %q (%s): "
                          "the subsection can be sent there", sub->needed,
                          sends->property, sends->device,
                          machine->value ? machine->value
                          : sends->property_default ? "on" : "off",
                          machine->machine, machine->array
                          ? machine->array : "its default; no compat "
                            "property of that machine type sets it");
        vmsd_finding_remedy(check, f, "set %q of %q back for %q and the "
                            "older machine types in their compat array, so "
                            "that %q is false there", sends->property,
                            sends->device, machine->machine, sub->needed);
        vmsd_finding_end(check, f);
        return;
    }
    vmsd_finding_remedy(check, f, "give %q a needed function that is false "
                        "on the machine types the base has, through a "
                        "compat property of those machine types (check that "
                        "one does)", sub->name);
    vmsd_finding_end(check, f);
}

static void always_sent(const struct vmsd_check *check,
                        const struct vmsd_desc *parent,
                        const struct vmsd_ref *entry,
                        const struct vmsd_base_desc *base_parent)
{
    (void)base_parent;
    const struct vmsd_desc *sub = entry->target;
    const struct vmsd_base_desc *old = base_desc(check, sub->name);
    if (sub->needed || !old || !old->needed
        || !vmsd_base_has_pair(check->program->base, parent->name, sub->name))
        return;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_BACKWARD_SUBSECTION_ALWAYS_SENT, sub->loc,
        "subsection %q of %q has lost its needed function (the base's is "
        "%q): it is now sent on every machine type, also those whose "
        "compat property kept it back for versions that cannot load it",
        sub->name, parent->name, old->needed);
    vmsd_finding_about(f, parent->name, sub->name);
    vmsd_finding_note(check, f, old->loc, "the base defines %q here, with "
                      "needed function %q", old->name, old->needed);
    vmsd_finding_remedy(check, f, "keep a needed function, false where a "
                        "compat property of older machine types says so");
    vmsd_finding_end(check, f);
}

void vmsd_check_backward_subsection_added(const struct vmsd_check *check)
{
    each_entry(check, subsection_added);
}

void vmsd_check_backward_always_sent(const struct vmsd_check *check)
{
    each_entry(check, always_sent);
}

/* A device type the base migrated with no description: the section its
 * class now registers is unknown to the base ("unknown section"). */
void vmsd_check_backward_section_added(const struct vmsd_check *check)
{
    const struct vmsd_base_program *base = check->program->base;
    for (size_t i = 0; base && i < check->now->n_devices; i++) {
        const struct vmsd_base_device *dev = &check->now->devices[i];
        if (!vmsd_strset_find_name(&base->stateless, dev->type))
            continue;
        struct vmsd_loc at = dev->assigned.line ? dev->assigned : dev->loc;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_BACKWARD_SECTION_ADDED, at, "device type %q now "
            "migrates with %q and had no migration state in the base: the "
            "base fails to load a stream from a machine with it (unknown "
            "section %q)", dev->type, dev->vmsd, dev->vmsd);
        vmsd_finding_about_device(f, dev->type);
        vmsd_finding_note(check, f, dev->loc, "%q is defined here",
                          dev->vmsd);
        vmsd_finding_remedy(check, f, "check that the machine types the "
                            "base has keep this state from migrating (a "
                            "compat property), or accept that machines "
                            "with %q cannot migrate back", dev->type);
        vmsd_finding_end(check, f);
    }
}
