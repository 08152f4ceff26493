/* The arena: blocks mapped from the system, not taken from malloc, so
 * that freeing the model hands the memory straight back, but for a few
 * blocks kept for the next arena (see spare), a small first block from
 * malloc (see FIRST_SIZE), and, in a process that asks for it, blocks
 * cut from one span reserved at once (see reserved). */
#define _DEFAULT_SOURCE     /* MAP_ANONYMOUS */
#include "arena.h"

#include "xalloc.h"

#include <pthread.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BLOCK_SIZE ((size_t)256 << 10)
/* An arena's first block, from malloc: most units' models take under
 * 2 KB, and a page of its own for each (a fault, and a mapping) was
 * most of the memory the tool touched for a program's units. */
#define FIRST_SIZE ((size_t)2 << 10)

struct vmsd_arena_block {
    struct vmsd_arena_block *next;
    size_t size;                        /* of the mapping */
    size_t used;                        /* bytes of data handed out, once
                                           the arena has moved past it */
    alignas(max_align_t) char data[];
};

#ifdef __SANITIZE_ADDRESS__
/* Under AddressSanitizer every allocation is its own malloc'd block, so
 * that an overrun of one is caught as it would be without the arena. */
void *vmsd_arena_alloc(struct vmsd_arena *arena, size_t size)
{
    struct vmsd_arena_block *block = vmsd_xcalloc(1, sizeof *block + size);
    block->next = arena->blocks;
    arena->blocks = block;
    return block->data;
}

