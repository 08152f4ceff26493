/* Rules about names: subsection-prefix, subsection-separator,
 * name-length, name-missing. */
#include "check.h"
#include "baseline.h"
#include "compatdb.h"
#include "names.h"

#include <string.h>

static void report_unloadable(const struct vmsd_check *check,
                              const struct vmsd_desc *parent,
                              const struct vmsd_ref *entry)
{
    const struct vmsd_desc *sub = entry->target;
    bool same = strcmp(sub->name, parent->name) == 0;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_SUBSECTION_PREFIX, entry->loc,
        same ? "subsection %q of %q has its parent's name: the loader "
               "never hands it to %q"
             : "subsection %q of %q does not start with its parent's "
               "name: the loader never hands it to %q",
        sub->name, parent->name, parent->name);
    vmsd_finding_about(f, parent->name, sub->name);
    vmsd_finding_note(check, f, sub->loc, "subsection %q is defined here",
                      sub->name);
    /* It can never have loaded, so no stream in use depends on the name. */
    vmsd_finding_rename(f, sub, vmsd_suggest_name(sub->name, parent->name));
    vmsd_finding_end(check, f);
}

static void report_separator(const struct vmsd_check *check,
                             const struct vmsd_desc *parent,
                             const struct vmsd_ref *entry)
{
    const struct vmsd_desc *sub = entry->target;
    if (vmsd_compatdb_find(vmsd_check_allowlist(check), parent->name,
                           sub->name))
        return;                 /* a legacy name the allowlist keeps */
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_SUBSECTION_SEPARATOR, entry->loc,
        "subsection %q of %q is not named %q followed by %q and a "
        "non-empty rest", sub->name, parent->name, parent->name, "/");
    vmsd_finding_about(f, parent->name, sub->name);
    vmsd_finding_note(check, f, sub->loc, "subsection %q is defined here",
                      sub->name);
    /* A gate knows whether the name has shipped; the plugin does not, and
     * says both cases. */
    const struct vmsd_base_program *base = check->program->base;
    bool shipped = base && vmsd_base_has_pair(base, parent->name, sub->name);
    if (!shipped)
        vmsd_finding_rename(f, sub, vmsd_suggest_name(sub->name,
                                                      parent->name));
    if (!base)
        vmsd_finding_note(check, f, sub->loc,
                          "if the name is new, rename it as suggested; if "
                          "it has shipped in a release, it must stay "
                          "(renaming it breaks migration from that release): "
                          "add parent %q, subsection %q to the allowlist, "
                          "which 'vmsdcheck db generate' writes",
                          parent->name, sub->name);
    else if (shipped)
        vmsd_finding_note(check, f, sub->loc,
                          "the base has it, so the name has shipped: keep "
                          "it (renaming breaks migration from the base) and "
                          "add parent %q, subsection %q to the allowlist, "
                          "which 'vmsdcheck db generate' writes",
                          parent->name, sub->name);
    else
        vmsd_finding_note(check, f, sub->loc,
                          "the base has no subsection %q under %q: the name "
                          "is new, so rename it as suggested; the allowlist "
                          "is for names that have shipped", sub->name,
                          parent->name);
    vmsd_finding_end(check, f);
}

static void report_unnamed_subsection(const struct vmsd_check *check,
                                      const struct vmsd_desc *parent,
                                      const struct vmsd_ref *entry)
{
    const struct vmsd_desc *sub = entry->target;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_NAME_MISSING, entry->loc,
        "subsection %q of %q has no constant name: the loader cannot "
        "match it", sub->symbol, vmsd_desc_label(parent));
    vmsd_finding_about(f, vmsd_desc_label(parent), sub->symbol);
    vmsd_finding_note(check, f, sub->loc, "%q is defined here", sub->symbol);
    vmsd_finding_end(check, f);
}

typedef void report_entry_fn(const struct vmsd_check *check,
                             const struct vmsd_desc *parent,
                             const struct vmsd_ref *entry);

/* REPORT each entry of the checked description's list whose name is of
 * KIND.  Entries without a name this unit can see are name-missing's or
 * another unit's. */
static void each_name_of_kind(const struct vmsd_check *check,
                              enum vmsd_name_kind kind,
                              report_entry_fn *report)
{
    const struct vmsd_desc *parent = check->desc;
    if (!parent->name || !parent->subsections)
        return;
    size_t n = vmsd_sublist_length(parent->subsections);
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &parent->subsections->slots[i];
        const struct vmsd_desc *sub = entry->target;
        if (sub && sub->defined && sub->name
            && vmsd_name_kind(sub->name, parent->name) == kind)
            report(check, parent, entry);
    }
}

void vmsd_check_prefix(const struct vmsd_check *check)
{
    each_name_of_kind(check, VMSD_NAME_UNLOADABLE, report_unloadable);
}

void vmsd_check_separator(const struct vmsd_check *check)
{
    each_name_of_kind(check, VMSD_NAME_LEGACY, report_separator);
}

void vmsd_check_name_missing(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    size_t n = desc->subsections ? vmsd_sublist_length(desc->subsections) : 0;
    if (!desc->name && n && desc->defined && !desc->name_unreadable) {
        /* An unnamed subsection is reported at each list naming it. */
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_NAME_MISSING, desc->loc,
            "%q has subsections but no constant name: the loader cannot "
            "match them", desc->symbol);
        vmsd_finding_about(f, desc->symbol, NULL);
        vmsd_finding_end(check, f);
    }
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &desc->subsections->slots[i];
        const struct vmsd_desc *sub = entry->target;
        if (sub && sub->defined && !sub->name && !sub->name_unreadable)
            report_unnamed_subsection(check, desc, entry);
    }
}

void vmsd_check_name_length(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    if (!desc->defined || !desc->name)
        return;
    size_t len = strlen(desc->name);
    if (len > VMSD_MAX_WIRE_NAME) {
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_NAME_LENGTH, desc->loc,
            "name of %q is %z bytes long: the stream's one-byte length "
            "carries at most %u, so it can never be read back",
            desc->symbol, len, (unsigned)VMSD_MAX_WIRE_NAME);
        vmsd_finding_about(f, desc->symbol, NULL);
        vmsd_finding_end(check, f);
    }
}
