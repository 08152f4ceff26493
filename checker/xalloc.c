/* Allocation that cannot fail (xalloc.h). */
#define _DEFAULT_SOURCE     /* MAP_ANONYMOUS */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void vmsd_out_of_memory(void)
{
    fputs("vmsdcheck: out of memory\n", stderr);
    abort();
}

void *vmsd_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        vmsd_out_of_memory();
    return q;
}

void *vmsd_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        vmsd_out_of_memory();
    return p;
}

char *vmsd_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    return memcpy(vmsd_xrealloc(NULL, n), s, n);
}

void *vmsd_grow(void *items, size_t n, size_t size)
{
    return (n & (n - 1)) == 0 ? vmsd_xrealloc(items, (n ? 2 * n : 1) * size)
                              : items;
}

/* Under AddressSanitizer every table is malloc's, so that an overrun is
 * caught. */
#ifdef __SANITIZE_ADDRESS__
#define TABLE_MAP_MIN SIZE_MAX
#else
#define TABLE_MAP_MIN ((size_t)128 << 10)
#endif

void *vmsd_table_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        vmsd_out_of_memory();
    if (n * size < TABLE_MAP_MIN)
        return vmsd_xcalloc(n, size);
    void *p = mmap(NULL, n * size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        vmsd_out_of_memory();
    return p;                   /* mmap's pages are zero */
}

void vmsd_table_free(void *table, size_t n, size_t size)
{
    if (n * size < TABLE_MAP_MIN)
        free(table);
    else
        munmap(table, n * size);
}
