/* Rules about subsection lists: subsection-duplicate,
 * subsection-terminator and subsection-unchecked.  A list shared by
 * several descriptions is checked once, at the one that owns it. */
#include "check.h"
#include "strset.h"

#include <string.h>

/* The checked description's list, when it owns it; NULL otherwise, and
 * for a list too long to check (subsection-unchecked says so). */
static const struct vmsd_sublist *own_list(const struct vmsd_check *check)
{
    const struct vmsd_sublist *list = check->desc->subsections;
    if (!list || list->owner != check->desc || list->too_long)
        return NULL;
    return list;
}

/* The loader takes the first entry with a matching name, so a later one
 * with the same name can never be loaded.  Entries are looked up by
 * description and by name, so a long list costs no more than its length. */
void vmsd_check_duplicates(const struct vmsd_check *check)
{
    const struct vmsd_desc *parent = check->desc;
    const struct vmsd_sublist *list = own_list(check);
    if (!list)
        return;
    size_t n = vmsd_sublist_length(list);
    struct vmsd_uid_index by_desc = { 0 };
    struct vmsd_strset by_name = { .borrows_keys = true };  /* the model's */

    for (size_t j = 0; j < n; j++) {
        const struct vmsd_ref *later = &list->slots[j];
        const struct vmsd_desc *sub = later->target;
        const struct vmsd_ref *first = later->uid
            ? vmsd_uid_index_get(&by_desc, later->uid) : NULL;
        struct vmsd_finding *f = NULL;
        if (first) {
            f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                   later->loc, "%q is listed twice in the "
                                   "subsections of %q", later->symbol,
                                   vmsd_desc_label(parent));
        } else if (sub && sub->name) {
            struct vmsd_strset_slot *slot = vmsd_strset_add_name(&by_name,
                                                                 sub->name);
            first = slot->value;
            if (first)
                f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                       later->loc, "subsection %q of %q has "
                                       "the name of an earlier entry: the "
                                       "loader always takes the first, so %q "
                                       "is never loaded", sub->name,
                                       vmsd_desc_label(parent), later->symbol);
            else
                slot->value = (void *)later;
        }
        if (later->uid && !first)
            vmsd_uid_index_put(&by_desc, later->uid, (void *)later);
        if (!first)
            continue;
        vmsd_finding_about(f, vmsd_desc_label(parent), later->symbol);
        vmsd_finding_note(check, f, first->loc, "first listed here");
        vmsd_finding_end(check, f);
    }
    vmsd_uid_index_free(&by_desc);
    vmsd_strset_free(&by_name);
}

void vmsd_check_terminator(const struct vmsd_check *check)
{
    const struct vmsd_desc *parent = check->desc;
    const struct vmsd_sublist *list = own_list(check);
    if (!list)
        return;
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

/* An entry that is neither NULL nor a description vmsdcheck can see
 * (&ext[2] of an extern array, &p[i], a cast): its name goes unchecked,
 * and that is said, not passed over. */
void vmsd_check_opaque_entries(const struct vmsd_check *check)
{
    const struct vmsd_desc *parent = check->desc;
    const struct vmsd_sublist *list = parent->subsections;
    if (!list || list->owner != parent)
        return;
    size_t n = vmsd_sublist_length(list);
    if (list->too_long) {
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_UNCHECKED, parent->loc,
            "the subsection list of %q has more than %z slots: it is not "
            "checked", vmsd_desc_label(parent), VMSD_MAX_LIST_SLOTS);
        vmsd_finding_about(f, vmsd_desc_label(parent), NULL);
        vmsd_finding_end(check, f);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_ref *entry = &list->slots[i];
        if (entry->uid || entry->symbol)
            continue;           /* a description, or one no input defines */
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_SUBSECTION_UNCHECKED, entry->loc,
            "entry %z of the subsections of %q is an address vmsdcheck "
            "cannot follow: its name is not checked", i,
            vmsd_desc_label(parent));
        vmsd_finding_about(f, vmsd_desc_label(parent), NULL);
        vmsd_finding_end(check, f);
    }
}
