/* vmsdcheck db retire. */
#include "retire.h"

#include "program.h"

#include "../checker/json-name.h"
#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

/* What the programs say of a legacy name: nothing (no program's device
 * property selects it, or what it does on some machine type cannot be
 * told), the machine types that send it, all versioned, or that none
 * does. */
enum tie {
    TIE_NONE,
    TIE_MACHINES,
    TIE_NONE_SENDS,
};

/* One entry's plan. */
struct plan {
    const struct vmsd_compat_entry *entry;
    bool unreleased;
    enum tie tie;
    const struct vmsd_sub_sends *sends;         /* the property's entry */
    const struct vmsd_machine_sends **senders;  /* TIE_MACHINES */
    size_t n_senders;
    struct release_version keep_up_to, deprecated, removable;
};

static void version_text(char *out, size_t size, struct release_version v)
{
    snprintf(out, size, "%d.%d", v.major, v.minor);
}

/* The newest "released" of DB's files. */
static bool newest_released(const struct vmsd_compatdb *db,
                            struct release_version *out)
{
    bool any = false;
    for (size_t i = 0; i < db->n_files; i++) {
        struct release_version v;
        if (!db->released[i]
            || !vmsd_compatdb_release(db->released[i], &v.major, &v.minor))
            continue;
        if (!any || v.major > out->major
            || (v.major == out->major && v.minor > out->minor))
            *out = v;
        any = true;
    }
    return any;
}

/* Which machine types of the programs send E's name, when a device
 * property selects it (compat-props.c): every one of them must say, and
 * each that sends it must be versioned, or the plan stays untied. */
static void find_tie(struct plan *plan, const struct program *programs,
                     size_t n)
{
    const struct vmsd_compat_entry *e = plan->entry;
    for (size_t i = 0; i < n; i++) {
        const struct program *p = &programs[i];
        const struct vmsd_sub_sends *entry;
        const struct vmsd_machine_sends *machine;
        enum vmsd_sends s = vmsd_sub_sends_find(p->sub_sends, p->n_sub_sends,
                                                e->parent, e->subsection,
                                                false, false, &entry, &machine);
        if (s == VMSD_SENDS_UNKNOWN && entry) {
            plan->tie = TIE_NONE;       /* some machine type cannot tell */
            return;
        }
        if (!entry)
            continue;
        if (plan->tie == TIE_NONE)
            plan->tie = TIE_NONE_SENDS;
        plan->sends = plan->sends ? plan->sends : entry;
        for (size_t k = 0; k < p->n_sub_sends; k++) {
            const struct vmsd_sub_sends *se = &p->sub_sends[k];
            if (se->field || strcmp(se->parent, e->parent)
                || strcmp(se->subsection, e->subsection))
                continue;
            for (size_t m = 0; m < se->n_machines; m++) {
                if (se->machines[m].sends != VMSD_SENDS_YES)
                    continue;
                if (se->machines[m].major < 0) {
                    plan->tie = TIE_NONE;       /* no policy deletes it */
                    return;
                }
                plan->senders = vmsd_grow(plan->senders, plan->n_senders,
                                          sizeof *plan->senders);
                plan->senders[plan->n_senders++] = &se->machines[m];
                plan->sends = se;
                plan->tie = TIE_MACHINES;
            }
        }
    }
}

