/* Running the rules' check functions over a unit, a program or a
 * build, and building the findings they report. */
#include "baseline.h"
#include "check.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>

typedef void check_fn(const struct vmsd_check *check);

/* Each rule's check function (rules.def). */
static check_fn *const check_fns[VMSD_RULE_COUNT] = {
#define RULE(name, id, scope, direction, severity, fn, summary) \
    [VMSD_RULE_##name] = fn,
#include "rules.def"
#undef RULE
};

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

/* The check functions of one scope that run under a config: in table
 * order, less the gate rules of the directions not chosen, each once
 * (rules that one walk finds share one).  A rule that is off still runs
 * (its findings go nowhere): allowlist-stale also tells which entries
 * apply. */
struct scope_checks {
    check_fn *fns[VMSD_RULE_COUNT];
    size_t n;
};

static void scope_checks(struct scope_checks *out,
                         const struct vmsd_check_config *config,
                         enum vmsd_scope scope)
{
    out->n = 0;
    for (int r = 0; r < VMSD_RULE_COUNT; r++) {
        enum vmsd_rule rule = (enum vmsd_rule)r;
        if (vmsd_rule_scope(rule) != scope || !vmsd_rule_runs(config, rule))
            continue;
        size_t i = 0;
        while (i < out->n && out->fns[i] != check_fns[r])
            i++;
        if (i == out->n)
            out->fns[out->n++] = check_fns[r];
    }
}

static void run_rules(struct vmsd_check *check, enum vmsd_scope scope)
{
    struct scope_checks checks;
    scope_checks(&checks, check->config, scope);
    for (size_t i = 0; i < checks.n; i++)
        checks.fns[i](check);
}

/* The description rules for each description in turn, then the unit
 * rules. */
static void run_unit_rules(struct vmsd_check *check)
{
    const struct vmsd_model *model = check->program->model;
    struct scope_checks per_desc;
    scope_checks(&per_desc, check->config, VMSD_SCOPE_DESCRIPTION);
    for (size_t i = 0; i < model->n_descs; i++) {
        check->desc = model->descs[i];
        for (size_t j = 0; j < per_desc.n; j++)
            per_desc.fns[j](check);
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