void vmsd_arena_free(struct vmsd_arena *arena)
{
    for (struct vmsd_arena_block *b = arena->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    memset(arena, 0, sizeof *arena);
}

void vmsd_arena_trim(void)
{
}

void vmsd_arena_reserve(size_t bytes)
{
    (void)bytes;
}
#else
/* Blocks freed, kept for the next arenas (their used bytes zeroed again
 * when an arena takes one, not when it is freed: the compiler's go back
 * to the system, vmsd_arena_trim, without being written to for
 * nothing): the tool reads each unit of a program into an arena of its
 * own and frees them all once merged.  Blocks of BLOCK_SIZE up to 256
 * (64 MB; a QEMU program's units take about 150), since fresh mappings
 * for every unit cost two system calls and a page fault for each page
 * touched; first blocks up to 4,096 (8 MB; a QEMU program has up to
 * 1,700 units), since malloc's zeroed 2 KB and their frees cost more
 * than zeroing what a unit used.  Shared by the threads that build
 * programs at once (under a lock), and handed back by vmsd_arena_trim
 * once they are done: an unmapping while another thread runs costs
 * every processor it runs on a flush of its address translations. */
struct spares {
    struct vmsd_arena_block *blocks;
    size_t n, limit;
};
static pthread_mutex_t spares_lock = PTHREAD_MUTEX_INITIALIZER;
static struct spares spare_blocks = { NULL, 0, 256 };
static struct spares spare_firsts = { NULL, 0, 4096 };

/* The span vmsd_arena_reserve set aside: blocks are cut from its start
 * (under spares_lock) until it is used up, then mapped one by one.  A
 * block cut from it is never unmapped: freed, it waits among the spares
 * whatever their limit, since its pages stay the process's anyway. */
static struct {
    char *start, *next, *end;
} reserved;

static bool is_reserved(const struct vmsd_arena_block *block)
{
    const char *p = (const char *)block;
    return p >= reserved.start && p < reserved.end;
}

/* The spares a block of SIZE bytes is kept among, or NULL. */
static struct spares *spares_of(size_t size)
{
    return size == BLOCK_SIZE ? &spare_blocks
           : size == FIRST_SIZE ? &spare_firsts : NULL;
}

/* A spare block of SIZE bytes, or NULL. */
static struct vmsd_arena_block *take_spare(size_t size)
{
    struct spares *spares = spares_of(size);
    struct vmsd_arena_block *block = NULL;
    if (!spares)
        return NULL;
    pthread_mutex_lock(&spares_lock);
    if (spares->blocks) {
        block = spares->blocks;
        spares->blocks = block->next;
        spares->n--;
    }
    pthread_mutex_unlock(&spares_lock);
    if (block) {
        memset(block->data, 0, block->used);
        block->used = 0;
    }
    return block;
}

/* BLOCK kept among the spares; false when there is no room for it. */
static bool keep_spare(struct vmsd_arena_block *block)
{
    struct spares *spares = spares_of(block->size);
    if (!spares)
        return false;
    pthread_mutex_lock(&spares_lock);
    bool kept = spares->n < spares->limit || is_reserved(block);
    if (kept) {
        block->next = spares->blocks;
        spares->blocks = block;
        spares->n++;
    }
    pthread_mutex_unlock(&spares_lock);
    return kept;
}

#define HUGE_PAGE ((size_t)2 << 20)

void vmsd_arena_reserve(size_t bytes)
{
    bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    char *p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return;                 /* blocks are mapped one by one */
    /* Aligned, so that every 2 MB of it can be one huge page. */
    char *start = (char *)(((uintptr_t)p + HUGE_PAGE - 1)
                           & ~(uintptr_t)(HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
    madvise(start, bytes, MADV_HUGEPAGE);
#endif
    pthread_mutex_lock(&spares_lock);
    reserved.start = reserved.next = start;
    reserved.end = start + bytes;
    pthread_mutex_unlock(&spares_lock);
}

/* SIZE bytes cut from the reserved span, or NULL when it has no room. */
static void *cut_reserved(size_t size)
{
    size_t rounded = (size + 4095) & ~(size_t)4095;
    void *p = NULL;
    pthread_mutex_lock(&spares_lock);
    if ((size_t)(reserved.end - reserved.next) >= rounded) {
        p = reserved.next;
        reserved.next += rounded;
    }
    pthread_mutex_unlock(&spares_lock);
    return p;
}

static struct vmsd_arena_block *map_block(size_t size, bool from_reserve)
{
    struct vmsd_arena_block *block = take_spare(size);
    if (block)
        return block;
    if (size == FIRST_SIZE) {
        block = vmsd_xcalloc(1, FIRST_SIZE);
    } else if (!from_reserve || !(block = cut_reserved(size))) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            vmsd_out_of_memory();
        block = p;
    }
    block->size = size;
    return block;
}

/* A reserved block stays (a spare, or, of a size no arena takes again,
 * in the span till exit). */
static void release_block(struct vmsd_arena_block *block)
{
    if (block->size == FIRST_SIZE)
        free(block);
    else if (!is_reserved(block))
        munmap(block, block->size);
}

static void unmap_block(struct vmsd_arena_block *block)
{
    if (!keep_spare(block))
        release_block(block);
}

/* The spares handed back, but the reserved ones, which stay. */
static void release_spares(struct spares *spares)
{
    struct vmsd_arena_block *kept = NULL;
    spares->n = 0;
    while (spares->blocks) {
        struct vmsd_arena_block *block = spares->blocks;
        spares->blocks = block->next;
        if (!is_reserved(block)) {
            release_block(block);
            continue;
        }
        block->next = kept;
        kept = block;
        spares->n++;
    }
    spares->blocks = kept;
}

void vmsd_arena_trim(void)
{
    pthread_mutex_lock(&spares_lock);
    release_spares(&spare_blocks);
    release_spares(&spare_firsts);
    pthread_mutex_unlock(&spares_lock);
}

void *vmsd_arena_alloc(struct vmsd_arena *arena, size_t size)
{
    /* Rounded up, and never 0: every allocation is a distinct address. */
    size = ((size ? size : 1) + alignof(max_align_t) - 1)
           & ~(alignof(max_align_t) - 1);
    if (size > (size_t)(arena->end - arena->next)) {
        size_t need = size + sizeof(struct vmsd_arena_block);
        /* A big request gets a block of its own, so the current block's
         * rest is not wasted. */
        struct vmsd_arena_block *block = map_block(
            !arena->blocks && need <= FIRST_SIZE ? FIRST_SIZE
            : need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE,
            arena->from_reserve);
        if (need > BLOCK_SIZE / 4 && arena->blocks) {
            block->used = size;
            block->next = arena->blocks->next;
            arena->blocks->next = block;
            return block->data;     /* mmap's pages are zero */
        }
        if (arena->blocks)
            arena->blocks->used = (size_t)(arena->next
                                           - arena->blocks->data);
        block->next = arena->blocks;
        arena->blocks = block;
        arena->next = block->data;
        arena->end = (char *)block + block->size;
    }
    void *p = arena->next;
    arena->next += size;
    return p;                       /* never handed out before: zero */
}

void vmsd_arena_free(struct vmsd_arena *arena)
{
    if (arena->blocks)
        arena->blocks->used = (size_t)(arena->next - arena->blocks->data);
    for (struct vmsd_arena_block *b = arena->blocks, *next; b; b = next) {
        next = b->next;
        unmap_block(b);
    }
    memset(arena, 0, sizeof *arena);
}
#endif

void vmsd_arena_use_reserve(struct vmsd_arena *arena)
{
    arena->from_reserve = true;     /* no span under AddressSanitizer */
}

char *vmsd_arena_strdup(struct vmsd_arena *arena, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    return memcpy(vmsd_arena_alloc(arena, n), s, n);
}

void *vmsd_arena_grow(struct vmsd_arena *arena, void *items, size_t n,
                      size_t size)
{
    if (n & (n - 1))
        return items;
    void *more = vmsd_arena_alloc(arena, (n ? 2 * n : 1) * size);
    return n ? memcpy(more, items, n * size) : more;
}
