/* Keeping and writing findings. */
#include "report.h"
#include "record-json.h"

#include "../checker/baseline.h"
#include "../checker/json-name.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Programs are a bit set: more than this many collapse into the last. */
#define MAX_PROGRAM_BITS (8 * sizeof(unsigned long))

void report_init(struct report *report, const struct program *programs,
                 size_t n_programs, const char *source_root)
{
    memset(report, 0, sizeof *report);
    report->programs = programs;
    report->n_programs = n_programs;
    report->source_root = source_root;
}

static void free_finding(struct stored_finding *f)
{
    vmsd_finding_release(&f->finding);
    free(f->fingerprint);
}

void report_free(struct report *report)
{
    for (size_t i = 0; i < report->n_findings; i++)
        free_finding(&report->findings[i]);
    free(report->findings);
    vmsd_strset_free(&report->files);
    vmsd_strset_free(&report->seen);
    memset(report, 0, sizeof *report);
}

void report_begin_program(struct report *report, size_t i)
{
    report->current_program = i;
}

static struct vmsd_loc own_loc(struct report *report, struct vmsd_loc loc)
{
    if (loc.file)
        loc.file = vmsd_strset_add_name(&report->files, loc.file)->key;
    loc.host = 0;
    return loc;
}

static unsigned long program_bit(const struct report *report)
{
    size_t i = report->current_program;
    return 1ul << (i < MAX_PROGRAM_BITS ? i : MAX_PROGRAM_BITS - 1);
}

void report_add(const struct vmsd_finding *finding, void *user)
{
    struct report *report = user;
    struct vmsd_loc loc = own_loc(report, finding->loc);

    /* The same finding in another program is one finding. */
    struct vmsd_strbuf key = { 0 };
    vmsd_strbuf_printf(&key, "%d:%s:%u:%u:%s", (int)finding->rule,
                       loc.file ? loc.file : "", loc.line, loc.column,
                       finding->message);
    struct vmsd_strset_slot *slot = vmsd_strset_add(&report->seen, key.data,
                                                    key.len);
    free(key.data);
    if (slot->value) {
        report->findings[(uintptr_t)slot->value - 1].programs
            |= program_bit(report);
        return;
    }
    slot->value = (void *)(uintptr_t)(report->n_findings + 1);
    struct stored_finding *f = VMSD_APPEND(report->findings,
                                           report->n_findings);
    f->finding.rule = finding->rule;
    f->finding.severity = finding->severity;
    f->finding.loc = loc;
    f->finding.message = vmsd_strdup(finding->message);
    f->finding.about[0] = vmsd_strdup(finding->about[0]);
    f->finding.about[1] = vmsd_strdup(finding->about[1]);
    f->finding.suggested_name = vmsd_strdup(finding->suggested_name);
    f->finding.n_notes = finding->n_notes;
    f->finding.notes = vmsd_xcalloc(finding->n_notes + 1,
                                    sizeof *f->finding.notes);
    for (size_t i = 0; i < finding->n_notes; i++) {
        struct vmsd_note *note = &f->finding.notes[i];
        *note = finding->notes[i];
        note->loc = own_loc(report, note->loc);
        note->text = vmsd_strdup(note->text);
    }
    f->programs = program_bit(report);
}

static int compare_findings(const void *pa, const void *pb)
{
    const struct stored_finding *a = pa, *b = pb;
    int c = strcmp(a->finding.loc.file ? a->finding.loc.file : "", b->finding.loc.file ? b->finding.loc.file : "");
    if (c)
        return c;
    if (a->finding.loc.line != b->finding.loc.line)
        return a->finding.loc.line < b->finding.loc.line ? -1 : 1;
    if (a->finding.loc.column != b->finding.loc.column)
        return a->finding.loc.column < b->finding.loc.column ? -1 : 1;
    if (a->finding.rule != b->finding.rule)
        return a->finding.rule < b->finding.rule ? -1 : 1;
    return strcmp(a->finding.message, b->finding.message);
}

