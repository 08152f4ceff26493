/* The rule table: each rule's id, scope, direction, default severity
 * and summary (rules.def), and the names of severities and directions. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

struct rule_def {
    const char *id;
    enum vmsd_scope scope;
    enum vmsd_direction direction;
    enum vmsd_severity severity;
    const char *summary;
};

static const struct rule_def rules[VMSD_RULE_COUNT] = {
#define RULE(name, id, scope, direction, severity, fn, summary) \
    [VMSD_RULE_##name] = { id, scope, direction, severity, summary },
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

bool vmsd_rule_runs(const struct vmsd_check_config *config,
                    enum vmsd_rule rule)
{
    enum vmsd_direction d = rules[rule].direction;
    return d == VMSD_DIRECTION_NONE || (d & config->directions);
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
