/* Building models by hand for the unit tests: descriptions in "t.c",
 * lists whose slots stand on lines 100, 101, ... */
#ifndef VMSDCHECK_MODEL_BUILD_H
#define VMSDCHECK_MODEL_BUILD_H

#include "model.h"

static inline struct vmsd_desc *add_desc(struct vmsd_model *m, uint32_t uid,
                                         const char *symbol, const char *name,
                                         unsigned line)
{
    struct vmsd_desc *d = vmsd_model_desc(m, uid);
    d->symbol = vmsd_model_strdup(m, symbol);
    d->name = vmsd_model_strdup(m, name);
    d->defined = true;
    d->loc.file = "t.c";
    d->loc.line = line;
    return d;
}

/* A list with the given descriptions (uid 0 is a NULL slot). */
static inline void add_list(struct vmsd_model *m, struct vmsd_desc *parent,
                            uint32_t list_uid, const uint32_t *uids, size_t n)
{
    struct vmsd_sublist *list = vmsd_model_add_sublist(m, list_uid);
    parent->subsections_uid = list_uid;
    for (size_t i = 0; i < n; i++) {
        struct vmsd_ref *r = vmsd_sublist_append(m, list);
        r->uid = uids[i];
        r->is_null = uids[i] == 0;
        r->loc.file = "t.c";
        r->loc.line = 100 + (unsigned)i;
        if (uids[i])
            r->symbol = vmsd_model_strdup(m, vmsd_model_find_desc(m, uids[i])->symbol);
    }
}

#endif