/* FNV-1a over the parts of a finding's identity, NUL-separated. */
static uint64_t identity_hash(const struct stored_finding *f)
{
    const char *parts[] = { vmsd_rule_id(f->finding.rule), f->finding.about[0], f->finding.about[1],
                            f->finding.loc.file };
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        for (const char *p = parts[i] ? parts[i] : ""; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;  /* no NUL in a part: a fence */
    }
    return h;
}

void report_sort(struct report *report)
{
    if (!report->n_findings)
        return;
    qsort(report->findings, report->n_findings, sizeof *report->findings,
          compare_findings);
    struct vmsd_strset seen = { 0 };
    for (size_t i = 0; i < report->n_findings; i++) {
        struct stored_finding *f = &report->findings[i];
        char hash[17];
        snprintf(hash, sizeof hash, "%016llx",
                 (unsigned long long)identity_hash(f));
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(&seen, hash);
        slot->value = (void *)((uintptr_t)slot->value + 1);
        struct vmsd_strbuf b = { 0 };
        vmsd_strbuf_printf(&b, "%s-%zu", hash, (size_t)(uintptr_t)slot->value);
        free(f->fingerprint);
        f->fingerprint = vmsd_strbuf_take(&b);
    }
    vmsd_strset_free(&seen);
}

enum vmsd_severity report_worst(const struct report *report)
{
    enum vmsd_severity worst = VMSD_OFF;
    for (size_t i = 0; i < report->n_findings; i++)
        if (report->findings[i].finding.severity > worst)
            worst = report->findings[i].finding.severity;
    return worst;
}

void report_drop_known(struct report *report, const struct vmsd_strset *known)
{
    size_t kept = 0;
    for (size_t i = 0; i < report->n_findings; i++) {
        struct stored_finding *f = &report->findings[i];
        /* What the gate cannot see stays unseen however old it is: a
         * unit without facts in the base and the change is a change
         * nobody checked. */
        if (f->finding.rule != VMSD_RULE_FACTS_MISSING
            && vmsd_strset_find_name(known, f->fingerprint))
            free_finding(f);
        else
            report->findings[kept++] = *f;
    }
    report->n_findings = kept;
}

/* Text: what GCC would print, plus a note naming the programs when the
 * run had several. */

/* File names come from the facts: shown safely, as names are. */
static void put_where(struct vmsd_strbuf *b, struct vmsd_loc loc)
{
    if (!loc.file) {
        vmsd_strbuf_puts(b, "vmsdcheck: ");
        return;
    }
    vmsd_put_shown(b, loc.file);
    if (loc.line)
        vmsd_strbuf_printf(b, ":%u", loc.line);
    if (loc.line && loc.column)
        vmsd_strbuf_printf(b, ":%u", loc.column);
    vmsd_strbuf_puts(b, ": ");
}

static void put_programs(struct vmsd_strbuf *b, const struct report *report,
                         unsigned long programs)
{
    const char *sep = "";
    for (size_t i = 0; i < report->n_programs && i < MAX_PROGRAM_BITS; i++) {
        if (programs & (1ul << i)) {
            vmsd_strbuf_printf(b, "%s%s", sep, report->programs[i].name);
            sep = ", ";
        }
    }
}

static char *render_text(const struct report *report)
{
    struct vmsd_strbuf b = { 0 };
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        put_where(&b, f->finding.loc);
        vmsd_strbuf_printf(&b, "%s: %s [%s]\n",
                           vmsd_severity_name(f->finding.severity), f->finding.message,
                           vmsd_rule_id(f->finding.rule));
        for (size_t j = 0; j < f->finding.n_notes; j++) {
            put_where(&b, f->finding.notes[j].loc);
            vmsd_strbuf_printf(&b, "note: %s\n", f->finding.notes[j].text);
        }
        if (report->n_programs > 1) {
            put_where(&b, f->finding.loc);
            vmsd_strbuf_puts(&b, "note: in ");
            put_programs(&b, report, f->programs);
            vmsd_strbuf_puts(&b, "\n");
        }
    }
    return vmsd_strbuf_take(&b);
}

/* JSON: vmsdcheck's own, documented in docs/whole-program.md. */

