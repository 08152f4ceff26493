/* Allocation that cannot fail: every allocation of the checker, the
 * plugin and the tools aborts with a message when memory runs out. */
#ifndef VMSDCHECK_XALLOC_H
#define VMSDCHECK_XALLOC_H

#include <stddef.h>
#include <string.h>

/* ITEMS (N of SIZE bytes) with room for one more: doubled at 0, 1, 2,
 * 4, ... so that appending is linear (a realloc may copy, and ASan's
 * always does). */
void *vmsd_grow(void *items, size_t n, size_t size);
/* Append a zeroed element to ITEMS, an array of N elements grown by
 * vmsd_grow, and yield its address. */
#define VMSD_APPEND(items, n)                                             \
    ((items) = (__typeof__(items))vmsd_grow((items), (n), sizeof *(items)), \
     memset(&(items)[(n)], 0, sizeof *(items)), &(items)[(n)++])

/* Says so on stderr and aborts: what every allocation does on failure. */
void vmsd_out_of_memory(void) __attribute__((noreturn));

/* Helpers for the owned strings. */
char *vmsd_strdup(const char *s);
void *vmsd_xrealloc(void *p, size_t n);
void *vmsd_xcalloc(size_t n, size_t size);

/* N zeroed elements of SIZE bytes for a hash table, which may grow
 * large: from 128 KB on, pages mapped of their own, which
 * vmsd_table_free (given the same N and SIZE) hands straight back to
 * the system; malloc would keep them in its heap (it raises its mapping
 * threshold past every mapped block freed), where the compiler's peak
 * memory counts them. */
void *vmsd_table_calloc(size_t n, size_t size);
void vmsd_table_free(void *table, size_t n, size_t size);

#endif
