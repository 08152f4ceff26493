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
    if (!list)
        return NULL;
    for (size_t i = 0; i < vmsd_sublist_length(list); i++) {
        const struct vmsd_desc *sub = list->slots[i].target;
        if (!sub || !sub->defined || !sub->name) {
            *unknown = true;
            continue;
        }
        if (vmsd_name_extends(sub->name, parent->name)
            && !vmsd_name_follows_rule(sub->name, parent->name))
            return sub;
    }
    return NULL;
}

void vmsd_check_marker(const struct vmsd_check *check,
                       const struct vmsd_desc *desc)
{
    if (desc->marker == VMSD_MARKER_ABSENT || !desc->defined || !desc->name)
        return;
    bool unknown;
    const struct vmsd_desc *legacy = first_legacy(desc, &unknown);
    const char *member = check->config->marker_field;
    struct vmsd_finding *f;

    if (legacy && desc->marker == VMSD_MARKER_CLEAR) {
        f = vmsd_finding_begin(check, VMSD_RULE_MARKER_MISSING, desc->loc,
            "%q has a subsection with a legacy name, %q, but does not set "
            "%q", desc->name, legacy->name, member);
        vmsd_finding_about(f, desc->name, NULL);
        vmsd_finding_note(check, f, legacy->loc, "%q is defined here",
                          legacy->name);
        vmsd_finding_end(check, f);
    } else if (!legacy && !unknown && desc->marker == VMSD_MARKER_SET) {
        f = vmsd_finding_begin(check, VMSD_RULE_MARKER_UNNEEDED, desc->loc,
            "%q sets %q, but none of its subsections has a legacy name",
            desc->name, member);
        vmsd_finding_about(f, desc->name, NULL);
        vmsd_finding_end(check, f);
    }
}