static struct plan plan_entry(const struct vmsd_compat_entry *e,
                              const struct retire_policy *p,
                              const struct program *programs, size_t n)
{
    struct plan plan = { e, false, TIE_NONE, NULL, NULL, 0,
                         { 0, 0 }, { 0, 0 }, { 0, 0 } };
    plan.unreleased = e->since
                      && strcmp(e->since, VMSD_COMPATDB_UNRELEASED) == 0;
    if (plan.unreleased) {
        plan.removable = p->first;
        return plan;
    }
    find_tie(&plan, programs, n);
    if (plan.tie == TIE_NONE_SENDS) {
        plan.removable = p->first;
        return plan;
    }
    if (plan.tie == TIE_MACHINES) {
        /* Kept by the newest machine type that sends it. */
        plan.keep_up_to = (struct release_version){ -1, -1 };
        for (size_t i = 0; i < plan.n_senders; i++) {
            struct release_version v = { plan.senders[i]->major,
                                         plan.senders[i]->minor };
            if (v.major > plan.keep_up_to.major
                || (v.major == plan.keep_up_to.major
                    && v.minor > plan.keep_up_to.minor))
                plan.keep_up_to = v;
        }
    } else {
        plan.keep_up_to = release_previous(p->first, p->releases_per_major);
    }
    plan.deprecated = release_expiry(plan.keep_up_to, p->deprecation_majors,
                                    p->releases_per_major);
    plan.removable = release_expiry(plan.keep_up_to, p->deletion_majors,
                                   p->releases_per_major);
    return plan;
}

static json_t *json_version(bool present, struct release_version v)
{
    char text[32];
    version_text(text, sizeof text, v);
    return present ? json_string(text) : json_null();
}

/* Which machine types send the name: every one until a compat property
 * ties it to the old ones; none for a name no release sent, or that
 * no machine type of the programs sends. */
static json_t *json_machine_types(const struct plan *plan)
{
    if (!plan->unreleased && plan->tie == TIE_NONE)
        return json_string("all");
    json_t *list = json_array();
    for (size_t i = 0; i < plan->n_senders; i++)
        json_array_append_new(list,
                              vmsd_json_name(plan->senders[i]->machine));
    return list;
}

/* The device property that selects the name: {device, property,
 * default}; null when none does. */
static json_t *json_property(const struct plan *plan)
{
    if (plan->tie == TIE_NONE)
        return json_null();
    return json_pack("{s:o, s:o, s:b}",
                     "device", vmsd_json_name(plan->sends->device),
                     "property", vmsd_json_name(plan->sends->property),
                     "default", plan->sends->property_default);
}

static json_t *json_plan(const struct plan *plan)
{
    const struct vmsd_compat_entry *e = plan->entry;
    bool kept = !plan->unreleased && plan->tie != TIE_NONE_SENDS;
    return json_pack("{s:o, s:o, s:o, s:o, s:I, s:o, s:o, s:o, s:o, s:o}",
        "parent", vmsd_json_name(e->parent),
        "subsection", vmsd_json_name(e->subsection),
        "since", e->since ? json_string(e->since) : json_null(),
        "file", vmsd_json_name(e->file), "line", (json_int_t)e->line,
        "machine_types", json_machine_types(plan),
        "compat_property", json_property(plan),
        "keep_up_to", json_version(kept, plan->keep_up_to),
        "deprecated_in", json_version(kept, plan->deprecated),
        "removable_in", json_version(true, plan->removable));
}

