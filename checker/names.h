/* The naming rule of subsections, as the loader and QEMU's maintainers
 * see it (docs/loader-model.md, "Claiming a subsection on load" and "Why
 * parent + "/" + rest is the intended rule").
 */
#ifndef VMSDCHECK_NAMES_H
#define VMSDCHECK_NAMES_H

#include <stdbool.h>

/* What the loader asks before it hands 'name' to 'parent': 'name' starts
 * with 'parent' and is longer.  False means it can never be loaded. */
bool vmsd_name_extends(const char *name, const char *parent);

/* The intended rule: name == parent + "/" + a non-empty rest. */
bool vmsd_name_follows_rule(const char *name, const char *parent);

/* How a subsection's name stands to its parent's. */
enum vmsd_name_kind {
    VMSD_NAME_FOLLOWS_RULE,     /* parent + "/" + rest */
    VMSD_NAME_LEGACY,           /* extends the parent's but breaks the
                                   '/' rule: it loads; only an allowlist
                                   lets it pass */
    VMSD_NAME_UNLOADABLE,       /* does not extend the parent's: the
                                   loader never hands it over */
};
enum vmsd_name_kind vmsd_name_kind(const char *name, const char *parent);

/* The rule-following name closest to 'name': parent + "/" + rest, where
 * rest is what 'name' has after 'parent' less one leading separator-like
 * character ("_", ".", "-", " ", "/"), or all of 'name' when it does not
 * extend 'parent'.  NULL when nothing would be left for rest.  The caller
 * frees it. */
char *vmsd_suggest_name(const char *name, const char *parent);

#endif
