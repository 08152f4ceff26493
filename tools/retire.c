/* vmsdcheck db retire. */
#include "retire.h"

#include "../checker/json-name.h"
#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"

#include <stdio.h>
#include <stdlib.h>

/* One entry's plan. */
struct plan {
    const struct vmsd_compat_entry *entry;
    bool unreleased;
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

static struct plan plan_entry(const struct vmsd_compat_entry *e,
                              const struct retire_policy *p)
{
    struct plan plan = { e, false, { 0, 0 }, { 0, 0 }, { 0, 0 } };
    plan.unreleased = e->since
                      && strcmp(e->since, VMSD_COMPATDB_UNRELEASED) == 0;
    if (plan.unreleased) {
        plan.removable = p->first;
        return plan;
    }
    plan.keep_up_to = release_previous(p->first, p->releases_per_major);
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

static json_t *json_plan(const struct plan *plan)
{
    const struct vmsd_compat_entry *e = plan->entry;
    bool shipped = !plan->unreleased;
    return json_pack("{s:o, s:o, s:o, s:o, s:I, s:o, s:n, s:o, s:o, s:o}",
        "parent", vmsd_json_name(e->parent),
        "subsection", vmsd_json_name(e->subsection),
        "since", e->since ? json_string(e->since) : json_null(),
        "file", vmsd_json_name(e->file), "line", (json_int_t)e->line,
        /* Which machine types send the name: every one until a compat
         * property ties it to the old ones. */
        "machine_types", shipped ? json_string("all") : json_array(),
        "compat_property",
        "keep_up_to", json_version(shipped, plan->keep_up_to),
        "deprecated_in", json_version(shipped, plan->deprecated),
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
    vmsd_strbuf_printf(b, "; sent by every machine type: tie it to a "
                       "compat property in %s, kept by the machine types up "
                       "to %s (deprecated in %s); can go in %s\n", first,
                       keep, deprecated, removable);
}

char *retire_render(const struct vmsd_compatdb *db,
                    struct retire_policy *policy, enum report_format format)
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
            plans[n++] = plan_entry(&db->entries[i], policy);

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
    free(plans);
    return text;
}
