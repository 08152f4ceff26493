/* What the unit tests share: DejaGnu's reporting (PASSED/FAILED lines
 * that unit.exp collects) and CHECK, which names the test by its
 * expression.  Each test program is one file. */
#ifndef VMSDCHECK_UNIT_H
#define VMSDCHECK_UNIT_H

#include <dejagnu.h>

#define CHECK(cond)                                                     \
    ((cond) ? pass("%s:%d: %s", __FILE__, __LINE__, #cond)              \
            : fail("%s:%d: %s", __FILE__, __LINE__, #cond))

#define CHECK_STR(got, want)                                            \
    do {                                                                \
        const char *got_ = (got), *want_ = (want);                      \
        if ((got_ == NULL && want_ == NULL)                             \
            || (got_ && want_ && strcmp(got_, want_) == 0))             \
            pass("%s:%d: %s is \"%s\"", __FILE__, __LINE__, #got,       \
                 want_ ? want_ : "(null)");                             \
        else                                                            \
            fail("%s:%d: %s is \"%s\", not \"%s\"", __FILE__, __LINE__, \
                 #got, got_ ? got_ : "(null)", want_ ? want_ : "(null)"); \
    } while (0)

#endif