/* TEXT as a JSON string a reader can show: escaped where it must be. */
static json_t *json_shown(const char *text)
{
    struct vmsd_strbuf b = { 0 };
    vmsd_put_shown(&b, text);
    json_t *v = json_string(b.data ? b.data : "");
    free(b.data);
    return v;
}

static json_t *json_program_names(const struct report *report,
                                  unsigned long programs)
{
    json_t *names = json_array();
    for (size_t i = 0; i < report->n_programs && i < MAX_PROGRAM_BITS; i++)
        if (programs & (1ul << i))
            json_array_append_new(names,
                                  vmsd_json_name(report->programs[i].name));
    return names;
}

/* A program's description graph, the base a later gate compares with
 * (names and file names come from the facts, as bytes: a string when
 * they are UTF-8, else {"hex": ...}, checker/json-name.h), and which
 * description each device type migrates with. */
static void json_graph(const struct program *program, json_t *out)
{
    struct vmsd_base_program graph;
    vmsd_base_program_from_model(&graph, program->name, &program->model);
    vmsd_base_program_add_devices(&graph, program->devices,
                                  program->n_devices);
    json_t *descs = json_array();
    for (size_t i = 0; i < graph.n_descs; i++) {
        const struct vmsd_base_desc *d = &graph.descs[i];
        json_t *desc = record_json(&vmsd_desc_record, d);
        json_t *fields = json_array();
        for (size_t j = 0; j < d->n_fields; j++)
            json_array_append_new(fields, record_json(&vmsd_field_record,
                                                      &d->fields[j]));
        json_t *subs = json_array();
        for (size_t j = 0; j < d->n_subs; j++)
            json_array_append_new(subs, record_json(&vmsd_sub_record,
                                                    &d->subs[j]));
        json_object_set_new(desc, "fields", fields);
        json_object_set_new(desc, "subsections", subs);
        json_array_append_new(descs, desc);
    }
    json_t *devices = json_array();
    for (size_t i = 0; i < graph.n_devices; i++)
        json_array_append_new(devices, record_json(&vmsd_device_record,
                                                   &graph.devices[i]));
    json_object_set_new(out, "descriptions", descs);
    json_object_set_new(out, "devices", devices);
    vmsd_base_program_free(&graph);
}

/* The device types that migrate with no description: a description
 * they gain is a section the base does not know. */
static json_t *json_stateless_devices(const struct program *program)
{
    json_t *types = json_array();
    for (size_t i = 0; i < program->n_stateless_types; i++)
        json_array_append_new(types,
                              vmsd_json_name(program->stateless_types[i]));
    return types;
}

/* The machine types that can contain each device type (containment.c):
 * a later gate reads them for a device the change no longer has. */
static json_t *json_machine_types(const struct program *program)
{
    json_t *types = json_array();
    for (size_t i = 0; i < program->n_type_machines; i++)
        json_array_append_new(types,
                              record_json(&vmsd_type_machines_record,
                                          &program->type_machines[i]));
    return types;
}

/* The registrations the plugin could not follow: the types they
 * register are missing from the devices. */
static json_t *json_unfollowed(const struct program *program)
{
    json_t *list = json_array();
    const struct vmsd_model *m = &program->model;
    for (size_t i = 0; i < m->n_unfollowed; i++)
        json_array_append_new(list, json_pack("{s:o, s:o, s:o}",
            "function", vmsd_json_name(m->unfollowed[i].function),
            "reason", vmsd_json_name(m->unfollowed[i].reason),
            "location", record_json_loc(m->unfollowed[i].loc)));
    return list;
}

json_t *report_json_units(const struct program *program)
{
    json_t *missing = json_array();
    for (size_t i = 0; i < program->n_uncovered; i++)
        json_array_append_new(missing, vmsd_json_name(program->uncovered[i]));
    static const char *const sources[] = {
        [UNITS_DEBUG_INFO] = "debug-info", [UNITS_SYMBOLS] = "symbol-table",
        [UNITS_OBJECTS] = "objects",
    };
    bool known = program->units_from != UNITS_UNKNOWN;
    json_t *c_units = known ? json_integer((json_int_t)program->n_c_units)
                            : json_null();
    json_t *from = known ? json_string(sources[program->units_from])
                         : json_null();
    json_t *unknown = known ? json_null() : json_string(program->units_unknown);
    return json_pack("{s:o, s:I, s:o, s:o, s:o}", "c_units", c_units,
                     "with_facts", (json_int_t)program->n_fact_units,
                     "not_covered", missing, "listed_from", from,
                     "unlisted_because", unknown);
}

