/* Keeping and writing findings. */
#include "report.h"

#include "../checker/strbuf.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Programs are a bit set: more than this many collapse into the last. */
#define MAX_PROGRAM_BITS (8 * sizeof(unsigned long))

void report_init(struct report *report)
{
    memset(report, 0, sizeof *report);
}

void report_free(struct report *report)
{
    for (size_t i = 0; i < report->n_findings; i++) {
        struct stored_finding *f = &report->findings[i];
        free(f->message);
        free(f->suggested_name);
        for (size_t j = 0; j < f->n_notes; j++)
            free(f->notes[j].text);
    }
    for (size_t i = 0; i < report->n_files; i++)
        free(report->files[i]);
    free(report->files);
    free(report->findings);
    free(report->programs);
    memset(report, 0, sizeof *report);
}

void report_begin_program(struct report *report, const char *name)
{
    report->programs = vmsd_xrealloc(report->programs,
                                     (report->n_programs + 1)
                                     * sizeof *report->programs);
    report->current_program = report->n_programs;
    report->programs[report->n_programs++] = name;
}

static const char *intern(struct report *report, const char *file)
{
    if (!file)
        return NULL;
    for (size_t i = report->n_files; i-- > 0;)
        if (strcmp(report->files[i], file) == 0)
            return report->files[i];
    report->files = vmsd_xrealloc(report->files, (report->n_files + 1)
                                  * sizeof *report->files);
    return report->files[report->n_files++] = vmsd_strdup(file);
}

static bool same_loc(struct vmsd_loc a, struct vmsd_loc b)
{
    return a.file == b.file && a.line == b.line && a.column == b.column;
}

static unsigned long program_bit(const struct report *report)
{
    size_t i = report->current_program;
    return 1ul << (i < MAX_PROGRAM_BITS ? i : MAX_PROGRAM_BITS - 1);
}

void report_add(const struct vmsd_finding *finding, void *user)
{
    struct report *report = user;
    struct vmsd_loc loc = finding->loc;
    loc.file = intern(report, loc.file);
    loc.host = 0;

    for (size_t i = 0; i < report->n_findings; i++) {
        struct stored_finding *f = &report->findings[i];
        if (f->rule == finding->rule && same_loc(f->loc, loc)
            && strcmp(f->message, finding->message) == 0) {
            f->programs |= program_bit(report);
            return;
        }
    }
    report->findings = vmsd_xrealloc(report->findings,
                                     (report->n_findings + 1)
                                     * sizeof *report->findings);
    struct stored_finding *f = &report->findings[report->n_findings++];
    memset(f, 0, sizeof *f);
    f->rule = finding->rule;
    f->severity = finding->severity;
    f->loc = loc;
    f->message = vmsd_strdup(finding->message);
    f->suggested_name = vmsd_strdup(finding->suggested_name);
    f->n_notes = finding->n_notes;
    for (size_t i = 0; i < finding->n_notes; i++) {
        f->notes[i].loc = finding->notes[i].loc;
        f->notes[i].loc.file = intern(report, finding->notes[i].loc.file);
        f->notes[i].loc.host = 0;
        f->notes[i].text = vmsd_strdup(finding->notes[i].text);
    }
    f->programs = program_bit(report);
}

static int compare_findings(const void *pa, const void *pb)
{
    const struct stored_finding *a = pa, *b = pb;
    int c = strcmp(a->loc.file ? a->loc.file : "", b->loc.file ? b->loc.file : "");
    if (c)
        return c;
    if (a->loc.line != b->loc.line)
        return a->loc.line < b->loc.line ? -1 : 1;
    if (a->loc.column != b->loc.column)
        return a->loc.column < b->loc.column ? -1 : 1;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    return strcmp(a->message, b->message);
}

void report_sort(struct report *report)
{
    if (report->n_findings)
        qsort(report->findings, report->n_findings, sizeof *report->findings,
              compare_findings);
}

