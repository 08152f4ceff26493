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

/* The entries of a list that are no one's duplicate, looked up by
 * description and by name: in a short list by going through them (most
 * lists hold two or three entries, and two tables cost more), in a long
 * one in tables, so that a list costs no more than its length. */
#define SHORT_LIST 16

struct firsts {
    bool tables;
    const struct vmsd_ref *few[SHORT_LIST];
    size_t n_few;
    struct vmsd_uid_index by_desc;
    struct vmsd_strset by_name;         /* the model's names, borrowed */
};

static void firsts_init(struct firsts *fs, size_t n)
{
    memset(fs, 0, sizeof *fs);
    fs->tables = n > SHORT_LIST;
    fs->by_name.borrows_keys = true;
}

static const char *entry_name(const struct vmsd_ref *ref)
{
    return ref->target ? ref->target->name : NULL;
}

/* The first entry of description UID (not 0), or NULL. */
static const struct vmsd_ref *first_of_desc(const struct firsts *fs,
                                            uint32_t uid)
{
    if (fs->tables)
        return vmsd_uid_index_get(&fs->by_desc, uid);
    for (size_t i = 0; i < fs->n_few; i++)
        if (fs->few[i]->uid == uid)
            return fs->few[i];
    return NULL;
}

/* The first entry named NAME, or NULL. */
static const struct vmsd_ref *first_of_name(const struct firsts *fs,
                                            const char *name)
{
    if (fs->tables) {
        struct vmsd_strset_slot *slot = vmsd_strset_find_name(&fs->by_name,
                                                              name);
        return slot ? slot->value : NULL;
    }
    for (size_t i = 0; i < fs->n_few; i++) {
        const char *other = entry_name(fs->few[i]);
        if (other && strcmp(other, name) == 0)
            return fs->few[i];
    }
    return NULL;
}

static void add_first(struct firsts *fs, const struct vmsd_ref *ref)
{
    const char *name = entry_name(ref);
    if (!fs->tables) {
        fs->few[fs->n_few++] = ref;
        return;
    }
    if (ref->uid)
        vmsd_uid_index_put(&fs->by_desc, ref->uid, (void *)ref);
    if (name)
        vmsd_strset_add_name(&fs->by_name, name)->value = (void *)ref;
}

static void firsts_free(struct firsts *fs)
{
    vmsd_uid_index_free(&fs->by_desc);
    vmsd_strset_free(&fs->by_name);
}

/* The loader takes the first entry with a matching name, so a later one
 * with the same name can never be loaded. */
void vmsd_check_duplicates(const struct vmsd_check *check)
{
    const struct vmsd_desc *parent = check->desc;
    const struct vmsd_sublist *list = own_list(check);
    if (!list)
        return;
    size_t n = vmsd_sublist_length(list);
    struct firsts fs;
    firsts_init(&fs, n);

    for (size_t j = 0; j < n; j++) {
        const struct vmsd_ref *later = &list->slots[j];
        const char *name = entry_name(later);
        const struct vmsd_ref *first = later->uid
            ? first_of_desc(&fs, later->uid) : NULL;
        struct vmsd_finding *f = NULL;
        if (first) {
            f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                   later->loc, "%q is listed twice in the "
                                   "subsections of %q", later->symbol,
                                   vmsd_desc_label(parent));
        } else if (name && (first = first_of_name(&fs, name))) {
            f = vmsd_finding_begin(check, VMSD_RULE_SUBSECTION_DUPLICATE,
                                   later->loc, "subsection %q of %q has "
                                   "the name of an earlier entry: the "
                                   "loader always takes the first, so %q "
                                   "is never loaded", name,
                                   vmsd_desc_label(parent), later->symbol);
        }
        if (!first) {
            add_first(&fs, later);
            continue;
        }
        vmsd_finding_about(f, vmsd_desc_label(parent), later->symbol);
        vmsd_finding_note(check, f, first->loc, "first listed here");
        vmsd_finding_end(check, f);
    }
    firsts_free(&fs);
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
