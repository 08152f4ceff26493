/* Which machine types send a subsection a device property selects: the
 * question the gate's backward rules, retirable and db retire ask of
 * what the tool worked out (tools/compat-props.c). */
#include "rules.h"

#include <string.h>

enum vmsd_sends vmsd_sub_sends_find(const struct vmsd_sub_sends *list,
                                    size_t n, const char *parent,
                                    const char *sub, bool field,
                                    bool released_only,
                                    const struct vmsd_sub_sends **entry,
                                    const struct vmsd_machine_sends **machine)
{
    enum vmsd_sends verdict = VMSD_SENDS_NO;
    size_t considered = 0;
    *entry = NULL;
    *machine = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_sub_sends *e = &list[i];
        if (e->field != field || strcmp(e->parent, parent)
            || strcmp(e->subsection, sub))
            continue;
        if (!*entry)
            *entry = e;
        for (size_t k = 0; k < e->n_machines; k++) {
            const struct vmsd_machine_sends *m = &e->machines[k];
            if (released_only && !m->released)
                continue;
            considered++;
            if (m->sends == VMSD_SENDS_YES) {
                *entry = e;
                *machine = m;
                return VMSD_SENDS_YES;
            }
            if (m->sends == VMSD_SENDS_UNKNOWN)
                verdict = VMSD_SENDS_UNKNOWN;
        }
    }
    /* No machine type to ask: nothing is decided. */
    return considered ? verdict : VMSD_SENDS_UNKNOWN;
}
