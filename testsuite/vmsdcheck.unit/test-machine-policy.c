/* QEMU's machine type policy as release arithmetic: the release after
 * and before one, and when a machine type's version is deprecated and
 * deleted (include/hw/core/boards.h's _MACHINE_VER_IS_EXPIRED). */
#include "unit.h"

#include "../../tools/machine-policy.h"

#include <stdbool.h>

static bool is(struct release_version v, int major, int minor)
{
    return v.major == major && v.minor == minor;
}

static struct release_version v(int major, int minor)
{
    return (struct release_version){ major, minor };
}

int main(void)
{
    CHECK(is(release_next(v(11, 0), 3), 11, 1));
    CHECK(is(release_next(v(11, 2), 3), 12, 0));
    CHECK(is(release_next(v(2, 11), 13), 2, 12));
    CHECK(is(release_previous(v(11, 1), 3), 11, 0));
    CHECK(is(release_previous(v(11, 0), 3), 10, 2));
    CHECK(is(release_previous(v(3, 0), 13), 2, 12));

    /* QEMU 11.0 no longer has the 5.0 machine types, 11.1 the 5.1 ones;
     * 8.0 deprecates the 5.0 ones. */
    CHECK(is(release_expiry(v(5, 0), 6, 3), 11, 0));
    CHECK(is(release_expiry(v(5, 1), 6, 3), 11, 1));
    CHECK(is(release_expiry(v(5, 0), 3, 3), 8, 0));
    CHECK(is(release_expiry(v(11, 0), 6, 3), 17, 0));
    /* 2.12: no release 8.12; the 9.0 release is the first past it. */
    CHECK(is(release_expiry(v(2, 12), 6, 3), 9, 0));
    CHECK(is(release_expiry(v(2, 3), 6, 3), 9, 0));
    CHECK(is(release_expiry(v(2, 2), 6, 3), 8, 2));
    /* Other numbers. */
    CHECK(is(release_expiry(v(11, 0), 1, 3), 12, 0));
    CHECK(is(release_expiry(v(11, 3), 2, 4), 13, 3));
    return 0;
}