enum vmsd_severity report_worst(const struct report *report)
{
    enum vmsd_severity worst = VMSD_OFF;
    for (size_t i = 0; i < report->n_findings; i++)
        if (report->findings[i].severity > worst)
            worst = report->findings[i].severity;
    return worst;
}

/* Text: what GCC would print, plus a note naming the programs when the
 * run had several. */

static void put_where(struct vmsd_strbuf *b, struct vmsd_loc loc)
{
    if (!loc.file)
        vmsd_strbuf_puts(b, "vmsdcheck: ");
    else if (!loc.line)
        vmsd_strbuf_printf(b, "%s: ", loc.file);
    else if (!loc.column)
        vmsd_strbuf_printf(b, "%s:%u: ", loc.file, loc.line);
    else
        vmsd_strbuf_printf(b, "%s:%u:%u: ", loc.file, loc.line, loc.column);
}

static void put_programs(struct vmsd_strbuf *b, const struct report *report,
                         unsigned long programs)
{
    const char *sep = "";
    for (size_t i = 0; i < report->n_programs && i < MAX_PROGRAM_BITS; i++) {
        if (programs & (1ul << i)) {
            vmsd_strbuf_printf(b, "%s%s", sep, report->programs[i]);
            sep = ", ";
        }
    }
}

static char *render_text(const struct report *report)
{
    struct vmsd_strbuf b = { 0 };
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        put_where(&b, f->loc);
        vmsd_strbuf_printf(&b, "%s: %s\n", vmsd_severity_name(f->severity),
                           f->message);
        for (size_t j = 0; j < f->n_notes; j++) {
            put_where(&b, f->notes[j].loc);
            vmsd_strbuf_printf(&b, "note: %s\n", f->notes[j].text);
        }
        if (report->n_programs > 1) {
            put_where(&b, f->loc);
            vmsd_strbuf_puts(&b, "note: in ");
            put_programs(&b, report, f->programs);
            vmsd_strbuf_puts(&b, "\n");
        }
    }
    return vmsd_strbuf_take(&b);
}

/* JSON: vmsdcheck's own, documented in docs/whole-program.md. */

static json_t *json_loc(struct vmsd_loc loc)
{
    return json_pack("{s:s?, s:i, s:i}", "file", loc.file, "line",
                     (int)loc.line, "column", (int)loc.column);
}

static json_t *json_program_names(const struct report *report,
                                  unsigned long programs)
{
    json_t *names = json_array();
    for (size_t i = 0; i < report->n_programs && i < MAX_PROGRAM_BITS; i++)
        if (programs & (1ul << i))
            json_array_append_new(names, json_string(report->programs[i]));
    return names;
}

static json_t *render_json_tree(const struct report *report)
{
    json_t *findings = json_array();
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        json_t *notes = json_array();
        for (size_t j = 0; j < f->n_notes; j++)
            json_array_append_new(notes, json_pack("{s:o, s:s}",
                "location", json_loc(f->notes[j].loc),
                "message", f->notes[j].text));
        json_t *item = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o}",
            "rule", vmsd_rule_id(f->rule),
            "severity", vmsd_severity_name(f->severity),
            "message", f->message,
            "location", json_loc(f->loc),
            "notes", notes,
            "programs", json_program_names(report, f->programs));
        if (f->suggested_name)
            json_object_set_new(item, "suggested_name",
                                json_string(f->suggested_name));
        json_array_append_new(findings, item);
    }
    json_t *programs = json_array();
    for (size_t i = 0; i < report->n_programs; i++)
        json_array_append_new(programs, json_string(report->programs[i]));
    return json_pack("{s:s, s:i, s:o, s:o}", "format", "vmsdcheck-report",
                     "version", 1, "programs", programs, "findings",
                     findings);
}

/* SARIF 2.1.0, as GitHub and GitLab read it. */