static json_t *json_inapplicable(const struct report *report)
{
    json_t *list = json_array();
    for (size_t i = 0; report->inapplicable && i < report->allowlist->n_entries;
         i++) {
        const struct vmsd_compat_entry *e = &report->allowlist->entries[i];
        if (report->inapplicable[i])
            json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:i}",
                "parent", e->parent, "subsection", e->subsection,
                "file", e->file, "line", (int)e->line));
    }
    return list;
}

static json_t *render_json_tree(const struct report *report)
{
    json_t *findings = json_array();
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        json_t *notes = json_array();
        for (size_t j = 0; j < f->finding.n_notes; j++)
            json_array_append_new(notes, json_pack("{s:o, s:s}",
                "location", record_json_loc(f->finding.notes[j].loc),
                "message", f->finding.notes[j].text));
        json_t *item = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o}",
            "rule", vmsd_rule_id(f->finding.rule),
            "severity", vmsd_severity_name(f->finding.severity),
            "message", f->finding.message,
            "fingerprint", f->fingerprint,
            "location", record_json_loc(f->finding.loc),
            "notes", notes,
            "programs", json_program_names(report, f->programs));
        if (f->finding.suggested_name)
            json_object_set_new(item, "suggested_name",
                                vmsd_json_name(f->finding.suggested_name));
        json_array_append_new(findings, item);
    }
    json_t *programs = json_array();
    for (size_t i = 0; i < report->n_programs; i++) {
        const struct program *p = &report->programs[i];
        json_t *program = json_pack("{s:o, s:o}",
            "name", vmsd_json_name(p->name),
            "units", report_json_units(p));
        json_graph(p, program);
        json_object_set_new(program, "stateless_devices",
                            json_stateless_devices(p));
        json_object_set_new(program, "registrations_not_followed",
                            json_unfollowed(p));
        if (p->n_type_machines)
            json_object_set_new(program, "machine_types",
                                json_machine_types(p));
        json_array_append_new(programs, program);
    }
    json_t *root = json_pack("{s:s, s:i}", "format", REPORT_FORMAT,
                             "version", REPORT_VERSION);
    if (report->source_root)
        json_object_set_new(root, "source_root",
                            vmsd_json_name(report->source_root));
    json_object_set_new(root, "programs", programs);
    json_object_set_new(root, "allowlist_not_applicable",
                        json_inapplicable(report));
    json_object_set_new(root, "findings", findings);
    return root;
}

/* SARIF 2.1.0, as GitHub code scanning reads it.  With a source root,
 * relative paths stand under %SRCROOT%. */

/* PATH as a URI reference: every byte but the unreserved ones and '/'
 * percent-encoded (RFC 3986), so a space, a '%' or a stray byte stays
 * what it is. */
static json_t *uri_of(const char *prefix, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    struct vmsd_strbuf b = { 0 };
    vmsd_strbuf_puts(&b, prefix);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
            || (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
            vmsd_strbuf_put(&b, (const char *)p, 1);
        } else {
            char esc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
            vmsd_strbuf_put(&b, esc, 3);
        }
    }
    json_t *v = json_string(b.data ? b.data : "");
    free(b.data);
    return v;
}

