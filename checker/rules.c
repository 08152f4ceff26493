/* The rule table, building findings, and the driver that runs every
 * rule over a model. */
#include "baseline.h"
#include "check.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct rule_def {
    const char *id;
    enum vmsd_scope scope;
    enum vmsd_direction direction;
    enum vmsd_severity severity;
    void (*check)(const struct vmsd_check *check);
    const char *summary;
};

static const struct rule_def rules[VMSD_RULE_COUNT] = {
#define RULE(name, id, scope, direction, severity, fn, summary) \
    [VMSD_RULE_##name] = { id, scope, direction, severity, fn, summary },
#include "rules.def"
#undef RULE
};

static const char *const severity_names[] = {
    [VMSD_OFF] = "off",
    [VMSD_WARNING] = "warning",
    [VMSD_ERROR] = "error",
};

const char *vmsd_rule_id(enum vmsd_rule rule)
{
    return rules[rule].id;
}

const char *vmsd_rule_summary(enum vmsd_rule rule)
{
    return rules[rule].summary;
}

enum vmsd_scope vmsd_rule_scope(enum vmsd_rule rule)
{
    return rules[rule].scope;
}

enum vmsd_direction vmsd_rule_direction(enum vmsd_rule rule)
{
    return rules[rule].direction;
}

enum vmsd_severity vmsd_rule_default_severity(enum vmsd_rule rule)
{
    return rules[rule].severity;
}

bool vmsd_rule_in_unit(enum vmsd_rule rule)
{
    return rules[rule].scope <= VMSD_SCOPE_UNIT;
}

bool vmsd_rule_from_id(const char *id, enum vmsd_rule *rule)
{
    for (int r = 0; r < VMSD_RULE_COUNT; r++) {
        if (strcmp(id, rules[r].id) == 0) {
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

static const char *const direction_names[] = {
    [VMSD_DIRECTION_FORWARD] = "forward",
    [VMSD_DIRECTION_BACKWARD] = "backward",
    [VMSD_DIRECTION_BOTH] = "both",
};

const char *vmsd_direction_name(enum vmsd_direction direction)
{
    return direction_names[direction];
}

bool vmsd_direction_from_name(const char *name, enum vmsd_direction *out)
{
    for (int d = VMSD_DIRECTION_FORWARD; d <= VMSD_DIRECTION_BOTH; d++) {
        if (strcmp(name, direction_names[d]) == 0) {
            *out = (enum vmsd_direction)d;
            return true;
        }
    }
    return false;
}

void vmsd_check_config_init(struct vmsd_check_config *config)
{
    memset(config, 0, sizeof *config);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        config->severity[r] = rules[r].severity;
    config->directions = VMSD_DIRECTION_BOTH;
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

void vmsd_finding_about_device(struct vmsd_finding *finding,
                               const char *type)
{
    vmsd_finding_about(finding, type, NULL);
    if (finding)
        finding->about_device = true;
}

const struct vmsd_compatdb *vmsd_check_allowlist(const struct vmsd_check *check)
{
    const struct vmsd_check_config *config = check->config;
    return config->read_allowlist ? config->read_allowlist()
                                  : config->allowlist;
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
    if (!finding || !loc_known(loc))
        return;
    struct vmsd_note *note = VMSD_APPEND(finding->notes, finding->n_notes);
    note->loc = loc;
    va_list ap;
    va_start(ap, fmt);
    note->text = vmsd_vformat(&check->config->style, fmt, ap);
    va_end(ap);
}

void vmsd_finding_remedy(const struct vmsd_check *check,
                         struct vmsd_finding *finding, const char *fmt, ...)
{
    if (!finding)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *what = vmsd_vformat(&check->config->style, fmt, ap);
    va_end(ap);
    struct vmsd_note *note = VMSD_APPEND(finding->notes, finding->n_notes);
    note->loc = finding->loc;
    note->text = vmsd_format(&check->config->style, "to keep migration "
                             "working: %s (docs/gate.md#%s)", what,
                             vmsd_rule_id(finding->rule));
    free(what);
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

void vmsd_finding_release(struct vmsd_finding *finding)
{
    for (size_t i = 0; i < finding->n_notes; i++)
        free(finding->notes[i].text);
    free(finding->notes);
    free(finding->message);
    free(finding->about[0]);
    free(finding->about[1]);
    free(finding->suggested_name);
}

void vmsd_finding_end(const struct vmsd_check *check,
                      struct vmsd_finding *finding)
{
    if (!finding)
        return;
    vmsd_gate_machines_apply(check, finding);
    check->report(finding, check->user);
    vmsd_finding_release(finding);
    free(finding);
}

bool vmsd_rule_runs(const struct vmsd_check_config *config,
                    enum vmsd_rule rule)
{
    enum vmsd_direction d = rules[rule].direction;
    return d == VMSD_DIRECTION_NONE || (d & config->directions);
}

/* The rules of one scope, in table order, less the gate rules of the
 * directions not chosen; a check function that several rules share runs
 * once.  A rule that is off still runs (its findings go nowhere):
 * allowlist-stale also tells which entries apply. */
static void run_rules(struct vmsd_check *check, enum vmsd_scope scope)
{
    void (*ran[VMSD_RULE_COUNT])(const struct vmsd_check *);
    size_t n_ran = 0;
    for (int r = 0; r < VMSD_RULE_COUNT; r++) {
        if (rules[r].scope != scope
            || !vmsd_rule_runs(check->config, (enum vmsd_rule)r))
            continue;
        size_t i = 0;
        while (i < n_ran && ran[i] != rules[r].check)
            i++;
        if (i < n_ran)
            continue;
        ran[n_ran++] = rules[r].check;
        rules[r].check(check);
    }
}

/* The description rules for each description in turn, then the unit
 * rules. */
static void run_unit_rules(struct vmsd_check *check)
{
    const struct vmsd_model *model = check->program->model;
    for (size_t i = 0; i < model->n_descs; i++) {
        check->desc = model->descs[i];
        run_rules(check, VMSD_SCOPE_DESCRIPTION);
    }
    check->desc = NULL;
    run_rules(check, VMSD_SCOPE_UNIT);
}

void vmsd_check_unit(const struct vmsd_model *model,
                     const struct vmsd_check_config *config,
                     vmsd_report_fn report, void *user)
{
    const struct vmsd_program_facts unit = { .model = model };
    struct vmsd_check check = { .config = config, .report = report,
                                .user = user, .program = &unit };
    run_unit_rules(&check);
}

void vmsd_check_program(const struct vmsd_program_facts *program,
                        const struct vmsd_check_config *config,
                        vmsd_report_fn report, void *user)
{
    /* What the gate's rules compare with the base: only in a gate. */
    struct vmsd_strset names = { 0 }, symbols = { 0 }, uncovered = { 0 },
                       unlisted = { 0 }, seen = { 0 };
    struct vmsd_base_program now = { 0 };
    if (program->base) {
        const struct vmsd_model *model = program->model;
        vmsd_model_names(model, &names, NULL, &symbols);
        for (size_t i = 0; i < program->n_uncovered; i++)
            vmsd_strset_add_name(&uncovered, program->uncovered[i]);
        for (size_t i = 0; i < program->n_unlisted; i++)
            vmsd_strset_add_name(&unlisted, program->unlisted[i]);
        for (size_t i = 0; program->units_unknown
                           && i < program->n_fact_units; i++)
            vmsd_strset_add_name(&seen, program->fact_units[i]);
        for (size_t i = 0; program->units_unknown && i < model->n_descs; i++)
            if (model->descs[i]->loc.file)
                vmsd_strset_add_name(&seen, model->descs[i]->loc.file);
        vmsd_base_program_from_model(&now, "", program->model);
        vmsd_base_program_add_devices(&now, program->devices,
                                      program->n_devices);
    }
    struct gate_machines *machines = vmsd_gate_machines_new(program, &now);
    struct vmsd_check check = { .config = config, .report = report,
                                .user = user, .program = program,
                                .names = &names, .symbols = &symbols,
                                .uncovered = &uncovered,
                                .unlisted = &unlisted,
                                .seen = program->units_unknown ? &seen : NULL,
                                .now = &now, .compared = program->compared,
                                .machines = machines };
    run_unit_rules(&check);
    run_rules(&check, VMSD_SCOPE_PROGRAM);
    vmsd_gate_machines_free(machines);
    vmsd_strset_free(&names);
    vmsd_strset_free(&symbols);
    vmsd_strset_free(&uncovered);
    vmsd_strset_free(&unlisted);
    vmsd_strset_free(&seen);
    vmsd_base_program_free(&now);
}

void vmsd_check_build(const struct vmsd_program_facts *programs,
                      size_t n_programs,
                      const struct vmsd_check_config *config,
                      vmsd_report_fn report, void *user, bool *inapplicable)
{
    struct vmsd_check check = { .config = config, .report = report,
                                .user = user, .programs = programs,
                                .n_programs = n_programs,
                                .inapplicable = inapplicable };
    run_rules(&check, VMSD_SCOPE_BUILD);
}
