/* Rules only the whole program can decide: subsection-unresolved,
 * facts-missing and allowlist-stale. */
#include "baseline.h"
#include "check.h"
#include "compatdb.h"
#include "names.h"
#include "xalloc.h"

#include <stdlib.h>

/* A list names a description that no input defines: the program links
 * only because the declaration is never used at link time, or the
 * inputs are not the whole program. */
static void check_unresolved_in(const struct vmsd_check *check,
                                const struct vmsd_desc *parent)
{
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = list ? vmsd_sublist_length(list) : 0;

    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &list->slots[i];
        if (!entry->unresolved)
            continue;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_UNRESOLVED, entry->loc,
            "subsection %q of %q is defined by no input: its name cannot "
            "be checked", entry->symbol,
            vmsd_desc_label(parent));
        vmsd_finding_about(f, vmsd_desc_label(parent), entry->symbol);
        vmsd_finding_end(check, f);
    }
}

void vmsd_check_unresolved(const struct vmsd_check *check)
{
    const struct vmsd_model *model = check->program->model;
    for (size_t i = 0; i < model->n_descs; i++)
        check_unresolved_in(check, model->descs[i]);
}

/* A gate cannot pass on a program that cannot list its C units: a
 * unit compiled without the plugin would go unseen, and with it what the
 * change broke there (a section it added, say). */
static void check_units_listed(const struct vmsd_check *check)
{
    const struct vmsd_program_facts *program = check->program;
    if (!program->base || !program->units_unknown)
        return;
    struct vmsd_loc nowhere = { 0 };
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_FACTS_MISSING, nowhere,
        "the gate cannot tell whether every C unit of %q carries facts (%s): "
        "a unit compiled without the plugin would go unseen; build with -g "
        "and do not strip, or give the gate the objects and archives",
        program->base->name, program->units_unknown);
    vmsd_finding_about(f, "C units unknown", program->base->name);
    vmsd_finding_end(check, f);
}

void vmsd_check_coverage(const struct vmsd_check *check)
{
    const struct vmsd_program_facts *program = check->program;
    check_units_listed(check);
    for (size_t i = 0; i < program->n_uncovered; i++) {
        const char *unit = program->uncovered[i];
        struct vmsd_loc at = { unit, 0, 0, 0 };
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_FACTS_MISSING, at,
            "unit %q carries no vmsdcheck facts: it was compiled without "
            "the plugin, so its descriptions are not checked", unit);
        vmsd_finding_about(f, unit, NULL);
        vmsd_finding_end(check, f);
    }
}

/* Does any program's base have the pair? */
static bool in_a_base(const struct vmsd_check *check, const char *parent,
                      const char *sub)
{
    for (size_t i = 0; i < check->n_programs; i++) {
        const struct vmsd_base_program *base = check->programs[i].base;
        if (base && vmsd_base_has_pair(base, parent, sub))
            return true;
    }
    return false;
}

/* Each program's (parent, subsection) pairs, each program's made when
 * first asked for: a search of its model for each allowlist entry
 * would cost entries x descriptions. */
struct program_pairs {
    struct vmsd_strset *sets;
    bool *made;
};

/* Does program P have subsection SUB under PARENT? */
static bool program_has_pair(const struct vmsd_check *check,
                             struct program_pairs *pairs, size_t p,
                             const char *parent, const char *sub)
{
    if (!pairs->sets) {
        pairs->sets = vmsd_xcalloc(check->n_programs, sizeof *pairs->sets);
        pairs->made = vmsd_xcalloc(check->n_programs, sizeof *pairs->made);
    }
    struct vmsd_strset *set = &pairs->sets[p];
    if (!pairs->made[p]) {
        pairs->made[p] = true;
        const struct vmsd_model *m = check->programs[p].model;
        for (size_t i = 0; i < m->n_descs; i++) {
            const struct vmsd_desc *d = m->descs[i];
            size_t n = d->defined && d->name && d->subsections
                       ? vmsd_sublist_length(d->subsections) : 0;
            for (size_t k = 0; k < n; k++) {
                const struct vmsd_desc *s = d->subsections->slots[k].target;
                if (s && s->name)
                    vmsd_strset_add_pair(set, d->name, s->name);
            }
        }
    }
    return vmsd_strset_find_pair(set, parent, sub) != NULL;
}

