/* The machines command's report, and the check of dump-vmstate's
 * --machine. */
#include "machine-report.h"

#include "../checker/json-name.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

/* Say on stderr, about PROGRAM, TEXT then NAME shown safely, then
 * TAIL. */
static void say(const struct program *program, const char *text,
                const char *name, const char *tail)
{
    struct vmsd_strbuf b = { 0 };
    vmsd_strbuf_puts(&b, "vmsdcheck: ");
    vmsd_put_shown(&b, program->name);
    vmsd_strbuf_puts(&b, text);
    if (name)
        vmsd_put_shown(&b, name);
    vmsd_strbuf_puts(&b, tail);
    fputs(b.data, stderr);
    free(b.data);
}

static bool has_machines(const struct program *program)
{
    if (program->machines.n_machines)
        return true;
    say(program, " has no machine type (no TypeInfo descending from "
        "\"machine\" in its facts)\n", NULL, "");
    return false;
}

/* The machine type MACHINE names in PROGRAM for the machines command:
 * one QEMU would start, else a deleted one by its name. */
static const struct machine_type *named(const struct program *program,
                                        const char *machine)
{
    const struct machine_set *set = &program->machines;
    const struct machine_type *m = machines_find(set, machine);
    if (!m)
        m = machines_find_any(set, machine);
    if (!m)
        say(program, " has no machine type ", machine,
            " (vmsdcheck machines lists them)\n");
    return m;
}

const char *machines_dump_name(const struct program *program,
                               const char *name)
{
    if (!has_machines(program))
        return NULL;
    const struct machine_type *m = machines_find(&program->machines, name);
    if (m)
        return m->name;
    m = machines_find_any(&program->machines, name);
    if (m) {
        const struct machine_policy *p = &program->machines.policy;
        char tail[160];
        snprintf(tail, sizeof tail, " is deleted: QEMU %d.%d.%d registers "
                 "no versioned machine type %d or more years old\n",
                 p->qemu_major, p->qemu_minor, p->qemu_micro,
                 p->deletion_major);
        say(program, ": machine type ", name, tail);
        return NULL;
    }
    say(program, " has no machine type ", name,
        " (vmsdcheck machines lists them)\n");
    return NULL;
}

static void put_version(struct vmsd_strbuf *b, const struct machine_type *m)
{
    if (!m->versioned)
        vmsd_strbuf_puts(b, "-");
    else if (m->micro < 0)
        vmsd_strbuf_printf(b, "%d.%d", m->major, m->minor);
    else
        vmsd_strbuf_printf(b, "%d.%d.%d", m->major, m->minor, m->micro);
}

static void put_policy(struct vmsd_strbuf *b, const struct machine_policy *p)
{
    if (p->known)
        vmsd_strbuf_printf(b, "QEMU %d.%d.%d: versioned machine types are "
                           "deprecated after %d years, deleted after %d",
                           p->qemu_major, p->qemu_minor, p->qemu_micro,
                           p->deprecation_major, p->deletion_major);
    else
        vmsd_strbuf_puts(b, "no versioning policy in the facts");
}

/* " (N compat properties, K arrays not in the facts)" and so on. */
static void put_counts(struct vmsd_strbuf *b, const struct machine_type *m)
{
    vmsd_strbuf_printf(b, "%" PRIu64 " compat propert%s", m->n_properties,
                       m->n_properties == 1 ? "y" : "ies");
    if (m->n_unknown_arrays)
        vmsd_strbuf_printf(b, ", %zu array%s not in the facts",
                           m->n_unknown_arrays,
                           m->n_unknown_arrays == 1 ? "" : "s");
}

static void text_machine(struct vmsd_strbuf *b, const struct machine_type *m,
                         int width)
{
    struct vmsd_strbuf cell = { 0 };
    vmsd_put_shown(&cell, m->name);
    vmsd_strbuf_printf(b, "  %-*s ", width, cell.data);
    cell.len = 0;
    put_version(&cell, m);
    vmsd_strbuf_printf(b, "%-8s %-10s ", cell.data,
                       machine_status_name(m->status));
    free(cell.data);
    put_counts(b, m);
    if (m->alias) {
        vmsd_strbuf_puts(b, ", alias ");
        vmsd_put_shown(b, m->alias);
    }
    if (m->is_default)
        vmsd_strbuf_puts(b, ", default");
    vmsd_strbuf_puts(b, "\n");
}

static void put_shown_or_unknown(struct vmsd_strbuf *b, const char *s)
{
    vmsd_put_shown(b, s ? s : "?");
}

/* M's compat properties (the caller frees them), or NULL when there are
 * too many to list, which it says. */
static struct machine_property *listed_properties(
    const struct program *program, const struct machine_type *m, size_t *n)
{
    struct machine_property *props = machines_properties(m, n);
    if (!props)
        say(program, ": machine type ", m->name, ": too many compat "
            "properties to list\n");
    return props;
}

static bool text_properties(struct vmsd_strbuf *b, const struct program *program,
                            const struct machine_type *m)
{
    size_t n;
    struct machine_property *props = listed_properties(program, m, &n);
    if (!props)
        return false;
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_global_property *e = props[i].entry;
        vmsd_strbuf_puts(b, "  ");
        if (e) {
            put_shown_or_unknown(b, e->driver);
            vmsd_strbuf_puts(b, ".");
            put_shown_or_unknown(b, e->property);
            vmsd_strbuf_puts(b, "=");
            put_shown_or_unknown(b, e->value);
            vmsd_strbuf_puts(b, " (");
        } else {
            vmsd_strbuf_puts(b, "? (not in the facts: ");
        }
        vmsd_put_shown(b, props[i].array);
        vmsd_strbuf_puts(b, props[i].conditional ? ", conditional)\n" : ")\n");
    }
    free(props);
    return true;
}

