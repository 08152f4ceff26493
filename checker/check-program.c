/* Rules only the whole program can decide: subsection-unresolved and
 * allowlist-stale. */
#include "check.h"
#include "compatdb.h"
#include "names.h"

/* A list names a description that no input defines: the program links
 * only because the declaration is never used at link time, or the
 * inputs are not the whole program. */
void vmsd_check_unresolved(const struct vmsd_check *check,
                           const struct vmsd_desc *parent)
{
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = vmsd_sublist_length(list);

    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &list->slots[i];
        if (!entry->unresolved)
            continue;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_UNRESOLVED, entry->loc,
            "subsection %q of %q is defined by no input: its name cannot "
            "be checked", entry->symbol,
            vmsd_desc_label(parent));
        vmsd_finding_end(check, f);
    }
}

void vmsd_check_stale_entries(const struct vmsd_check *check)
{
    const struct vmsd_compatdb *db = check->config->allowlist;
    if (!db)
        return;
    for (size_t i = 0; i < db->n_entries; i++) {
        const struct vmsd_compat_entry *e = &db->entries[i];
        struct vmsd_loc at = { e->file, e->line, e->line ? 1 : 0, 0 };
        const char *why;
        if (vmsd_name_follows_rule(e->subsection, e->parent))
            why = "the name follows the rule: the entry is not needed";
        else if (!vmsd_name_extends(e->subsection, e->parent))
            why = "the name does not extend its parent's, which no "
                  "allowlist can allow";
        else if (!e->seen)
            why = "no input has that subsection under that parent any "
                  "more";
        else
            continue;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_ALLOWLIST_STALE, at,
            "allowlist entry for parent %q, subsection %q is stale: %s",
            e->parent, e->subsection, why);
        vmsd_finding_end(check, f);
    }
}
