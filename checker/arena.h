/* An arena: memory handed out in order from large blocks and freed all
 * at once.  A unit's model lives in one: in the compiler, thousands of
 * small allocations and frees (descriptions, lists, names) would each
 * cost a call into malloc and crowd GCC's own heap. */
#ifndef VMSDCHECK_ARENA_H
#define VMSDCHECK_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct vmsd_arena_block;

struct vmsd_arena {
    struct vmsd_arena_block *blocks;    /* newest first */
    char *next, *end;                   /* what is left of the newest */
    bool from_reserve;                  /* vmsd_arena_use_reserve */
};

/* SIZE zeroed bytes, aligned for any object. */
void *vmsd_arena_alloc(struct vmsd_arena *arena, size_t size);
/* A copy of S (NULL for NULL). */
char *vmsd_arena_strdup(struct vmsd_arena *arena, const char *s);
/* ITEMS (N elements of SIZE bytes, from this arena) with room for one
 * more: copied into twice the room whenever N is 0 or a power of two,
 * as vmsd_grow does with realloc. */
void *vmsd_arena_grow(struct vmsd_arena *arena, void *items, size_t n,
                      size_t size);
void vmsd_arena_free(struct vmsd_arena *arena);
/* Hand back the blocks freed arenas left for the next ones (arena.c
 * keeps some): for when no more models are to be built. */
void vmsd_arena_trim(void);
/* Sets aside one span of BYTES for the arenas that ask for it
 * (vmsd_arena_use_reserve), in transparent huge pages where the system
 * lets a program ask for them, and never handed back: for a process
 * that builds large models and keeps them, a page fault for 2 MB, not
 * one for each 4 KB. */
void vmsd_arena_reserve(size_t bytes);
/* ARENA's next blocks cut from that span while it has room: for an
 * arena filled densely, as every 2 MB of the span touched is resident
 * whole, and an arena that takes a block and uses little of it (a
 * unit's) would waste most of it. */
void vmsd_arena_use_reserve(struct vmsd_arena *arena);

#endif
