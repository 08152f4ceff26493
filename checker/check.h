/* What the check-*.c files share: the running check and the way a rule
 * reports.  Internal to the core. */
#ifndef VMSDCHECK_CHECK_H
#define VMSDCHECK_CHECK_H

#include "rules.h"
#include "strset.h"

/* What a rule's check function sees: all that its scope has. */
struct vmsd_check {
    const struct vmsd_check_config *config;
    vmsd_report_fn report;
    void *user;
    /* The unit or program; in the plugin only the model is set. */
    const struct vmsd_program_facts *program;
    /* VMSD_SCOPE_DESCRIPTION: the description being checked. */
    const struct vmsd_desc *desc;
    /* VMSD_SCOPE_PROGRAM, in a gate only: the program's descriptions by
     * name and by symbol (vmsd_model_names), the files of its units
     * without facts (listed, and named only by its symbol table), when
     * its units are unknown the files it sees (its
     * units with facts and the files of its definitions), and the
     * program as a base would record it (its pairs, fields and devices),
     * to compare with the base's. */
    const struct vmsd_strset *names;
    const struct vmsd_strset *symbols;
    const struct vmsd_strset *uncovered;
    const struct vmsd_strset *unlisted;
    const struct vmsd_strset *seen;
    const struct vmsd_base_program *now;
    struct vmsd_gate_counts *compared;  /* may be NULL */
    /* In a gate with machine facts, what machine types can contain the
     * devices findings are about (gate-machines.c); else NULL. */
    const struct gate_machines *machines;
    /* VMSD_SCOPE_BUILD: every program, and per allowlist entry whether
     * it applies (may be NULL). */
    const struct vmsd_program_facts *programs;
    size_t n_programs;
    bool *inapplicable;
};

/* The allowlist of the check's config, read when first needed. */
const struct vmsd_compatdb *vmsd_check_allowlist(const struct vmsd_check *check);

/* How messages call a description: its name, or its symbol when it
 * has none. */
const char *vmsd_desc_label(const struct vmsd_desc *desc);

/* A finding under construction: vmsd_finding_begin() returns NULL when
 * the rule is off, and every other call accepts that NULL. */
struct vmsd_finding *vmsd_finding_begin(const struct vmsd_check *check,
                                        enum vmsd_rule rule,
                                        struct vmsd_loc loc,
                                        const char *fmt, ...);
void vmsd_finding_note(const struct vmsd_check *check,
                       struct vmsd_finding *finding, struct vmsd_loc loc,
                       const char *fmt, ...);
/* End the notes with what to do instead, at the finding's own place,
 * pointing at the rule's section of docs/gate.md: every gate finding
 * has one. */
void vmsd_finding_remedy(const struct vmsd_check *check,
                         struct vmsd_finding *finding, const char *fmt, ...);
/* Say what the finding is about (names; the second may be NULL). */
void vmsd_finding_about(struct vmsd_finding *finding, const char *first,
                        const char *second);
/* Offer renaming 'desc' to 'suggested' (owned by the finding from now
 * on) at the note just added. */
void vmsd_finding_rename(struct vmsd_finding *finding,
                         const struct vmsd_desc *desc, char *suggested);
/* The finding is about device type TYPE (not a description). */
void vmsd_finding_about_device(struct vmsd_finding *finding,
                               const char *type);
/* gate-machines.c: what the gate knows of machine types, NULL without
 * machine facts; and a gate finding's severity and note from it, as
 * vmsd_finding_end hands the finding on. */
struct gate_machines *vmsd_gate_machines_new(
    const struct vmsd_program_facts *program,
    const struct vmsd_base_program *now);
void vmsd_gate_machines_free(struct gate_machines *gm);
void vmsd_gate_machines_apply(const struct vmsd_check *check,
                              struct vmsd_finding *finding);
/* Hand the finding to the reporter and free it. */
void vmsd_finding_end(const struct vmsd_check *check,
                      struct vmsd_finding *finding);

/* The check functions, one family of rules a file (rules.def). */
#define RULE(name, id, scope, direction, severity, fn, summary) \
    void fn(const struct vmsd_check *check);
#include "rules.def"
#undef RULE

#endif
