/* The baseline reader: strict, since a gate that misreads its base
 * passes what it should not. */
#include "baseline.h"
#include "paths.h"
#include "program.h"
#include "record-json.h"
#include "report.h"

#include "../checker/json-name.h"
#include "../checker/record-copy.h"
#include "../checker/text.h"
#include "../checker/whole-file.h"
#include "../checker/xalloc.h"

#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
    const char *path;
    const char *what;           /* the first problem, or NULL */
};

/* A name member, through record_json_name. */
static char *name_at(struct reader *r, json_t *object, const char *key,
                     bool optional)
{
    return record_json_name(object, key, optional, &r->what);
}

static const char *own_file(void *program, const char *file)
{
    return vmsd_base_program_file(program, file);
}

/* The array member KEY of OBJECT, or NULL (R records it). */
static json_t *array_at(struct reader *r, json_t *object, const char *key)
{
    json_t *array = json_object_get(object, key);
    if (json_is_array(array))
        return array;
    r->what = r->what ? r->what : key;
    return NULL;
}

static void read_desc(struct reader *r, struct vmsd_base_program *p,
                      json_t *desc)
{
    json_t *fields = array_at(r, desc, "fields");
    json_t *subs = array_at(r, desc, "subsections");
    struct vmsd_base_desc *d = vmsd_base_program_add(p);
    if (!record_from_json(&vmsd_desc_record, d, desc, own_file, p, &r->what)
        || !fields || !subs)
        return;
    if (!d->name) {             /* the base keeps named ones only */
        r->what = "name";
        return;
    }
    size_t i;
    json_t *item;
    json_array_foreach(fields, i, item)
        if (!record_from_json(&vmsd_field_record,
                              vmsd_base_desc_add_field(d), item, own_file, p,
                              &r->what))
            return;
    json_array_foreach(subs, i, item)
        if (!record_from_json(&vmsd_sub_record, vmsd_base_desc_add_sub(d),
                              item, own_file, p, &r->what))
            return;
}

static void read_program(struct reader *r, json_t *item,
                         struct vmsd_base_program *p)
{
    size_t i;
    json_t *desc, *dev;
    p->name = name_at(r, item, "name", false);
    json_t *descs = array_at(r, item, "descriptions");
    json_array_foreach(descs, i, desc) {
        read_desc(r, p, desc);
        if (r->what)
            return;
    }
    json_t *devices = array_at(r, item, "devices");
    json_array_foreach(devices, i, dev) {
        struct vmsd_base_device d = { 0 };
        if (record_from_json(&vmsd_device_record, &d, dev, own_file, p,
                             &r->what))
            vmsd_base_program_add_device(p, &d);
        vmsd_record_free_base(&vmsd_device_record, &d);
        if (r->what)
            return;
    }
    json_t *stateless = array_at(r, item, "stateless_devices");
    json_array_foreach(stateless, i, dev) {
        char *type;
        if (!vmsd_json_name_decode(dev, &type)) {
            r->what = r->what ? r->what : "stateless_devices";
            return;
        }
        vmsd_base_program_add_stateless(p, type);
        free(type);
    }
    /* Only from a base whose facts said what functions create. */
    json_t *machine_types = json_object_get(item, "machine_types");
    json_array_foreach(machine_types, i, dev) {
        struct vmsd_type_machines tm = { 0 };
        if (record_from_json(&vmsd_type_machines_record, &tm, dev, own_file,
                             p, &r->what))
            vmsd_base_program_add_type_machines(p, &tm);
        vmsd_record_free_base(&vmsd_type_machines_record, &tm);
    }
    if (machine_types && !json_is_array(machine_types))
        r->what = r->what ? r->what : "machine_types";
    vmsd_base_program_index(p);
}

bool baseline_read(const char *path, struct baseline *out)
{
    struct reader r = { path, NULL };
    json_error_t jerr;
    size_t length;
    const char *why;
    memset(out, 0, sizeof *out);
    char *text = vmsd_read_whole_file(path, VMSD_MAX_REPORT_BYTES, &length,
                                      &why);
    if (!text) {
        fprintf(stderr, "vmsdcheck: %s: %s\n", path, why);
        return false;
    }
    json_t *root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &jerr);
    free(text);
    if (!root) {
        char *shown = vmsd_shown(jerr.text);  /* it quotes the file */
        fprintf(stderr, "vmsdcheck: %s:%d:%d: not a vmsdcheck JSON report: "
                "%s\n", path, jerr.line, jerr.column, shown);
        free(shown);
        return false;
    }
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *version = json_object_get(root, "version");
    json_t *programs = json_object_get(root, "programs");
    json_t *findings = json_object_get(root, "findings");
    if (!format || strcmp(format, REPORT_FORMAT) != 0) {
        fprintf(stderr, "vmsdcheck: %s: not a vmsdcheck JSON report\n", path);
        json_decref(root);
        return false;
    }
    if (!json_is_integer(version)
        || json_integer_value(version) != REPORT_VERSION) {
        fprintf(stderr, "vmsdcheck: %s: a version %lld report; the gate "
                "needs version %d: make the base's report again with this "
                "vmsdcheck\n", path, (long long)json_integer_value(version),
                REPORT_VERSION);
        json_decref(root);
        return false;
    }
    if (!json_is_array(programs) || !json_is_array(findings))
        r.what = "programs";
    out->has_source_root = json_object_get(root, "source_root") != NULL;
    size_t i;
    json_t *item;
    out->n_programs = json_array_size(programs);
    out->programs = vmsd_xcalloc(out->n_programs, sizeof *out->programs);
    json_array_foreach(programs, i, item)
        if (!r.what)
            read_program(&r, item, &out->programs[i]);
    json_array_foreach(findings, i, item) {
        const char *fp = json_string_value(json_object_get(item,
                                                           "fingerprint"));
        if (fp)
            vmsd_strset_add_name(&out->fingerprints, fp);
        else
            r.what = r.what ? r.what : "fingerprint";
    }
    json_decref(root);
    if (r.what) {
        fprintf(stderr, "vmsdcheck: %s: a broken vmsdcheck report: bad or "
                "missing \"%s\"\n", path, r.what);
        baseline_free(out);
        return false;
    }
    return true;
}

