/* The rule table, building findings, and the driver that runs every
 * rule over a model. */
#include "check.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_ids[VMSD_RULE_COUNT] = {
    [VMSD_RULE_SUBSECTION_PREFIX] = "subsection-prefix",
    [VMSD_RULE_SUBSECTION_SEPARATOR] = "subsection-separator",
    [VMSD_RULE_SUBSECTION_DUPLICATE] = "subsection-duplicate",
    [VMSD_RULE_SUBSECTION_TERMINATOR] = "subsection-terminator",
    [VMSD_RULE_NAME_LENGTH] = "name-length",
    [VMSD_RULE_NAME_MISSING] = "name-missing",
    [VMSD_RULE_LOAD_AMBIGUITY] = "load-ambiguity",
    [VMSD_RULE_MARKER_MISSING] = "marker-missing",
    [VMSD_RULE_MARKER_UNNEEDED] = "marker-unneeded",
    [VMSD_RULE_SUBSECTION_UNCHECKED] = "subsection-unchecked",
    [VMSD_RULE_SUBSECTION_UNRESOLVED] = "subsection-unresolved",
    [VMSD_RULE_ALLOWLIST_STALE] = "allowlist-stale",
    [VMSD_RULE_FACTS_MISSING] = "facts-missing",
    [VMSD_RULE_SUBSECTION_REMOVED] = "subsection-removed",
    [VMSD_RULE_SECTION_REMOVED] = "section-removed",
};

static const char *const rule_summaries[VMSD_RULE_COUNT] = {
    [VMSD_RULE_SUBSECTION_PREFIX] =
        "a subsection's name does not extend its parent's: it never loads",
    [VMSD_RULE_SUBSECTION_SEPARATOR] =
        "a subsection is not named parent + \"/\" + a non-empty rest",
    [VMSD_RULE_SUBSECTION_DUPLICATE] =
        "two entries of one subsection list share a name or a description",
    [VMSD_RULE_SUBSECTION_TERMINATOR] =
        "a subsection list lacks its NULL, or has entries after it",
    [VMSD_RULE_NAME_LENGTH] =
        "a name is longer than the 255 bytes the stream can carry",
    [VMSD_RULE_NAME_MISSING] =
        "a description that is or has a subsection has no constant name",
    [VMSD_RULE_LOAD_AMBIGUITY] =
        "a subsection can be claimed on load by a description it is not of",
    [VMSD_RULE_MARKER_MISSING] =
        "legacy subsection names, but the marker member is not set",
    [VMSD_RULE_MARKER_UNNEEDED] =
        "the marker member is set, but no subsection name is legacy",
    [VMSD_RULE_SUBSECTION_UNCHECKED] =
        "a subsection entry is an address vmsdcheck cannot follow",
    [VMSD_RULE_SUBSECTION_UNRESOLVED] =
        "a listed subsection is defined by no input",
    [VMSD_RULE_ALLOWLIST_STALE] =
        "an allowlist entry matches nothing that needs it",
    [VMSD_RULE_FACTS_MISSING] =
        "a C unit linked into a program was compiled without the plugin",
    [VMSD_RULE_SUBSECTION_REMOVED] =
        "a subsection the base had under a parent is gone (renamed or "
        "removed)",
    [VMSD_RULE_SECTION_REMOVED] =
        "a top-level description the base had is gone (renamed or "
        "removed)",
};

static const char *const severity_names[] = {
    [VMSD_OFF] = "off",
    [VMSD_WARNING] = "warning",
    [VMSD_ERROR] = "error",
};

const char *vmsd_rule_id(enum vmsd_rule rule)
{
    return rule_ids[rule];
}

const char *vmsd_rule_summary(enum vmsd_rule rule)
{
    return rule_summaries[rule];
}

bool vmsd_rule_from_id(const char *id, enum vmsd_rule *rule)
{
    for (int r = 0; r < VMSD_RULE_COUNT; r++) {
        if (strcmp(id, rule_ids[r]) == 0) {
            *rule = (enum vmsd_rule)r;
            return true;
        }
    }
    return false;
}

