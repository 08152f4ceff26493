/* The gate and machine types: QEMU promises migration compatibility
 * only for versioned machine types (pc-q35-10.2, virt-10.2).  A break
 * in a device that only unversioned machine types can contain (the
 * Aspeed boards, highbank) breaks no promise: it stays reported, as a
 * warning that says so; a break in a device a versioned machine type
 * can contain stays an error and names one such machine type.
 *
 * A finding is about a device type (device-section-changed,
 * backward-section-added) or a description: a description is the
 * device's when its section carries it, as the section itself, a
 * subsection or a nested description, in the base or in the change.
 * Each device type's verdict joins both builds': a versioned machine
 * type in either wins; a device type that no machine type is seen to
 * contain is below error as well (nothing a machine type makes can
 * carry it), one the facts do not know is left as it is; an abstract
 * type is no device of its own.  The
 * descriptions take the strongest verdict of the device types whose
 * sections reach them: one walk per verdict, each description visited
 * once per walk. */
#include "baseline.h"
#include "check.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* From weakest to strongest. */
enum reach {
    REACH_NONE,                 /* no device type's: left as it is */
    REACH_UNVERSIONED,          /* only unversioned machine types */
    REACH_UNSEEN,               /* a device type the facts know that no
                                   machine type is seen to contain */
    REACH_VERSIONED,            /* a versioned machine type */
};

struct verdict {
    enum reach reach;
    const char *type;           /* the device type it comes from */
    const char *machines;       /* the machine type, or the list */
};

struct gate_machines {
    const struct vmsd_program_facts *program;
    const struct vmsd_base_program *base, *now;
    struct verdict *verdicts;   /* one a device of either build */
    struct vmsd_strset descs;   /* description name -> its verdict */
};

static enum reach side_reach(const struct vmsd_type_machines *tm,
                             const char **machines)
{
    if (tm->versioned) {
        *machines = tm->versioned;
        return REACH_VERSIONED;
    }
    if (tm->abstract)
        return REACH_NONE;
    *machines = tm->unversioned;
    return tm->unversioned ? REACH_UNVERSIONED : REACH_UNSEEN;
}

/* TYPE's verdict, both builds joined: the strongest, the base's on a
 * tie. */
static struct verdict type_verdict(const struct gate_machines *gm,
                                   const char *type)
{
    /* The base's first: its newest versioned machine type is one both
     * builds have, the change's may be new. */
    const struct vmsd_type_machines *sides[2] = {
        vmsd_find_type_machines(gm->base->type_machines,
                                gm->base->n_type_machines, type),
        vmsd_find_type_machines(gm->program->type_machines,
                                gm->program->n_type_machines, type) };
    /* A type neither build's facts know is left as it is. */
    struct verdict v = { REACH_NONE, type, NULL };
    for (int i = 0; i < 2; i++) {
        const char *machines = NULL;
        enum reach r = sides[i] ? side_reach(sides[i], &machines) : REACH_NONE;
        if (r > v.reach) {
            v.reach = r;
            v.machines = machines;
        }
    }
    return v;
}

/* Give V to NAME and what its section carries, where nothing stronger
 * came first. */
static void spread(struct gate_machines *gm, const char *name,
                   struct verdict *v, const char ***stack)
{
    size_t depth = 0;
    *stack = vmsd_grow(*stack, depth, sizeof **stack);
    (*stack)[depth++] = name;
    while (depth) {
        const char *at = (*stack)[--depth];
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(&gm->descs, at);
        if (slot->value)
            continue;
        slot->value = (void *)v;
        const struct vmsd_base_program *sides[2] = { gm->now, gm->base };
        for (int s = 0; s < 2; s++) {
            struct vmsd_strset_slot *d =
                vmsd_strset_find_name(&sides[s]->names, at);
            const struct vmsd_base_desc *desc = d ? d->value : NULL;
            for (size_t i = 0; desc && i < desc->n_fields; i++)
                if (desc->fields[i].nested) {
                    *stack = vmsd_grow(*stack, depth, sizeof **stack);
                    (*stack)[depth++] = desc->fields[i].nested;
                }
            for (size_t i = 0; desc && i < desc->n_subs; i++) {
                *stack = vmsd_grow(*stack, depth, sizeof **stack);
                (*stack)[depth++] = desc->subs[i].name;
            }
        }
    }
}