static json_t *sarif_location(struct vmsd_loc loc, const char *message)
{
    json_t *region = json_pack("{s:i}", "startLine", loc.line ? (int)loc.line : 1);
    if (loc.column)
        json_object_set_new(region, "startColumn", json_integer(loc.column));
    json_t *where = json_pack("{s:{s:{s:s}, s:o}}", "physicalLocation",
                              "artifactLocation", "uri",
                              loc.file ? loc.file : "", "region", region);
    if (message)
        json_object_set_new(where, "message",
                            json_pack("{s:s}", "text", message));
    return where;
}

static json_t *render_sarif_tree(const struct report *report)
{
    json_t *rules = json_array();
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        json_array_append_new(rules, json_pack("{s:s, s:{s:s}}",
            "id", vmsd_rule_id((enum vmsd_rule)r),
            "shortDescription", "text", vmsd_rule_summary((enum vmsd_rule)r)));
    json_t *results = json_array();
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        json_t *related = json_array();
        for (size_t j = 0; j < f->n_notes; j++)
            json_array_append_new(related,
                sarif_location(f->notes[j].loc, f->notes[j].text));
        json_t *result = json_pack("{s:s, s:i, s:s, s:{s:s}, s:[o], s:o}",
            "ruleId", vmsd_rule_id(f->rule),
            "ruleIndex", (int)f->rule,
            "level", f->severity == VMSD_ERROR ? "error" : "warning",
            "message", "text", f->message,
            "locations", sarif_location(f->loc, NULL),
            "relatedLocations", related);
        json_object_set_new(result, "properties", json_pack("{s:o}",
            "programs", json_program_names(report, f->programs)));
        json_array_append_new(results, result);
    }
    return json_pack("{s:s, s:[{s:{s:{s:s, s:s, s:o}}, s:o}]}",
        "version", "2.1.0",
        "runs", "tool", "driver", "name", "vmsdcheck",
        "version", VMSDCHECK_VERSION,
        "rules", rules,
        "results", results);
}

char *report_json_text(json_t *tree)
{
    char *text = json_dumps(tree, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(tree);
    size_t n = strlen(text);
    char *out = vmsd_xrealloc(NULL, n + 2);
    memcpy(out, text, n);
    strcpy(out + n, "\n");
    free(text);
    return out;
}

char *report_render(const struct report *report, enum report_format format)
{
    if (format == REPORT_TEXT)
        return render_text(report);
    return report_json_text(format == REPORT_JSON ? render_json_tree(report)
                                                  : render_sarif_tree(report));
}

/* Baselines: a finding is known when the base's JSON report has one of
 * the same rule and message (lines move; what a finding says does not). */

static bool in_baseline(json_t *known, const struct stored_finding *f)
{
    size_t i;
    json_t *item;
    json_array_foreach(known, i, item) {
        const char *rule = json_string_value(json_object_get(item, "rule"));
        const char *message = json_string_value(json_object_get(item,
                                                                "message"));
        if (rule && message && strcmp(rule, vmsd_rule_id(f->rule)) == 0
            && strcmp(message, f->message) == 0)
            return true;
    }
    return false;
}

bool report_drop_known(struct report *report, const char *baseline_path)
{
    json_error_t jerr;
    json_t *root = json_load_file(baseline_path, 0, &jerr);
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *known = json_object_get(root, "findings");
    if (!root || !format || strcmp(format, "vmsdcheck-report") != 0
        || !json_is_array(known)) {
        fprintf(stderr, "vmsdcheck: %s: not a vmsdcheck JSON report%s%s\n",
                baseline_path, root ? "" : ": ", root ? "" : jerr.text);
        json_decref(root);
        return false;
    }
    size_t kept = 0;
    for (size_t i = 0; i < report->n_findings; i++) {
        struct stored_finding *f = &report->findings[i];
        if (!in_baseline(known, f)) {
            report->findings[kept++] = *f;
            continue;
        }
        free(f->message);
        free(f->suggested_name);
        for (size_t j = 0; j < f->n_notes; j++)
            free(f->notes[j].text);
    }
    report->n_findings = kept;
    json_decref(root);
    return true;
}