bool vmsd_severity_from_name(const char *name, enum vmsd_severity *out)
{
    for (int s = VMSD_OFF; s <= VMSD_ERROR; s++) {
        if (strcmp(name, severity_names[s]) == 0) {
            *out = (enum vmsd_severity)s;
            return true;
        }
    }
    return false;
}

const char *vmsd_severity_name(enum vmsd_severity severity)
{
    return severity_names[severity];
}

void vmsd_check_config_init(struct vmsd_check_config *config)
{
    memset(config, 0, sizeof *config);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        config->severity[r] = VMSD_WARNING;
    config->style.open_quote = "'";
    config->style.close_quote = "'";
    config->marker_field = VMSD_DEFAULT_MARKER_FIELD;
}

struct vmsd_finding *vmsd_finding_begin(const struct vmsd_check *check,
                                        enum vmsd_rule rule,
                                        struct vmsd_loc loc,
                                        const char *fmt, ...)
{
    enum vmsd_severity severity = check->config->severity[rule];
    if (severity == VMSD_OFF)
        return NULL;

    struct vmsd_finding *f = vmsd_xcalloc(1, sizeof *f);
    f->rule = rule;
    f->severity = severity;
    f->loc = loc;

    va_list ap;
    va_start(ap, fmt);
    f->message = vmsd_vformat(&check->config->style, fmt, ap);
    va_end(ap);
    return f;
}

void vmsd_finding_about(struct vmsd_finding *finding, const char *first,
                        const char *second)
{
    if (!finding)
        return;
    finding->about[0] = vmsd_strdup(first);
    finding->about[1] = vmsd_strdup(second);
}

const char *vmsd_desc_label(const struct vmsd_desc *desc)
{
    return desc->name ? desc->name : desc->symbol;
}

static bool loc_known(struct vmsd_loc loc)
{
    return loc.host || loc.file;
}

void vmsd_finding_note(const struct vmsd_check *check,
                       struct vmsd_finding *finding, struct vmsd_loc loc,
                       const char *fmt, ...)
{
    if (!finding || !loc_known(loc) || finding->n_notes == VMSD_MAX_NOTES)
        return;
    struct vmsd_note *note = &finding->notes[finding->n_notes++];
    note->loc = loc;
    va_list ap;
    va_start(ap, fmt);
    note->text = vmsd_vformat(&check->config->style, fmt, ap);
    va_end(ap);
}

void vmsd_finding_rename(struct vmsd_finding *finding,
                         const struct vmsd_desc *desc, char *suggested)
{
    if (!finding || !suggested || !finding->n_notes) {
        free(suggested);
        return;
    }
    finding->renamed = desc;
    finding->suggested_name = suggested;
    finding->notes[finding->n_notes - 1].has_fixit = true;
}

void vmsd_finding_end(const struct vmsd_check *check,
                      struct vmsd_finding *finding)
{
    if (!finding)
        return;
    check->report(finding, check->user);
    for (size_t i = 0; i < finding->n_notes; i++)
        free(finding->notes[i].text);
    free(finding->message);
    free(finding->about[0]);
    free(finding->about[1]);
    free(finding->suggested_name);
    free(finding);
}

void vmsd_check_model(const struct vmsd_model *model,
                      const struct vmsd_check_config *config,
                      vmsd_report_fn report, void *user)
{
    const struct vmsd_check check = { model, config, report, user };

    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *desc = model->descs[i];
        vmsd_check_description_name(&check, desc);
        if (desc->subsections) {
            vmsd_check_subsection_list(&check, desc);
            vmsd_check_subsection_names(&check, desc);
            vmsd_check_unresolved(&check, desc);
        }
        vmsd_check_marker(&check, desc);
    }
    vmsd_check_load_ambiguity(&check);
    if (config->base)
        vmsd_check_against_base(&check, config->base);
}

void vmsd_check_allowlist(const struct vmsd_model *const *models,
                          const struct vmsd_base_program *const *bases,
                          size_t n_models,
                          const struct vmsd_check_config *config,
                          vmsd_report_fn report, void *user,
                          bool *inapplicable)
{
    const struct vmsd_check check = { NULL, config, report, user };
    vmsd_check_stale_entries(&check, models, bases, n_models, inapplicable);
}
