/* vmsdcheck db retire: when each legacy name of an allowlist can go,
 * under QEMU's policy for versioned machine types (machine-policy.h).
 *
 * A shipped legacy name is sent by every machine type: renaming it
 * breaks migration with every release that sends it.  It can go only
 * once a compat property ties it to the machine types before the
 * release that adds the property (those keep the old name, newer ones
 * send parent/rest) and the newest of those machine types is deleted.
 * A name no release has sent can be renamed at once. */
#ifndef VMSDCHECK_TOOL_RETIRE_H
#define VMSDCHECK_TOOL_RETIRE_H

#include "machine-policy.h"
#include "report.h"

#include "../checker/compatdb.h"

struct retire_policy {
    int deletion_majors;                /* QEMU: 6 */
    int deprecation_majors;             /* QEMU: 3 */
    int releases_per_major;             /* QEMU: 3 (X.0, X.1, X.2) */
    /* The first release that can add the compat property: given, or
     * the one after the database's newest "released". */
    struct release_version first;
    bool have_first;
};

/* The plan for every pair of DB (the first entry of a pair listed by
 * several layers), as text or JSON; NULL (said on stderr) when POLICY
 * has no first release and DB no "released", or its first release has
 * a minor a major does not have.  The caller frees it. */
char *retire_render(const struct vmsd_compatdb *db,
                    struct retire_policy *policy, enum report_format format);

#endif
