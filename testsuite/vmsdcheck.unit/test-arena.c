/* The arena a model lives in: memory comes zeroed, aligned for any
 * object and distinct for every request (0 bytes too); a request bigger
 * than a block, and many small ones past the first block, are served;
 * growing an array keeps what it held; freeing leaves an empty arena
 * that serves again.  With a reserved span, an arena that asks for it
 * is served the same, zeroed again when it takes a block another freed,
 * and beyond the span once it is used up. */
#include "unit.h"

#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

int main(void)
{
    struct vmsd_arena arena = { 0 };

    unsigned char *a = vmsd_arena_alloc(&arena, 3);
    unsigned char *b = vmsd_arena_alloc(&arena, 0);
    unsigned char *c = vmsd_arena_alloc(&arena, 40);
    CHECK(a && b && c && a != b && b != c);
    CHECK((uintptr_t)b % alignof(max_align_t) == 0);
    CHECK((uintptr_t)c % alignof(max_align_t) == 0);
    CHECK(all_zero(c, 40));
    memset(a, 0xff, 3);
    CHECK(all_zero(c, 40));         /* no overlap with its neighbour */

    /* Past the first block, and one request bigger than a block. */
    size_t served = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned char *p = vmsd_arena_alloc(&arena, 100);
        served += p && all_zero(p, 100);
        memset(p, 0xaa, 100);
    }
    CHECK(served == 20000);
    unsigned char *big = vmsd_arena_alloc(&arena, (size_t)1 << 20);
    CHECK(big && all_zero(big, (size_t)1 << 20));
    unsigned char *after = vmsd_arena_alloc(&arena, 64);
    CHECK(after && all_zero(after, 64));

    /* Growing keeps the elements, doubling at powers of two. */
    int *items = NULL;
    size_t n = 0;
    for (; n < 1000; n++) {
        items = vmsd_arena_grow(&arena, items, n, sizeof *items);
        items[n] = (int)n;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        kept += items[i] == (int)i;
    CHECK(kept == 1000);

    char *s = vmsd_arena_strdup(&arena, "dev/sub");
    CHECK_STR(s, "dev/sub");
    CHECK(vmsd_arena_strdup(&arena, NULL) == NULL);

    vmsd_arena_free(&arena);
    CHECK(arena.blocks == NULL);
    unsigned char *again = vmsd_arena_alloc(&arena, 8);
    CHECK(again && all_zero(again, 8));
    vmsd_arena_free(&arena);

    /* The blocks a freed arena wrote all over serve the next one zeroed
     * (freed blocks are kept for reuse). */
    struct vmsd_arena next = { 0 };
    served = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned char *p = vmsd_arena_alloc(&next, 100);
        served += p && all_zero(p, 100);
    }
    CHECK(served == 20000);
    vmsd_arena_free(&next);

    /* Once the kept blocks are handed back, new ones serve. */
    vmsd_arena_trim();
    for (int i = 0; i < 20000; i++)
        vmsd_arena_alloc(&next, 100);
    unsigned char *fresh = vmsd_arena_alloc(&next, 100);
    CHECK(fresh && all_zero(fresh, 100));
    vmsd_arena_free(&next);
    vmsd_arena_trim();

    /* A span of 2 MB: an arena cuts its blocks from it, fills it, and
     * is served past it. */
    vmsd_arena_reserve((size_t)2 << 20);
    struct vmsd_arena dense = { 0 };
    vmsd_arena_use_reserve(&dense);
    CHECK(dense.from_reserve);
    served = 0;
    for (int i = 0; i < 60000; i++) {       /* 6 MB */
        unsigned char *p = vmsd_arena_alloc(&dense, 100);
        served += p && all_zero(p, 100);
        memset(p, 0x55, 100);
    }
    CHECK(served == 60000);
    big = vmsd_arena_alloc(&dense, (size_t)1 << 20);
    CHECK(big && all_zero(big, (size_t)1 << 20));
    vmsd_arena_free(&dense);
    CHECK(!dense.from_reserve && dense.blocks == NULL);

    /* The blocks it freed, the span's among them, serve zeroed, to an
     * arena that asks for the span and to one that does not, after a
     * trim too. */
    vmsd_arena_trim();
    struct vmsd_arena again_dense = { 0 }, plain = { 0 };
    vmsd_arena_use_reserve(&again_dense);
    served = 0;
    for (int i = 0; i < 30000; i++) {
        unsigned char *p = vmsd_arena_alloc(&again_dense, 100);
        unsigned char *q = vmsd_arena_alloc(&plain, 100);
        served += p && q && p != q && all_zero(p, 100) && all_zero(q, 100);
        memset(p, 0x66, 100);
        memset(q, 0x77, 100);
    }
    CHECK(served == 30000);
    vmsd_arena_free(&again_dense);
    vmsd_arena_free(&plain);
    vmsd_arena_trim();
    return 0;
}