static void program_pairs_free(const struct vmsd_check *check,
                               struct program_pairs *pairs)
{
    for (size_t p = 0; pairs->sets && p < check->n_programs; p++)
        vmsd_strset_free(&pairs->sets[p]);
    free(pairs->sets);
    free(pairs->made);
}

/* A legacy name that a device property selects (its needed function
 * tests the property, and old machine types' compat arrays set it) is
 * sent by no machine type once those machine types are gone: the
 * subsection, the property and the entry can go. */
void vmsd_check_retirable_entries(const struct vmsd_check *check)
{
    const struct vmsd_compatdb *db = check->config->allowlist;
    struct program_pairs pairs = { NULL, NULL };
    for (size_t i = 0; db && i < db->n_entries; i++) {
        const struct vmsd_compat_entry *e = &db->entries[i];
        const struct vmsd_sub_sends *decided = NULL;
        bool sent = false;
        for (size_t p = 0; !sent && p < check->n_programs; p++) {
            const struct vmsd_program_facts *prog = &check->programs[p];
            const struct vmsd_sub_sends *entry;
            const struct vmsd_machine_sends *machine;
            enum vmsd_sends s = vmsd_sub_sends_find(prog->sub_sends,
                prog->n_sub_sends, e->parent, e->subsection, false, false, &entry,
                &machine);
            if (s == VMSD_SENDS_NO && !decided)
                decided = entry;
            /* A program that has the pair and cannot tell keeps it. */
            sent = s == VMSD_SENDS_YES
                   || (s == VMSD_SENDS_UNKNOWN
                       && program_has_pair(check, &pairs, p, e->parent,
                                           e->subsection));
        }
        if (sent || !decided)
            continue;
        struct vmsd_loc at = { e->file, e->line, e->line ? 1 : 0, 0 };
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_ALLOWLIST_RETIRABLE, at, "legacy subsection %q of %q "
            "is sent by no machine type of this build: its needed function "
            "%q tests property %q of %q, and no machine type's compat "
            "properties set it so that it is sent", e->subsection, e->parent,
            decided->needed, decided->property, decided->device);
        vmsd_finding_about(f, e->parent, e->subsection);
        vmsd_finding_note(check, f, at, "drop subsection %q, property %q "
                          "and this entry: the machine types that sent the "
                          "name are gone", e->subsection, decided->property);
        vmsd_finding_end(check, f);
    }
    program_pairs_free(check, &pairs);
}

void vmsd_check_stale_entries(const struct vmsd_check *check)
{
    const struct vmsd_compatdb *db = check->config->allowlist;
    bool *inapplicable = check->inapplicable;
    if (!db)
        return;
    struct vmsd_strset names = { 0 }, pairs = { 0 };
    for (size_t i = 0; i < check->n_programs; i++)
        vmsd_model_names(check->programs[i].model, &names, &pairs, NULL);

    for (size_t i = 0; i < db->n_entries; i++) {
        const struct vmsd_compat_entry *e = &db->entries[i];
        struct vmsd_loc at = { e->file, e->line, e->line ? 1 : 0, 0 };
        const char *why;
        bool present = vmsd_strset_find_pair(&pairs, e->parent,
                                             e->subsection) != NULL;
        if (inapplicable)
            inapplicable[i] = false;
        enum vmsd_name_kind kind = vmsd_name_kind(e->subsection, e->parent);
        if (kind == VMSD_NAME_FOLLOWS_RULE)
            why = "the name follows the rule: the entry is not needed";
        else if (kind == VMSD_NAME_UNLOADABLE)
            why = "the name does not extend its parent's, which no "
                  "allowlist can allow";
        else if (present)
            continue;
        else if (!vmsd_strset_find_name(&names, e->parent)) {
            if (inapplicable)
                inapplicable[i] = true;     /* not built here */
            continue;
        } else if (in_a_base(check, e->parent, e->subsection))
            continue;                       /* subsection-removed says it */
        else
            why = "no input has that subsection under that parent any "
                  "more";
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_ALLOWLIST_STALE, at,
            "allowlist entry for parent %q, subsection %q is stale: %s",
            e->parent, e->subsection, why);
        vmsd_finding_about(f, e->parent, e->subsection);
        vmsd_finding_end(check, f);
    }
    vmsd_strset_free(&names);
    vmsd_strset_free(&pairs);
}
