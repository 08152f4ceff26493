/* The findings of a run, kept across programs (one finding found in
 * five binaries is reported once, naming all five), sorted, given a
 * fingerprint, and written as GCC-style text, JSON, SARIF 2.1.0 or
 * GitLab Code Quality. */
#ifndef VMSDCHECK_TOOL_REPORT_H
#define VMSDCHECK_TOOL_REPORT_H

#include "program.h"

#include "../checker/compatdb.h"
#include "../checker/rules.h"

#include <jansson.h>
#include <stdio.h>

#define REPORT_FORMAT "vmsdcheck-report"
/* Version 4 adds each field's place, each device type's "assigned",
 * each description's "needed" and the device types without state. */
#define REPORT_VERSION 4

struct stored_finding {
    struct vmsd_finding finding;        /* files owned by the report; no
                                           'renamed' (the model's) */
    char *fingerprint;                  /* set by report_sort */
    unsigned long programs;             /* bit i: found in program i */
};

struct report {
    struct stored_finding *findings;
    size_t n_findings;
    struct vmsd_strset files;           /* interned file names */
    struct vmsd_strset seen;            /* a finding's place and text ->
                                           its index + 1 */
    /* What the run looked at, for JSON and the summary; not owned. */
    const struct program *programs;
    size_t n_programs;
    size_t current_program;
    const struct vmsd_compatdb *allowlist;
    const bool *inapplicable;            /* per allowlist entry, or NULL */
    const char *source_root;            /* absolute, or NULL */
};

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_GITLAB };

void report_init(struct report *report, const struct program *programs,
                 size_t n_programs, const char *source_root);
void report_free(struct report *report);

/* Findings from now on belong to program I. */
void report_begin_program(struct report *report, size_t i);
/* A vmsd_report_fn: the user pointer is the report. */
void report_add(const struct vmsd_finding *finding, void *report);

/* Sort by file, line, column, rule, message, and give every finding
 * its fingerprint: its rule, what it is about and its file, hashed, and
 * which occurrence of that it is ("<hash>-<n>"), so that it survives
 * moved lines and a second occurrence is new. */
void report_sort(struct report *report);
/* The most severe finding's severity (VMSD_OFF when there is none). */
enum vmsd_severity report_worst(const struct report *report);

/* Drop the findings whose fingerprint KNOWN (a set) has. */
void report_drop_known(struct report *report, const struct vmsd_strset *known);

/* TREE as indented JSON text with a final newline, in member order;
 * TREE is released.  The caller frees the text. */
char *report_json_text(json_t *tree);

/* A program's coverage as the JSON report's "units" object. */
json_t *report_json_units(const struct program *program);

/* The report as text in the format; the caller frees it. */
char *report_render(const struct report *report, enum report_format format);

/* What the findings do not say, on OUT: units without facts, allowlist
 * entries that do not apply to these programs. */
void report_summary(const struct report *report, FILE *out);

/* What description-misfit could not decide, on OUT: device types and
 * nested struct fields whose description's struct or holder's struct
 * is unknown, beside those it checked (said when it checked a device
 * type). */
void report_fit_summary(const struct report *report, FILE *out);

#endif
