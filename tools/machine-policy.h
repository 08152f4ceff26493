/* QEMU's policy for versioned machine types, as arithmetic on release
 * versions (include/hw/core/boards.h): a machine type X.Y is
 * deprecated MACHINE_VER_DEPRECATION_MAJOR major releases after X.Y
 * and deleted MACHINE_VER_DELETION_MAJOR major releases after it, with
 * a fixed number of releases a major (X.0, X.1, X.2). */
#ifndef VMSDCHECK_TOOL_MACHINE_POLICY_H
#define VMSDCHECK_TOOL_MACHINE_POLICY_H

struct release_version {
    int major, minor;
};

#define POLICY_DELETION_MAJORS 6
#define POLICY_DEPRECATION_MAJORS 3
#define POLICY_RELEASES_PER_MAJOR 3

/* The release after V, and the one before it. */
struct release_version release_next(struct release_version v,
                                    int releases_per_major);
struct release_version release_previous(struct release_version v,
                                        int releases_per_major);

/* The first release that no longer has the machine types of release V,
 * MAJORS major releases on (QEMU's _MACHINE_VER_IS_EXPIRED for a
 * release: its major is more than MAJORS above V's, or MAJORS above and
 * its minor at least V's). */
struct release_version release_expiry(struct release_version v, int majors,
                                      int releases_per_major);

#endif