void baseline_free(struct baseline *baseline)
{
    for (size_t i = 0; i < baseline->n_programs; i++)
        vmsd_base_program_free(&baseline->programs[i]);
    free(baseline->programs);
    vmsd_strset_free(&baseline->fingerprints);
    memset(baseline, 0, sizeof *baseline);
}

/* NAME and OTHER name one program: the same, or the same last part
 * (build/qemu-system-x86_64 and qemu-system-x86_64). */
static bool same_program(const char *name, const char *other)
{
    return strcmp(name, other) == 0
           || strcmp(paths_last_part(name), paths_last_part(other)) == 0;
}

static const struct vmsd_base_program *base_named(const struct baseline *b,
                                                  const char *name)
{
    for (size_t i = 0; i < b->n_programs; i++)
        if (strcmp(b->programs[i].name, name) == 0)
            return &b->programs[i];
    for (size_t i = 0; i < b->n_programs; i++)
        if (same_program(b->programs[i].name, name))
            return &b->programs[i];
    return NULL;
}

/* Does PROGRAM define at least 90 % of BASE's description names (a
 * renamed binary, which a change alters little), or is it another
 * program?  QEMU's targets share most device models: QEMU 11's aarch64
 * binary has 302 of the x86_64 binary's 474 description names (64 %),
 * so half would not tell them apart. */
static bool shares_names(const struct vmsd_base_program *base,
                         const struct program *program, size_t *shared)
{
    struct vmsd_strset names = { 0 };
    vmsd_model_names(&program->model, &names, NULL, NULL);
    *shared = 0;
    for (size_t i = 0; i < base->n_descs; i++)
        *shared += vmsd_strset_find_name(&names, base->descs[i].name) != NULL;
    vmsd_strset_free(&names);
    return *shared * 10 >= base->n_descs * 9;
}

/* " NAME" on stderr, shown safely: the base report's names are its
 * writer's. */
static void print_name(const char *name)
{
    char *shown = vmsd_shown(name);
    fprintf(stderr, " %s", shown);
    free(shown);
}

/* Both lists of names, and how to pair them by hand. */
static bool unpaired(const struct baseline *b, const char *path,
                     const struct program *programs, size_t n)
{
    fprintf(stderr, "vmsdcheck: the programs of %s:", path);
    for (size_t i = 0; i < b->n_programs; i++)
        print_name(b->programs[i].name);
    fprintf(stderr, "\nvmsdcheck: the programs given:");
    for (size_t i = 0; i < n; i++)
        print_name(programs[i].name);
    fprintf(stderr, "\nvmsdcheck: pair them with --pair BASE=PROGRAM, or "
            "give the base report of these programs\n");
    return false;
}

bool baseline_pair_programs(const struct baseline *b, const char *path,
                            const struct program *programs, size_t n,
                            char *const *pairs, size_t n_pairs,
                            const struct vmsd_base_program **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    for (size_t j = 0; j < n_pairs; j++) {
        const char *eq = strchr(pairs[j], '=');
        size_t len = (size_t)(eq - pairs[j]);
        char *base_name = memcpy(vmsd_xrealloc(NULL, len + 1), pairs[j], len);
        base_name[len] = '\0';
        const struct vmsd_base_program *base = base_named(b, base_name);
        size_t i = 0;
        while (i < n && !same_program(programs[i].name, eq + 1))
            i++;
        if (!base)
            fprintf(stderr, "vmsdcheck: --pair %s: the baseline %s has no "
                    "program '%s'\n", pairs[j], path, base_name);
        else if (i == n)
            fprintf(stderr, "vmsdcheck: --pair %s: no program given is "
                    "'%s'\n", pairs[j], eq + 1);
        free(base_name);
        if (!base || i == n)
            return unpaired(b, path, programs, n);
        out[i] = base;
    }
    for (size_t i = 0; i < n; i++) {
        if (out[i])
            continue;
        out[i] = base_named(b, programs[i].name);
        if (out[i] || n != 1 || b->n_programs != 1)
            continue;
        size_t shared;
        if (shares_names(&b->programs[0], &programs[i], &shared)) {
            out[i] = &b->programs[0];
            continue;
        }
        char *other = vmsd_shown(b->programs[0].name);
        fprintf(stderr, "vmsdcheck: %s: the baseline %s is of another "
                "program, %s: only %zu of its %zu description names are "
                "this one's\n", programs[i].name, path, other, shared,
                b->programs[0].n_descs);
        free(other);
        return unpaired(b, path, programs, n);
    }
    for (size_t i = 0; i < n; i++)
        if (!out[i]) {
            fprintf(stderr, "vmsdcheck: %s: the baseline %s has no such "
                    "program to compare it with\n", programs[i].name, path);
            return unpaired(b, path, programs, n);
        }
    return true;
}
