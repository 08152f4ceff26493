/* Allocation that cannot fail (xalloc.h). */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
