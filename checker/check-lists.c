/* Rules about subsection lists: subsection-duplicate and
 * subsection-terminator. */
#include "check.h"

#include <string.h>

static bool same_name(const struct vmsd_desc *a, const struct vmsd_desc *b)
{
    return a && b && a->name && b->name && strcmp(a->name, b->name) == 0;
}

/* The loader takes the first entry with a matching name, so a later one
 * with the same name can never be loaded. */
static void check_duplicates(const struct vmsd_check *check,
                             const struct vmsd_desc *parent)
{
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = vmsd_sublist_length(list);

    for (size_t j = 1; j < n; j++) {
        const struct vmsd_ref *later = &list->slots[j];
        for (size_t i = 0; i < j; i++) {
            const struct vmsd_ref *first = &list->slots[i];
            struct vmsd_finding *f;
            if (later->uid && later->uid == first->uid)
                f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                       later->loc,
                                       "%q is listed twice in the subsections "
                                       "of %q", later->symbol,
                                       vmsd_desc_label(parent));
            else if (same_name(later->target, first->target))
                f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                       later->loc,
                                       "subsection %q of %q has the name of "
                                       "an earlier entry: the loader always "
                                       "takes the first, so %q is never "
                                       "loaded", later->target->name,
                                       vmsd_desc_label(parent), later->symbol);
            else
                continue;
            vmsd_finding_about(f, vmsd_desc_label(parent), later->symbol);
            vmsd_finding_note(check, f, first->loc, "first listed here");
            vmsd_finding_end(check, f);
            break;              /* one finding per later entry */
        }
    }
}

static void check_terminator(const struct vmsd_check *check,
                             const struct vmsd_desc *parent)
{
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = vmsd_sublist_length(list);

    if (n == list->n_slots) {
        struct vmsd_loc at = n ? list->slots[n - 1].loc : parent->loc;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_TERMINATOR, at,
            "subsection list of %q has no NULL terminator: the loader "
            "reads past its end", vmsd_desc_label(parent));
        vmsd_finding_about(f, vmsd_desc_label(parent), NULL);
        vmsd_finding_end(check, f);
        return;
    }
    for (size_t i = n + 1; i < list->n_slots; i++) {
        const struct vmsd_ref *entry = &list->slots[i];
        if (entry->is_null)
            continue;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_TERMINATOR, entry->loc,
            "%q comes after the NULL that ends the subsection list of %q: "
            "it is never sent or loaded",
            entry->symbol ? entry->symbol : "entry", vmsd_desc_label(parent));
        vmsd_finding_about(f, vmsd_desc_label(parent), entry->symbol);
        if (n)
            vmsd_finding_note(check, f, list->slots[n - 1].loc,
                              "the list ends after this entry");
        vmsd_finding_end(check, f);
    }
}

void vmsd_check_subsection_list(const struct vmsd_check *check,
                                const struct vmsd_desc *parent)
{
    /* A list shared by several descriptions is checked once. */
    if (parent->subsections->owner != parent)
        return;
    check_duplicates(check, parent);
    check_terminator(check, parent);
}
