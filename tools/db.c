/* vmsdcheck db generate. */
#include "db.h"
#include "history.h"
#include "report.h"

#include "../checker/names.h"
#include "../checker/xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct pair {
    const char *parent;
    const char *subsection;
    const char *file;           /* where the subsection is defined */
};

static int compare_pairs(const void *pa, const void *pb)
{
    const struct pair *a = pa, *b = pb;
    int c = strcmp(a->parent, b->parent);
    return c ? c : strcmp(a->subsection, b->subsection);
}

/* Every (parent, subsection) of the programs that breaks only the '/'
 * rule: the pairs an allowlist may carry. */
static struct pair *separator_breaks(const struct program *programs,
                                     size_t n_programs, size_t *count)
{
    struct pair *pairs = NULL;
    *count = 0;
    for (size_t p = 0; p < n_programs; p++) {
        const struct vmsd_model *model = &programs[p].model;
        for (size_t i = 0; i < model->n_descs; i++) {
            const struct vmsd_desc *parent = model->descs[i];
            if (!parent->name || !parent->subsections)
                continue;
            const struct vmsd_sublist *list = parent->subsections;
            size_t n = vmsd_sublist_length(list);
            for (size_t j = 0; j < n; j++) {
                const struct vmsd_desc *sub = list->slots[j].target;
                if (!sub || !sub->name
                    || vmsd_name_kind(sub->name, parent->name)
                       != VMSD_NAME_LEGACY)
                    continue;
                pairs = vmsd_grow(pairs, *count, sizeof *pairs);
                pairs[(*count)++] = (struct pair){ parent->name, sub->name,
                                                   sub->loc.file };
            }
        }
    }
    if (*count)
        qsort(pairs, *count, sizeof *pairs, compare_pairs);
    return pairs;
}

/* The file being regenerated: the last --db; the others are the layers
 * under it. */
static const char *top_file(const struct vmsd_compatdb *db)
{
    return db && db->n_files ? db->files[db->n_files - 1] : NULL;
}

/* A lower layer allows the pair already. */
static bool allowed_below(const struct vmsd_compatdb *db,
                          const struct pair *pair)
{
    const struct vmsd_compat_entry *e = vmsd_compatdb_find(db, pair->parent,
                                                           pair->subsection);
    return e && e->file != top_file(db);
}

static json_t *old_provenance(const struct vmsd_compatdb *old)
{
    if (!top_file(old))
        return NULL;
    json_t *root = json_load_file(top_file(old), 0, NULL);
    json_t *provenance = json_incref(json_object_get(root, "provenance"));
    json_decref(root);
    return provenance;
}

/* The released of OLD's last file, or NULL. */
static const char *old_released(const struct vmsd_compatdb *old)
{
    return top_file(old) ? old->released[old->n_files - 1] : NULL;
}

char *db_generate(const struct program *programs, size_t n_programs,
                  const struct vmsd_compatdb *old, const char *reason,
                  char *const *provenance, size_t n_provenance,
                  const char *history)
{
    size_t n;
    struct pair *pairs = separator_breaks(programs, n_programs, &n);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!(kept && compare_pairs(&pairs[kept - 1], &pairs[i]) == 0)
            && !allowed_below(old, &pairs[i]))
            pairs[kept++] = pairs[i];   /* not another program's, nor a
                                           lower layer's */
    n = kept;

    const char **names = vmsd_xcalloc(n + 1, sizeof *names);
    char **found = vmsd_xcalloc(n + 1, sizeof *found);
    char *released = NULL;
    for (size_t i = 0; i < n; i++)
        names[i] = pairs[i].subsection;
    if (history && !history_since(history, names, n, found, &released)) {
        free(names);
        free(found);
        free(pairs);
        return NULL;
    }

    json_t *entries = json_array();
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_compat_entry *e =
            old ? vmsd_compatdb_find_in(old, top_file(old), pairs[i].parent,
                                        pairs[i].subsection)
                : NULL;
        json_t *entry = json_pack("{s:s, s:s, s:s}",
                                  "parent", pairs[i].parent,
                                  "subsection", pairs[i].subsection,
                                  "reason", e ? e->reason : reason);
        const char *where = e && e->where ? e->where : pairs[i].file;
        if (where)
            json_object_set_new(entry, "where", json_string(where));
        const char *since = found[i] ? found[i] : e ? e->since : NULL;
        if (since)
            json_object_set_new(entry, "since", json_string(since));
        json_array_append_new(entries, entry);
        free(found[i]);
    }
    free(found);
    free(names);
    free(pairs);

    json_t *root = json_pack("{s:s, s:i}", "format", VMSD_COMPATDB_FORMAT,
                             "version", VMSD_COMPATDB_VERSION);
    json_t *kept_provenance = old_provenance(old);
    if (n_provenance && !json_is_object(kept_provenance)) {
        json_decref(kept_provenance);
        kept_provenance = json_object();
    }
    for (size_t i = 0; i < n_provenance; i++) {
        const char *eq = strchr(provenance[i], '=');
        char *key = vmsd_strdup(provenance[i]);
        key[eq - provenance[i]] = '\0';
        json_object_set_new(kept_provenance, key, json_string(eq + 1));
        free(key);
    }
    if (kept_provenance)
        json_object_set_new(root, "provenance", kept_provenance);
    const char *newest = released ? released : old_released(old);
    if (newest)
        json_object_set_new(root, "released", json_string(newest));
    free(released);
    json_object_set_new(root, "entries", entries);
    return report_json_text(root);
}