struct gate_machines *vmsd_gate_machines_new(
    const struct vmsd_program_facts *program,
    const struct vmsd_base_program *now)
{
    const struct vmsd_base_program *base = program->base;
    if (!base || (!program->n_type_machines && !base->n_type_machines))
        return NULL;            /* no machine facts: as without */
    struct gate_machines *gm = vmsd_xcalloc(1, sizeof *gm);
    gm->program = program;
    gm->base = base;
    gm->now = now;
    /* Every device of both builds with its verdict, then the walks,
     * strongest first. */
    size_t n = base->n_devices + now->n_devices;
    struct verdict *verdicts = vmsd_xcalloc(n + 1, sizeof *verdicts);
    const char **sections = vmsd_xcalloc(n + 1, sizeof *sections);
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_base_device *d = i < base->n_devices
            ? &base->devices[i] : &now->devices[i - base->n_devices];
        verdicts[i] = type_verdict(gm, d->type);
        sections[i] = d->vmsd;
    }
    const char **stack = NULL;
    for (int r = REACH_VERSIONED; r > REACH_NONE; r--)
        for (size_t i = 0; i < n; i++)
            if (verdicts[i].reach == (enum reach)r)
                spread(gm, sections[i], &verdicts[i], &stack);
    free(stack);
    free(sections);
    gm->verdicts = verdicts;
    return gm;
}

void vmsd_gate_machines_free(struct gate_machines *gm)
{
    if (!gm)
        return;
    free(gm->verdicts);
    vmsd_strset_free(&gm->descs);
    free(gm);
}

void vmsd_gate_machines_apply(const struct vmsd_check *check,
                              struct vmsd_finding *f)
{
    const struct gate_machines *gm = check->machines;
    if (!gm || f->severity != VMSD_ERROR
        || vmsd_rule_direction(f->rule) == VMSD_DIRECTION_NONE
        || !f->about[0])
        return;
    struct verdict v = { REACH_NONE, NULL, NULL };
    if (f->about_device) {
        v = type_verdict(gm, f->about[0]);
    } else {
        struct vmsd_strset_slot *slot =
            vmsd_strset_find_name(&gm->descs, f->about[0]);
        if (slot)
            v = *(const struct verdict *)slot->value;
    }
    /* Before the remedy, which ends the notes. */
    size_t remedy = f->n_notes;
    if (v.reach == REACH_VERSIONED)
        vmsd_finding_note(check, f, f->loc, "device type %q can be in the "
                          "versioned machine type %q, on which QEMU keeps "
                          "migration working between versions", v.type,
                          v.machines);
    else if (v.reach == REACH_UNVERSIONED) {
        f->severity = VMSD_WARNING;
        vmsd_finding_note(check, f, f->loc, "only unversioned machine types "
                          "(%s) can contain device type %q: QEMU promises "
                          "no migration compatibility for them, so this is "
                          "not an error", v.machines, v.type);
    } else if (v.reach == REACH_UNSEEN) {
        f->severity = VMSD_WARNING;
        vmsd_finding_note(check, f, f->loc, "no machine type the gate can "
                          "see creates device type %q or lets a user add it, "
                          "so no stream carries it and this is not an error; "
                          "if a versioned machine type creates it in a way "
                          "the gate cannot see, it is a break "
                          "(docs/gate.md#machine-types)", v.type);
    }
    if (remedy && f->n_notes > remedy) {
        struct vmsd_note added = f->notes[remedy];
        f->notes[remedy] = f->notes[remedy - 1];
        f->notes[remedy - 1] = added;
    }
}
