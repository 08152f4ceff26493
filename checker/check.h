/* What the check-*.c files share: the running check and the way a rule
 * reports.  Internal to the core. */
#ifndef VMSDCHECK_CHECK_H
#define VMSDCHECK_CHECK_H

#include "rules.h"

struct vmsd_check {
    const struct vmsd_model *model;
    const struct vmsd_check_config *config;
    vmsd_report_fn report;
    void *user;
};

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
/* Say what the finding is about (names; the second may be NULL). */
void vmsd_finding_about(struct vmsd_finding *finding, const char *first,
                        const char *second);
/* Offer renaming 'desc' to 'suggested' (owned by the finding from now
 * on) at the note just added. */
void vmsd_finding_rename(struct vmsd_finding *finding,
                         const struct vmsd_desc *desc, char *suggested);
/* Hand the finding to the reporter and free it. */
void vmsd_finding_end(const struct vmsd_check *check,
                      struct vmsd_finding *finding);

/* The rules, one family a file. */
void vmsd_check_subsection_names(const struct vmsd_check *check,
                                 const struct vmsd_desc *parent);
void vmsd_check_description_name(const struct vmsd_check *check,
                                 const struct vmsd_desc *desc);
void vmsd_check_subsection_list(const struct vmsd_check *check,
                                const struct vmsd_desc *parent);
void vmsd_check_unresolved(const struct vmsd_check *check,
                           const struct vmsd_desc *parent);
void vmsd_check_stale_entries(const struct vmsd_check *check,
                              const struct vmsd_model *const *models,
                              const struct vmsd_base_program *const *bases,
                              size_t n_models, bool *inapplicable);
void vmsd_check_against_base(const struct vmsd_check *check,
                             const struct vmsd_base_program *base);
void vmsd_check_marker(const struct vmsd_check *check,
                       const struct vmsd_desc *desc);
void vmsd_check_load_ambiguity(const struct vmsd_check *check);

#endif
