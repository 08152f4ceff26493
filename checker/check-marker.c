/* Rules about the marker member (marker-missing, marker-unneeded): a
 * description that says "my subsections use legacy names" must have
 * one, and one that has one must say so.  Only where the struct has the
 * member (docs/ambiguity.md). */
#include "check.h"
#include "names.h"

/* The first reachable subsection whose name breaks only the '/' rule;
 * *unknown when some subsection's name cannot be seen. */
static const struct vmsd_desc *first_legacy(const struct vmsd_desc *parent,
                                            bool *unknown)
{
    const struct vmsd_sublist *list = parent->subsections;
    *unknown = false;
    size_t n = list ? vmsd_sublist_length(list) : 0;
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_desc *sub = list->slots[i].target;
        if (!sub || !sub->defined || !sub->name) {
            *unknown = true;
            continue;
        }
        if (vmsd_name_kind(sub->name, parent->name) == VMSD_NAME_LEGACY)
            return sub;
    }
    return NULL;
}

/* A named description defined here whose marker reads STATE. */
static bool marker_is(const struct vmsd_desc *desc, enum vmsd_marker state)
{
    return desc->marker == state && desc->defined && desc->name;
}

void vmsd_check_marker_missing(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    bool unknown;
    if (!marker_is(desc, VMSD_MARKER_CLEAR))
        return;
    const struct vmsd_desc *legacy = first_legacy(desc, &unknown);
    if (!legacy)
        return;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_MARKER_MISSING, desc->loc,
        "%q has a subsection with a legacy name, %q, but does not set %q",
        desc->name, legacy->name, check->config->marker_field);
    vmsd_finding_about(f, desc->name, NULL);
    vmsd_finding_note(check, f, legacy->loc, "%q is defined here",
                      legacy->name);
    vmsd_finding_end(check, f);
}

void vmsd_check_marker_unneeded(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    bool unknown;
    if (!marker_is(desc, VMSD_MARKER_SET)
        || first_legacy(desc, &unknown) || unknown)
        return;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_MARKER_UNNEEDED, desc->loc,
        "%q sets %q, but none of its subsections has a legacy name",
        desc->name, check->config->marker_field);
    vmsd_finding_about(f, desc->name, NULL);
    vmsd_finding_end(check, f);
}
