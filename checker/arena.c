/* The arena: blocks mapped from the system, not taken from malloc, so
 * that freeing the model hands the memory straight back, but for a few
 * blocks kept for the next arena (see spare), and a small first block
 * from malloc (see FIRST_SIZE). */
#define _DEFAULT_SOURCE     /* MAP_ANONYMOUS */
#include "arena.h"

#include "xalloc.h"

#include <stdalign.h>
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
#else
/* Blocks of BLOCK_SIZE freed, kept for the next arena, up to
 * SPARE_LIMIT (64 MB; a QEMU program's units take about 150): the tool
 * reads each unit of a program into an arena of its own and frees them
 * all once merged, and fresh mappings for every unit cost two system
 * calls and a page fault for each page touched.  A kept block's used
 * bytes are zeroed again when an arena takes it, not when it is freed:
 * the compiler's blocks go back to the system (vmsd_arena_trim) without
 * being written to for nothing.  Not thread-safe, as nothing here is. */
#define SPARE_LIMIT 256
static struct vmsd_arena_block *spare;
static size_t n_spare;

static struct vmsd_arena_block *map_block(size_t size)
{
    if (size == FIRST_SIZE) {
        struct vmsd_arena_block *block = vmsd_xcalloc(1, FIRST_SIZE);
        block->size = size;
        return block;
    }
    if (size == BLOCK_SIZE && spare) {
        struct vmsd_arena_block *block = spare;
        spare = block->next;
        n_spare--;
        memset(block->data, 0, block->used);
        block->used = 0;
        return block;
    }
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        vmsd_out_of_memory();
    struct vmsd_arena_block *block = p;
    block->size = size;
    return block;
}

static void unmap_block(struct vmsd_arena_block *block)
{
    if (block->size == FIRST_SIZE) {
        free(block);
        return;
    }
    if (block->size != BLOCK_SIZE || n_spare == SPARE_LIMIT) {
        munmap(block, block->size);
        return;
    }
    block->next = spare;
    spare = block;
    n_spare++;
}

void vmsd_arena_trim(void)
{
    while (spare) {
        struct vmsd_arena_block *block = spare;
        spare = block->next;
        munmap(block, block->size);
    }
    n_spare = 0;
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
            : need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE);
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
