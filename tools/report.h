/* The findings of a run, kept across programs (one finding found in
 * five binaries is reported once, naming all five), sorted, and written
 * as GCC-style text, JSON or SARIF 2.1.0. */
#ifndef VMSDCHECK_TOOL_REPORT_H
#define VMSDCHECK_TOOL_REPORT_H

#include "../checker/rules.h"

#include <jansson.h>
#include <stdio.h>

struct stored_note {
    struct vmsd_loc loc;
    char *text;
};

struct stored_finding {
    enum vmsd_rule rule;
    enum vmsd_severity severity;
    struct vmsd_loc loc;                /* file owned by the report */
    char *message;
    struct stored_note notes[VMSD_MAX_NOTES];
    size_t n_notes;
    char *suggested_name;               /* a rename, or NULL */
    unsigned long programs;             /* bit i: found in program i */
};

struct report {
    struct stored_finding *findings;
    size_t n_findings;
    const char **programs;              /* names, not owned */
    size_t n_programs;
    size_t current_program;
    char **files;                       /* interned file names */
    size_t n_files;
};

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

void report_init(struct report *report);
void report_free(struct report *report);

/* Findings from now on belong to this program. */
void report_begin_program(struct report *report, const char *name);
/* A vmsd_report_fn: the user pointer is the report. */
void report_add(const struct vmsd_finding *finding, void *report);

/* Sorted by file, line, column, rule, message. */
void report_sort(struct report *report);
/* The most severe finding's severity (VMSD_OFF when there is none). */
enum vmsd_severity report_worst(const struct report *report);

/* Drop the findings a JSON report of the base branch already has (same
 * rule and message); false when that report is unreadable. */
bool report_drop_known(struct report *report, const char *baseline_path);

/* TREE as indented JSON text with a final newline, in member order;
 * TREE is released.  The caller frees the text. */
char *report_json_text(json_t *tree);

/* The report as text in the format; the caller frees it. */
char *report_render(const struct report *report, enum report_format format);

#endif