static void put_plan(struct vmsd_strbuf *b, const struct plan *plan,
                     const struct retire_policy *p)
{
    const struct vmsd_compat_entry *e = plan->entry;
    char first[32], keep[32], deprecated[32], removable[32];
    version_text(first, sizeof first, p->first);
    version_text(keep, sizeof keep, plan->keep_up_to);
    version_text(deprecated, sizeof deprecated, plan->deprecated);
    version_text(removable, sizeof removable, plan->removable);
    vmsd_put_shown(b, e->parent);
    vmsd_strbuf_puts(b, " / ");
    vmsd_put_shown(b, e->subsection);
    if (plan->unreleased) {
        vmsd_strbuf_printf(b, ": unreleased: no release sends it; rename "
                           "it before %s ships and drop the entry\n", first);
        return;
    }
    if (e->since)
        vmsd_strbuf_printf(b, ": since %s", e->since);
    else
        vmsd_strbuf_puts(b, ": since unknown (db generate --history), "
                            "taken as shipped");
    if (plan->tie == TIE_NONE) {
        vmsd_strbuf_printf(b, "; sent by every machine type: tie it to a "
                           "compat property in %s, kept by the machine "
                           "types up to %s (deprecated in %s); can go in "
                           "%s\n", first, keep, deprecated, removable);
        return;
    }
    vmsd_strbuf_puts(b, "; property ");
    vmsd_put_shown(b, plan->sends->property);
    vmsd_strbuf_puts(b, " of ");
    vmsd_put_shown(b, plan->sends->device);
    if (plan->tie == TIE_NONE_SENDS) {
        vmsd_strbuf_puts(b, " selects it, and no machine type sends it: "
                            "retirable now (drop the subsection, the "
                            "property and the entry)\n");
        return;
    }
    vmsd_strbuf_puts(b, " selects it; sent by ");
    for (size_t i = 0; i < plan->n_senders; i++) {
        vmsd_strbuf_puts(b, i ? ", " : "");
        vmsd_put_shown(b, plan->senders[i]->machine);
    }
    vmsd_strbuf_printf(b, ": kept by the machine types up to %s (deprecated "
                       "in %s); can go in %s\n", keep, deprecated,
                       removable);
}

char *retire_render(const struct vmsd_compatdb *db,
                    struct retire_policy *policy, enum report_format format,
                    const struct program *programs, size_t n_programs)
{
    struct release_version released;
    bool have_released = newest_released(db, &released);
    if (!policy->have_first && !have_released) {
        fputs("vmsdcheck: db retire: the database says no release "
              "(\"released\": made by db generate --history); give "
              "--first-release X.Y\n", stderr);
        return NULL;
    }
    if (!policy->have_first)
        policy->first = release_next(released, policy->releases_per_major);
    if (policy->first.minor >= policy->releases_per_major) {
        fprintf(stderr, "vmsdcheck: db retire: release %d.%d: a major has "
                "%d releases, %d.0 to %d.%d\n", policy->first.major,
                policy->first.minor, policy->releases_per_major,
                policy->first.major, policy->first.major,
                policy->releases_per_major - 1);
        return NULL;
    }

    struct plan *plans = vmsd_xcalloc(db->n_entries + 1, sizeof *plans);
    size_t n = 0;
    for (size_t i = 0; i < db->n_entries; i++)
        if (vmsd_compatdb_find(db, db->entries[i].parent,
                               db->entries[i].subsection) == &db->entries[i])
            plans[n++] = plan_entry(&db->entries[i], policy, programs,
                                    n_programs);

    char first[32], newest[32];
    version_text(first, sizeof first, policy->first);
    version_text(newest, sizeof newest, released);
    char *text;
    if (format == REPORT_JSON) {
        json_t *entries = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(entries, json_plan(&plans[i]));
        json_t *root = json_pack(
            "{s:s, s:i, s:{s:i, s:i, s:i, s:s, s:o}, s:o}",
            "format", "vmsdcheck-retire", "version", 1, "policy",
            "deletion_majors", policy->deletion_majors,
            "deprecation_majors", policy->deprecation_majors,
            "releases_per_major", policy->releases_per_major,
            "first_release", first,
            "released", have_released ? json_string(newest) : json_null(),
            "entries", entries);
        text = report_json_text(root);
    } else {
        struct vmsd_strbuf b = { 0 };
        vmsd_strbuf_printf(&b, "%zu legacy name%s; a machine type is "
                           "deprecated %d and deleted %d major releases "
                           "after its own (%d releases a major); a compat "
                           "property can come in %s\n", n,
                           n == 1 ? "" : "s", policy->deprecation_majors,
                           policy->deletion_majors,
                           policy->releases_per_major, first);
        for (size_t i = 0; i < n; i++)
            put_plan(&b, &plans[i], policy);
        text = vmsd_strbuf_take(&b);
    }
    for (size_t i = 0; i < n; i++)
        free(plans[i].senders);
    free(plans);
    return text;
}
