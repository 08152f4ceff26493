/* The rules vmsdcheck checks, their stable ids, and what a finding is.
 *
 * Each rule lives in one check-*.c file (see docs/rules.md); rules.c runs
 * them all over a resolved model and hands every finding to a callback.
 */
#ifndef VMSDCHECK_RULES_H
#define VMSDCHECK_RULES_H

#include "model.h"
#include "text.h"

struct vmsd_compatdb;
struct vmsd_base_program;

enum vmsd_rule {
#define RULE(name, id, scope, direction, severity, fn, summary) \
    VMSD_RULE_##name,
#include "rules.def"
#undef RULE
    VMSD_RULE_COUNT
};

/* What a rule needs to see, and so who runs it. */
enum vmsd_scope {
    VMSD_SCOPE_DESCRIPTION,     /* one description and what its unit
                                   defines: the plugin and the tool */
    VMSD_SCOPE_UNIT,            /* a unit's descriptions together: the
                                   plugin and the tool */
    VMSD_SCOPE_PROGRAM,         /* a linked program, and in a gate its
                                   base: the tool */
    VMSD_SCOPE_BUILD,           /* every program of a run: the tool */
};

enum vmsd_severity {
    VMSD_OFF,
    VMSD_WARNING,
    VMSD_ERROR,
};

/* Which migration between a base build and a change a gate rule
 * guards: forward, the change loading what the base sends; backward,
 * the base loading what the change sends (QEMU supports both on one
 * versioned machine type).  A set of them: BOTH is FORWARD | BACKWARD. */
enum vmsd_direction {
    VMSD_DIRECTION_NONE = 0,    /* not a gate rule: always runs */
    VMSD_DIRECTION_FORWARD = 1,
    VMSD_DIRECTION_BACKWARD = 2,
    VMSD_DIRECTION_BOTH = 3,
};

/* The stable id printed in brackets, e.g. "subsection-prefix". */
const char *vmsd_rule_id(enum vmsd_rule rule);
/* One line on what the rule finds. */
const char *vmsd_rule_summary(enum vmsd_rule rule);
enum vmsd_scope vmsd_rule_scope(enum vmsd_rule rule);
enum vmsd_direction vmsd_rule_direction(enum vmsd_rule rule);
/* Can the plugin decide it from one unit? */
bool vmsd_rule_in_unit(enum vmsd_rule rule);
/* The rule with this id; false when there is none. */
bool vmsd_rule_from_id(const char *id, enum vmsd_rule *rule);
/* "error", "warning" or "off" to a severity; false for anything else. */
bool vmsd_severity_from_name(const char *name, enum vmsd_severity *out);
const char *vmsd_severity_name(enum vmsd_severity severity);
/* "forward", "backward" or "both" to a direction; false for anything
 * else. */
bool vmsd_direction_from_name(const char *name, enum vmsd_direction *out);
/* The name --direction takes for a direction (not NONE). */
const char *vmsd_direction_name(enum vmsd_direction direction);

/* The member of VMStateDescription that says "my subsections use
 * legacy names", as QEMU's maintainers discussed it. */
#define VMSD_DEFAULT_MARKER_FIELD "legacy_bad_subsection_name"

/* The longest name the one-byte length on the wire can carry. */
#define VMSD_MAX_WIRE_NAME 255

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
    bool about_device;                  /* about[0] is a device type */
    struct vmsd_note *notes;            /* every one: a proof can be long */
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
    enum vmsd_direction directions;     /* the gate rules that run */
    const struct vmsd_compatdb *allowlist;      /* may be NULL */
    /* Instead of 'allowlist': called each time a rule needs it, so that
     * the plugin reads its allowlists only then (most units never need
     * them); NULL when they cannot be read. */
    const struct vmsd_compatdb *(*read_allowlist)(void);
    struct vmsd_text_style style;
    const char *marker_field;           /* for the marker rules' text */
};

/* Every rule at its default severity, both directions, no allowlist,
 * plain quotes. */
void vmsd_check_config_init(struct vmsd_check_config *config);

/* Whether RULE runs under CONFIG: it needs no base, or guards a
 * direction chosen.  A check function that finds several rules asks
 * before each. */
bool vmsd_rule_runs(const struct vmsd_check_config *config,
                    enum vmsd_rule rule);

/* What a gate compared, for the summary of a gate that passes. */
struct vmsd_gate_counts {
    size_t descriptions;        /* of the base, that the change still has */
    size_t fields;              /* theirs, in the base */
    size_t kept_back;           /* new subsections and field_exists
                                   fields a compat property keeps from
                                   every released machine type */
};

/* Which machine types can contain a device type (tools/containment.c):
 * the gate keeps a break of a device that only unversioned machine
 * types can contain below error, since QEMU promises migration
 * compatibility only for versioned ones (docs/gate.md). */
struct vmsd_type_machines {
#define VMSD_TYPE_MACHINES_MEMBER VMSD_MODEL_MEMBER
#include "records.def"
};

/* Whether a machine type sends a subsection whose needed function tests
 * a device property (tools/compat-props.c): the property's value on it
 * (its default, or what its compat properties set) makes the needed
 * function false (NO) or possibly true (YES: "m" or "!m" true, or
 * "m && ..." with m on), or cannot be told (UNKNOWN: a value that is no
 * bool, a compat property added under a condition or from an array no
 * unit defines).  */