static json_t *sarif_location(const struct report *report,
                              struct vmsd_loc loc, const char *message)
{
    json_t *region = json_pack("{s:i}", "startLine", loc.line ? (int)loc.line : 1);
    if (loc.column)
        json_object_set_new(region, "startColumn", json_integer(loc.column));
    json_t *artifact = json_pack("{s:o}", "uri",
                                 uri_of("", loc.file ? loc.file : ""));
    if (report->source_root && loc.file && loc.file[0] != '/')
        json_object_set_new(artifact, "uriBaseId", json_string("%SRCROOT%"));
    json_t *where = json_pack("{s:{s:o, s:o}}", "physicalLocation",
                              "artifactLocation", artifact, "region", region);
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
        for (size_t j = 0; j < f->finding.n_notes; j++)
            json_array_append_new(related,
                sarif_location(report, f->finding.notes[j].loc, f->finding.notes[j].text));
        json_t *result = json_pack("{s:s, s:i, s:s, s:{s:s}, s:[o], s:o, s:{s:s}}",
            "ruleId", vmsd_rule_id(f->finding.rule),
            "ruleIndex", (int)f->finding.rule,
            "level", f->finding.severity == VMSD_ERROR ? "error" : "warning",
            "message", "text", f->finding.message,
            "locations", sarif_location(report, f->finding.loc, NULL),
            "relatedLocations", related,
            "partialFingerprints", "vmsdcheck/v1", f->fingerprint);
        json_object_set_new(result, "properties", json_pack("{s:o}",
            "programs", json_program_names(report, f->programs)));
        json_array_append_new(results, result);
    }
    json_t *run = json_pack("{s:{s:{s:s, s:s, s:o}}, s:o}",
        "tool", "driver", "name", "vmsdcheck", "version", VMSDCHECK_VERSION,
        "rules", rules, "results", results);
    if (report->source_root) {
        struct vmsd_strbuf root = { 0 };
        vmsd_strbuf_printf(&root, "%s%s", report->source_root,
                           strcmp(report->source_root, "/") ? "/" : "");
        json_object_set_new(run, "originalUriBaseIds", json_pack(
            "{s:{s:o}}", "%SRCROOT%", "uri", uri_of("file://", root.data)));
        free(root.data);
    }
    return json_pack("{s:s, s:s, s:[o]}",
        "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
        "version", "2.1.0", "runs", run);
}

/* GitLab Code Quality: the merge-request widget's format. */
static json_t *render_gitlab_tree(const struct report *report)
{
    json_t *issues = json_array();
    for (size_t i = 0; i < report->n_findings; i++) {
        const struct stored_finding *f = &report->findings[i];
        json_array_append_new(issues, json_pack(
            "{s:s, s:s, s:s, s:s, s:{s:o, s:{s:i}}}",
            "description", f->finding.message,
            "check_name", vmsd_rule_id(f->finding.rule),
            "fingerprint", f->fingerprint,
            "severity", f->finding.severity == VMSD_ERROR ? "critical" : "major",
            "location", "path", json_shown(f->finding.loc.file ? f->finding.loc.file : ""),
            "lines", "begin", f->finding.loc.line ? (int)f->finding.loc.line : 1));
    }
    return issues;
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
    switch (format) {
    case REPORT_JSON:
        return report_json_text(render_json_tree(report));
    case REPORT_SARIF:
        return report_json_text(render_sarif_tree(report));
    case REPORT_GITLAB:
        return report_json_text(render_gitlab_tree(report));
    case REPORT_TEXT:
        break;
    }
    return render_text(report);
}

/* " a b c d e and N more" */
static void put_some(struct vmsd_strbuf *b, char *const *names, size_t n)
{
    enum { SHOWN = 5 };     /* the facts-missing findings name them all */
    for (size_t j = 0; j < n && j < SHOWN; j++) {
        vmsd_strbuf_puts(b, " ");
        vmsd_put_shown(b, names[j]);
    }
    if (n > SHOWN)
        vmsd_strbuf_printf(b, " and %zu more", n - SHOWN);
}

