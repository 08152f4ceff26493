/* What a description's own field list and versions say, without a
 * base: field-terminator, field-never-sent, version-below-minimum.
 *
 * QEMU saves a description at its own version_id (a section or a
 * subsection writes that version into the stream, a nested description
 * is saved and loaded at its own), and the loader refuses a stream
 * whose version is above the description's version_id or below its
 * minimum_version_id.  A field travels only when its version_id is at
 * most the stream's, unless a field_exists test decides instead
 * (migration/vmstate.c).  So some state can be proved never to move. */
#include "check.h"

/* Where a finding about FIELD of DESC goes: the field's entry, else
 * (facts written before fields had places) the description. */
static struct vmsd_loc field_place(const struct vmsd_desc *desc,
                                   const struct vmsd_field *field)
{
    return field->loc.line || field->loc.host ? field->loc : desc->loc;
}

/* An entry after the end marker is never saved nor loaded. */
static void report_after_end(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    const struct vmsd_fieldlist *list = desc->fields;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_FIELD_TERMINATOR, list->after_end_loc, "field %q comes "
        "after the VMSTATE_END_OF_LIST() that ends the field list of %q: "
        "it is never saved nor loaded", list->after_end,
        vmsd_desc_label(desc));
    vmsd_finding_about(f, vmsd_desc_label(desc), list->after_end);
    if (list->n_fields)
        vmsd_finding_note(check, f, list->fields[list->n_fields - 1].loc,
                          "the list ends after this field");
    vmsd_finding_end(check, f);
}

void vmsd_check_field_terminator(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    const struct vmsd_fieldlist *list = desc->fields;
    if (list && list->after_end)
        report_after_end(check);
    if (!list || list->terminated)
        return;
    struct vmsd_loc at = list->n_fields
        ? field_place(desc, &list->fields[list->n_fields - 1]) : desc->loc;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_FIELD_TERMINATOR, at, "the field list of %q has no "
        "VMSTATE_END_OF_LIST(): saving and loading read past its end",
        vmsd_desc_label(desc));
    vmsd_finding_about(f, vmsd_desc_label(desc), NULL);
    vmsd_finding_note(check, f, desc->loc, "end the list of %q with "
                      "VMSTATE_END_OF_LIST()", vmsd_desc_label(desc));
    vmsd_finding_end(check, f);
}

void vmsd_check_field_never_sent(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    const struct vmsd_fieldlist *list = desc->fields;
    for (size_t i = 0; list && i < list->n_fields; i++) {
        const struct vmsd_field *field = &list->fields[i];
        if (!field->name || field->has_field_exists
            || field->version_id <= desc->version_id)
            continue;
        struct vmsd_finding *f = vmsd_finding_begin(check,
            VMSD_RULE_FIELD_NEVER_SENT, field_place(desc, field),
            "field %q has version_id %d, above the version_id %d of %q: "
            "it is never saved nor loaded, so its state is lost on "
            "migration", field->name, field->version_id, desc->version_id,
            vmsd_desc_label(desc));
        vmsd_finding_about(f, vmsd_desc_label(desc), field->name);
        vmsd_finding_note(check, f, desc->loc, "raise the version_id of %q "
                          "to %d, the version that adds %q (and keep "
                          "minimum_version_id), or give the field the "
                          "version %q has", vmsd_desc_label(desc),
                          field->version_id, field->name,
                          vmsd_desc_label(desc));
        vmsd_finding_end(check, f);
    }
}

void vmsd_check_version_below_minimum(const struct vmsd_check *check)
{
    const struct vmsd_desc *desc = check->desc;
    if (desc->version_id >= desc->minimum_version_id)
        return;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_VERSION_BELOW_MINIMUM, desc->loc, "version_id %d of %q "
        "is below its minimum_version_id %d: it saves a version it "
        "refuses to load", desc->version_id, vmsd_desc_label(desc),
        desc->minimum_version_id);
    vmsd_finding_about(f, vmsd_desc_label(desc), NULL);
    vmsd_finding_end(check, f);
}
