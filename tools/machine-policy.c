/* QEMU's policy for versioned machine types. */
#include "machine-policy.h"

struct release_version release_next(struct release_version v,
                                    int releases_per_major)
{
    if (v.minor + 1 < releases_per_major)
        return (struct release_version){ v.major, v.minor + 1 };
    return (struct release_version){ v.major + 1, 0 };
}

struct release_version release_previous(struct release_version v,
                                        int releases_per_major)
{
    if (v.minor > 0)
        return (struct release_version){ v.major, v.minor - 1 };
    return (struct release_version){ v.major - 1, releases_per_major - 1 };
}

struct release_version release_expiry(struct release_version v, int majors,
                                      int releases_per_major)
{
    /* A minor no release MAJORS on has (QEMU 2.12 when a major has
     * three releases): the first release of the major after. */
    if (v.minor < releases_per_major)
        return (struct release_version){ v.major + majors, v.minor };
    return (struct release_version){ v.major + majors + 1, 0 };
}