static bool text_program(struct vmsd_strbuf *b, const struct program *program,
                         const char *machine)
{
    const struct machine_set *set = &program->machines;
    vmsd_put_shown(b, program->name);
    if (machine) {
        const struct machine_type *m = named(program, machine);
        if (!m)
            return false;
        vmsd_strbuf_puts(b, ": ");
        vmsd_put_shown(b, m->name);
        vmsd_strbuf_puts(b, " (");
        put_version(b, m);
        vmsd_strbuf_printf(b, ", %s): ", machine_status_name(m->status));
        put_counts(b, m);
        vmsd_strbuf_puts(b, "\n");
        return text_properties(b, program, m);
    }
    vmsd_strbuf_printf(b, ": %zu machine type%s (", set->n_machines,
                       set->n_machines == 1 ? "" : "s");
    put_policy(b, &set->policy);
    vmsd_strbuf_puts(b, ")\n");
    int width = 0;
    for (size_t i = 0; i < set->n_machines; i++) {
        char *shown = vmsd_shown(set->machines[i].name);
        if ((int)strlen(shown) > width)
            width = (int)strlen(shown);
        free(shown);
    }
    for (size_t i = 0; i < set->n_machines; i++)
        text_machine(b, &set->machines[i], width);
    return true;
}

static json_t *json_version(const struct machine_type *m)
{
    if (!m->versioned)
        return json_null();
    struct vmsd_strbuf b = { 0 };
    put_version(&b, m);
    json_t *v = json_string(b.data);
    free(b.data);
    return v;
}

static json_t *json_properties(const struct program *program,
                               const struct machine_type *m)
{
    size_t n;
    struct machine_property *props = listed_properties(program, m, &n);
    if (!props)
        return NULL;
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_global_property *e = props[i].entry;
        json_array_append_new(out, json_pack(
            "{s:o, s:o, s:o, s:o, s:b}",
            "driver", vmsd_json_name(e ? e->driver : NULL),
            "property", vmsd_json_name(e ? e->property : NULL),
            "value", vmsd_json_name(e ? e->value : NULL),
            "array", vmsd_json_name(props[i].array),
            "conditional", props[i].conditional));
    }
    free(props);
    return out;
}

static json_t *json_machine(const struct machine_type *m)
{
    return json_pack("{s:o, s:o, s:o, s:s, s:o, s:b, s:o, s:I, s:I}",
                     "name", vmsd_json_name(m->name),
                     "type", vmsd_json_name(m->type),
                     "version", json_version(m),
                     "status", machine_status_name(m->status),
                     "alias", vmsd_json_name(m->alias),
                     "default", m->is_default,
                     "deprecation_reason",
                     vmsd_json_name(m->deprecation_reason),
                     "compat_properties", (json_int_t)(m->n_properties
                                                       > INT64_MAX
                                                       ? INT64_MAX
                                                       : m->n_properties),
                     "arrays_not_in_facts", (json_int_t)m->n_unknown_arrays);
}

static json_t *json_program(const struct program *program,
                            const char *machine)
{
    const struct machine_set *set = &program->machines;
    const struct machine_policy *p = &set->policy;
    json_t *policy = p->known
        ? json_pack("{s:i, s:i, s:i, s:i, s:i}", "qemu_major", p->qemu_major,
                    "qemu_minor", p->qemu_minor, "qemu_micro", p->qemu_micro,
                    "deprecation_major", p->deprecation_major,
                    "deletion_major", p->deletion_major)
        : json_null();
    json_t *machines = json_array();
    json_t *out = json_pack("{s:o, s:o, s:o}", "program",
                            vmsd_json_name(program->name), "policy", policy,
                            "machines", machines);
    if (machine) {
        const struct machine_type *m = named(program, machine);
        json_t *props = m ? json_properties(program, m) : NULL;
        if (!props) {
            json_decref(out);
            return NULL;
        }
        json_t *one = json_machine(m);
        json_object_set_new(one, "properties", props);
        json_array_append_new(machines, one);
        return out;
    }
    for (size_t i = 0; i < set->n_machines; i++)
        json_array_append_new(machines, json_machine(&set->machines[i]));
    return out;
}

char *machines_render(const struct program *programs, size_t n,
                      enum report_format format, const char *machine)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok &= has_machines(&programs[i]);
    if (!ok)
        return NULL;
    if (format == REPORT_JSON) {
        json_t *list = json_array();
        for (size_t i = 0; ok && i < n; i++) {
            json_t *one = json_program(&programs[i], machine);
            ok = one != NULL;
            if (ok)
                json_array_append_new(list, one);
        }
        if (!ok) {
            json_decref(list);
            return NULL;
        }
        return report_json_text(json_pack("{s:o}", "programs", list));
    }
    struct vmsd_strbuf b = { 0 };
    for (size_t i = 0; ok && i < n; i++)
        ok = text_program(&b, &programs[i], machine);
    if (!ok) {
        free(b.data);
        return NULL;
    }
    return vmsd_strbuf_take(&b);
}