enum vmsd_sends {
    VMSD_SENDS_NO,
    VMSD_SENDS_YES,
    VMSD_SENDS_UNKNOWN,
};

struct vmsd_machine_sends {
    const char *machine;        /* "board-4.0" */
    int major, minor;           /* its version; -1 -1: unversioned */
    bool released;              /* versioned and of a release out (not
                                   newer than the build's QEMU version):
                                   QEMU keeps migration working on it */
    enum vmsd_sends sends;
    const char *value;          /* the property's value on it; NULL: the
                                   default */
    const char *array;          /* the compat array that set it; NULL:
                                   the default */
};

/* One device type's subsection whose needed function tests one of its
 * properties (or field of its description whose field_exists test
 * does), and each registered machine type of the program. */
struct vmsd_sub_sends {
    const char *parent, *subsection;    /* the field's name, for a field */
    bool field;
    const char *device;         /* the device type */
    const char *needed;         /* the needed function */
    const char *property;       /* the property's name */
    bool property_default;
    struct vmsd_machine_sends *machines;
    size_t n_machines;
};

/* Over the entries of a program about (PARENT, SUB), only machine types
 * that RELEASED_ONLY allows: YES when one sends it (*MACHINE, *ENTRY
 * that one), NO when every entry decides that none does (*ENTRY the
 * first), UNKNOWN otherwise, and when there is no such machine type or
 * no entry is about the pair (*ENTRY NULL).  FIELD: SUB is a field of
 * PARENT sent when its field_exists test says so. */
enum vmsd_sends vmsd_sub_sends_find(const struct vmsd_sub_sends *list,
                                    size_t n, const char *parent,
                                    const char *sub, bool field,
                                    bool released_only,
                                    const struct vmsd_sub_sends **entry,
                                    const struct vmsd_machine_sends **machine);

/* What description-misfit decided, for the summary: device types whose
 * description fits their instances, does not, or cannot be told (the
 * description's struct or the instances' struct unknown); the same for
 * fields that load a struct member with a nested description. */
struct vmsd_fit_counts {
    size_t devices_fit, devices_misfit;
    size_t devices_desc_unknown, devices_instance_unknown;
    size_t nested_fit, nested_misfit, nested_unknown;
};

/* What the tool knows of one linked program. */
struct vmsd_program_facts {
    const struct vmsd_model *model;     /* resolved */
    const struct vmsd_device *devices;  /* its device types with one */
    size_t n_devices;
    /* Per device: its class sets the description only under a condition
     * (another type may be what it is for); may be NULL. */
    const bool *device_conditional;
    /* The gate: what the base build of this program had; NULL when
     * there is no base. */
    const struct vmsd_base_program *base;
    /* The program's C units that carry no facts (their source files, as
     * its debug information names them): facts-missing reports them,
     * and what the base defined there is unseen, not gone. */
    const char *const *uncovered;
    size_t n_uncovered;
    /* When the program cannot tell which C units it has, why not (no
     * debug information, no symbol table, ...: 'uncovered' is then
     * empty), else NULL; and the files of the units that carry facts:
     * what the base defined in any other file may be in a unit compiled
     * without the plugin, so it is unseen (and said so), never gone. */
    const char *units_unknown;
    const char *const *fact_units;
    size_t n_fact_units;
    /* Units only its symbol table names, without facts (compiled without
     * -g): not facts-missing findings (a static library's units are
     * named there too), but what the base defined there is unseen. */
    const char *const *unlisted;
    size_t n_unlisted;
    /* Where the gate counts what it compared; may be NULL. */
    struct vmsd_gate_counts *compared;
    /* Its device types, sorted by type, with the machine types that
     * can contain them; none without machine facts (no machine type's
     * init known: an older plugin's objects): then the gate leaves
     * every break an error. */
    const struct vmsd_type_machines *type_machines;
    size_t n_type_machines;
    /* Its subsections a device property selects, per machine type;
     * none without the facts (X, W) of newer plugins. */
    const struct vmsd_sub_sends *sub_sends;
    size_t n_sub_sends;
    /* Where description-misfit counts what it decided; may be NULL. */
    struct vmsd_fit_counts *fit;
};

/* The plugin: every rule of one unit that is not off, over a resolved
 * model, in a stable order (by description, then by rule). */
void vmsd_check_unit(const struct vmsd_model *model,
                     const struct vmsd_check_config *config,
                     vmsd_report_fn report, void *user);

/* The tool: the unit rules and the program rules over one program. */
void vmsd_check_program(const struct vmsd_program_facts *program,
                        const struct vmsd_check_config *config,
                        vmsd_report_fn report, void *user);

/* The tool: the rules over all the programs of a run (allowlist-stale).
 * An allowlist entry whose parent no program has does not apply to this
 * build: not a finding, and INAPPLICABLE[i] (when not NULL) says so for
 * entry i. */
void vmsd_check_build(const struct vmsd_program_facts *programs,
                      size_t n_programs,
                      const struct vmsd_check_config *config,
                      vmsd_report_fn report, void *user, bool *inapplicable);

/* Free what a finding owns (not the finding itself). */
void vmsd_finding_release(struct vmsd_finding *finding);

#endif
