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
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_SUBSECTION_SEPARATOR, entry->loc,
        "subsection %q of %q is not named %q followed by %q and a "
        "non-empty rest", sub->name, parent->name, parent->name, "/");
    vmsd_finding_about(f, parent->name, sub->name);
    vmsd_finding_note(check, f, sub->loc, "subsection %q is defined here",
                      sub->name);
    vmsd_finding_rename(f, sub, vmsd_suggest_name(sub->name, parent->name));
    if (check->config->base
        && !vmsd_base_has_pair(check->config->base, parent->name, sub->name))
        vmsd_finding_note(check, f, sub->loc,
                          "the base has no subsection %q under %q: a new "
                          "name follows the rule; the allowlist is for "
                          "names that have shipped", sub->name,
                          parent->name);
    else
        vmsd_finding_note(check, f, sub->loc,
                          "renaming a subsection breaks migration from "
                          "versions that sent the old name; a name that "
                          "has shipped belongs in the allowlist as parent "
                          "%q, subsection %q", parent->name, sub->name);
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

void vmsd_check_subsection_names(const struct vmsd_check *check,
                                 const struct vmsd_desc *parent)
{
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = vmsd_sublist_length(list);

    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &list->slots[i];
        const struct vmsd_desc *sub = entry->target;
        if (!sub || !sub->defined)
            continue;           /* defined in another file */
        if (!sub->name) {
            if (!sub->name_unreadable)
                report_unnamed_subsection(check, parent, entry);
            continue;
        }
        if (!parent->name)
            continue;           /* reported once, at the parent */
        if (!vmsd_name_extends(sub->name, parent->name))
            report_unloadable(check, parent, entry);
        else if (!vmsd_name_follows_rule(sub->name, parent->name)
                 && !vmsd_compatdb_find(check->config->allowlist,
                                        parent->name, sub->name))
            report_separator(check, parent, entry);
    }
}

void vmsd_check_description_name(const struct vmsd_check *check,
                                 const struct vmsd_desc *desc)
{
    if (!desc->defined || desc->name_unreadable)
        return;
    if (!desc->name) {
        /* An unnamed subsection is reported at each list naming it. */
        if (desc->subsections && vmsd_sublist_length(desc->subsections)) {
            struct vmsd_finding *f = vmsd_finding_begin(check,
                VMSD_RULE_NAME_MISSING, desc->loc,
                "%q has subsections but no constant name: the loader "
                "cannot match them", desc->symbol);
            vmsd_finding_about(f, desc->symbol, NULL);
            vmsd_finding_end(check, f);
        }
        return;
    }
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
