/* The rules vmsdcheck checks, their stable ids, and what a finding is.
 *
 * Each rule lives in one check-*.c file (see docs/rules.md); rules.c runs
 * them all over a resolved model and hands every finding to a callback.
 */
#ifndef VMSDCHECK_RULES_H
#define VMSDCHECK_RULES_H

#include "model.h"

struct vmsd_compatdb;
struct vmsd_base_program;
struct vmsd_strset;

enum vmsd_rule {
    VMSD_RULE_SUBSECTION_PREFIX,
    VMSD_RULE_SUBSECTION_SEPARATOR,
    VMSD_RULE_SUBSECTION_DUPLICATE,
    VMSD_RULE_SUBSECTION_TERMINATOR,
    VMSD_RULE_NAME_LENGTH,
    VMSD_RULE_NAME_MISSING,
    VMSD_RULE_LOAD_AMBIGUITY,
    VMSD_RULE_MARKER_MISSING,
    VMSD_RULE_MARKER_UNNEEDED,
    VMSD_RULE_SUBSECTION_UNCHECKED,
    /* Whole-program rules: only the vmsdcheck tool sees enough. */
    VMSD_RULE_SUBSECTION_UNRESOLVED,
    VMSD_RULE_ALLOWLIST_STALE,
    VMSD_RULE_FACTS_MISSING,
    /* The gate's rules: what a change loses against its base. */
    VMSD_RULE_SUBSECTION_REMOVED,
    VMSD_RULE_SECTION_REMOVED,
    VMSD_RULE_COUNT
};

/* The rules one unit can decide, which the plugin runs. */
#define VMSD_FIRST_PROGRAM_RULE VMSD_RULE_SUBSECTION_UNRESOLVED

enum vmsd_severity {
    VMSD_OFF,
    VMSD_WARNING,
    VMSD_ERROR,
};

/* The stable id printed in brackets, e.g. "subsection-prefix". */
const char *vmsd_rule_id(enum vmsd_rule rule);
/* One line on what the rule finds. */
const char *vmsd_rule_summary(enum vmsd_rule rule);
/* The rule with this id; false when there is none. */
bool vmsd_rule_from_id(const char *id, enum vmsd_rule *rule);
/* "error", "warning" or "off" to a severity; false for anything else. */
bool vmsd_severity_from_name(const char *name, enum vmsd_severity *out);
const char *vmsd_severity_name(enum vmsd_severity severity);

/* The member of VMStateDescription that says "my subsections use
 * legacy names", as QEMU's maintainers discussed it. */
#define VMSD_DEFAULT_MARKER_FIELD "legacy_bad_subsection_name"

/* The longest name the one-byte length on the wire can carry. */
#define VMSD_MAX_WIRE_NAME 255

#define VMSD_MAX_NOTES 8

/* Text of a finding: names stand between the style's quotes (GCC's
 * locale quotes in the plugin, plain ones in the tools). */
struct vmsd_text_style {
    const char *open_quote;
    const char *close_quote;
};

struct vmsd_note {
    struct vmsd_loc loc;
    char *text;
    bool has_fixit;             /* the rename below belongs here */
};

struct vmsd_finding {
    enum vmsd_rule rule;
    enum vmsd_severity severity;
    struct vmsd_loc loc;
    char *message;                      /* without the rule id */
    /* What it is about, independent of lines and programs: a parent and
     * a subsection, or a description (and NULL), or a unit.  With the
     * rule and the file, the finding's identity in a baseline. */
    char *about[2];
    struct vmsd_note notes[VMSD_MAX_NOTES];
    size_t n_notes;
    /* A rename that would fix it: 'renamed' is the description whose
     * name literal would read 'suggested_name'.  NULL when none is safe. */
    const struct vmsd_desc *renamed;
    char *suggested_name;
};

typedef void (*vmsd_report_fn)(const struct vmsd_finding *finding,
                               void *user);

struct vmsd_check_config {
    enum vmsd_severity severity[VMSD_RULE_COUNT];
    const struct vmsd_compatdb *allowlist;      /* may be NULL */
    /* The gate: what the base build of the program being checked had;
     * NULL when there is no base. */
    const struct vmsd_base_program *base;
    /* Files of the program's units that carry no facts: what the base
     * defined there is unseen, not gone (facts-missing says so). */
    const struct vmsd_strset *unseen_files;
    struct vmsd_text_style style;
    const char *marker_field;           /* for the marker rules' text */
};

/* Every rule at its default severity, no allowlist, plain quotes. */
void vmsd_check_config_init(struct vmsd_check_config *config);

/* Run every rule that is not off over a resolved model, in a stable
 * order (by description, then by list slot). */
void vmsd_check_model(const struct vmsd_model *model,
                      const struct vmsd_check_config *config,
                      vmsd_report_fn report, void *user);

/* allowlist-stale: the entries of the config's allowlist that no
 * program needs: their pair follows the rule or can never load, or a
 * program has their parent but not the pair.  An entry whose parent no
 * program has is not a finding: it does not apply to this build, and
 * INAPPLICABLE[i] (when not NULL) says so for entry i.  BASES[i] is
 * program i's base or NULL: a pair the base had is the gate's to report
 * (subsection-removed), not a stale entry. */
void vmsd_check_allowlist(const struct vmsd_model *const *models,
                          const struct vmsd_base_program *const *bases,
                          size_t n_models,
                          const struct vmsd_check_config *config,
                          vmsd_report_fn report, void *user,
                          bool *inapplicable);

/* facts-missing: UNITS are the C units of a program that carry no facts
 * (their source files, as the program's debug information names them). */
void vmsd_check_coverage(const struct vmsd_check_config *config,
                         const char *const *units, size_t n_units,
                         vmsd_report_fn report, void *user);

#endif