/* "N registrations not followed: FILE:LINE (FUNCTION: REASON) ..." */
static void put_unfollowed(struct vmsd_strbuf *b, const struct program *p)
{
    enum { SHOWN = 5 };
    const struct vmsd_model *m = &p->model;
    if (!m->n_unfollowed)
        return;
    vmsd_strbuf_printf(b, "vmsdcheck: %s: %zu type registration%s not "
                       "followed (what %s is not among the device "
                       "types):", p->name, m->n_unfollowed,
                       m->n_unfollowed == 1 ? "" : "s",
                       m->n_unfollowed == 1 ? "it registers"
                                            : "they register");
    for (size_t i = 0; i < m->n_unfollowed && i < SHOWN; i++) {
        const struct vmsd_unfollowed *u = &m->unfollowed[i];
        vmsd_strbuf_puts(b, " ");
        vmsd_put_shown(b, u->loc.file ? u->loc.file : "?");
        vmsd_strbuf_printf(b, ":%u (", u->loc.line);
        vmsd_put_shown(b, u->function);
        vmsd_strbuf_puts(b, ": ");
        vmsd_put_shown(b, u->reason);
        vmsd_strbuf_puts(b, ")");
    }
    if (m->n_unfollowed > SHOWN)
        vmsd_strbuf_printf(b, " and %zu more", m->n_unfollowed - SHOWN);
    vmsd_strbuf_puts(b, "\n");
}

void report_summary(const struct report *report, FILE *out)
{
    for (size_t i = 0; i < report->n_programs; i++) {
        const struct program *p = &report->programs[i];
        struct vmsd_strbuf b = { 0 };
        if (p->units_unknown)
            vmsd_strbuf_printf(&b, "vmsdcheck: %s: cannot tell whether every "
                               "C unit carries facts (%s): a unit compiled "
                               "without the plugin goes unseen; build with "
                               "-g, or give the objects and archives\n",
                               p->name, p->units_unknown);
        if (p->n_uncovered) {
            vmsd_strbuf_printf(&b, "vmsdcheck: %s: %zu of %zu C units carry "
                               "facts; not covered:", p->name,
                               p->n_c_units - p->n_uncovered, p->n_c_units);
            put_some(&b, p->uncovered, p->n_uncovered);
            vmsd_strbuf_puts(&b, "\n");
        }
        if (p->n_unlisted) {
            vmsd_strbuf_printf(&b, "vmsdcheck: %s: its symbol table names %zu "
                               "C unit%s with neither debug information nor "
                               "facts (compiled without -g and the plugin, "
                               "or a static library's):", p->name,
                               p->n_unlisted, p->n_unlisted == 1 ? "" : "s");
            put_some(&b, p->unlisted, p->n_unlisted);
            vmsd_strbuf_puts(&b, "\n");
        }
        put_unfollowed(&b, p);
        if (b.data)
            fputs(b.data, out);
        free(b.data);
    }
    size_t n = 0;
    for (size_t i = 0; report->inapplicable && i < report->allowlist->n_entries;
         i++)
        n += report->inapplicable[i];
    if (n)
        fprintf(out, "vmsdcheck: %zu allowlist entr%s not apply here: no "
                "input has %s parent (--format json lists %s)\n", n,
                n == 1 ? "y does" : "ies do", n == 1 ? "its" : "their",
                n == 1 ? "it" : "them");
}

void report_fit_summary(const struct report *report, FILE *out)
{
    for (size_t i = 0; i < report->n_programs; i++) {
        const struct program *p = &report->programs[i];
        const struct vmsd_fit_counts *c = &p->fit;
        size_t devices_unknown = c->devices_desc_unknown
                                 + c->devices_instance_unknown;
        if (!c->devices_fit && !c->devices_misfit)
            continue;           /* no device to weigh the undecided by */
        if (!devices_unknown && !c->nested_unknown)
            continue;
        char *name = vmsd_shown(p->name);
        fprintf(out, "vmsdcheck: %s: description-misfit: %zu device type%s "
                "checked (%zu fit, %zu misfit), %zu undecided (the "
                "description's struct unknown: %zu, the instances' struct "
                "unknown: %zu); %zu nested struct field%s checked (%zu fit, "
                "%zu misfit), %zu undecided\n", name,
                c->devices_fit + c->devices_misfit,
                c->devices_fit + c->devices_misfit == 1 ? "" : "s",
                c->devices_fit, c->devices_misfit, devices_unknown,
                c->devices_desc_unknown, c->devices_instance_unknown,
                c->nested_fit + c->nested_misfit,
                c->nested_fit + c->nested_misfit == 1 ? "" : "s",
                c->nested_fit, c->nested_misfit, c->nested_unknown);
        free(name);
    }
}
