/* The tool's memory.  A run builds each program's model from those of
 * its units, in many small allocations made, freed and made again unit
 * after unit, and keeps every program's model to the end: a few tens of
 * megabytes, every page of them touched.  The first touch of a page
 * costs more than most instructions (a fault, the kernel zeroing the
 * page), so malloc is set up to touch few fresh pages: nothing handed
 * back to the system before exit (the next unit would fault it in
 * again), no block under 32 MB mapped of its own (each would start on
 * fresh pages), and the heap grown far at once, that span kept in
 * transparent huge pages where the system lets a program ask for them
 * (a fault for 2 MB, not 4 KB).  The same for each thread's own heap
 * (one heap for all would make the threads wait on its lock), and for
 * the arenas of the models read and kept (checker/arena.h). */
#define _DEFAULT_SOURCE     /* sbrk, madvise */
#include "memory.h"

#include "../checker/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)
/* About what QEMU's four largest programs take on one thread. */
#define HEAP_SPAN ((int)64 << 20)
/* The models' arenas: room for QEMU's four largest programs twice over,
 * only address space until touched. */
#define ARENA_SPAN ((size_t)128 << 20)
/* A thread's malloc heap: glibc maps it at an address aligned to its
 * largest size, 64 MB (twice the largest mmap threshold), writable as
 * far as M_TOP_PAD reaches (all of it here).  Were it laid out
 * otherwise, the advice would fall on other memory or none: it only
 * says how pages are to be faulted in. */
#define THREAD_HEAP_SPAN ((uintptr_t)64 << 20)
/* What of a thread heap's first 2 MB is left for the header malloc
 * writes after the block that takes the rest. */
#define HEADER_ROOM ((uintptr_t)64 << 10)
/* malloc's most: 32 MB. */
#define MMAP_THRESHOLD ((int)32 << 20)
#define TRIM_THRESHOLD ((int)1 << 30)

void memory_tune(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    mallopt(M_TOP_PAD, HEAP_SPAN);
    uintptr_t before = (uintptr_t)sbrk(0);
    /* More than the heap has left: it grows by the span, now (through a
     * volatile, or the compiler drops the pair). */
    void *volatile grown = malloc(HUGE_PAGE);
    free(grown);
    /* The first 2 MB boundary past BEFORE: the header of the heap's top
     * chunk, which malloc keeps, lies below it. */
    uintptr_t start = (before + HUGE_PAGE) & ~(HUGE_PAGE - 1);
    uintptr_t end = (uintptr_t)sbrk(0) & ~(HUGE_PAGE - 1);
#ifdef MADV_HUGEPAGE
    /* Splitting off the block wrote a header after it, a page of small
     * pages in the span's first 2 MB, which would keep all of that 2 MB
     * in small pages: that page is free memory now, dropped. */
    if (end > start) {
        madvise((void *)start, end - start, MADV_HUGEPAGE);
        madvise((void *)start, end - start, MADV_DONTNEED);
    }
#endif
#endif
    vmsd_arena_reserve(ARENA_SPAN);
}

void *memory_tune_thread(void)
{
    /* (Under AddressSanitizer the heap is its own, laid out otherwise.) */
#if defined __GLIBC__ && defined MADV_HUGEPAGE && !defined __SANITIZE_ADDRESS__
    char *first = malloc(1);
    uintptr_t heap = (uintptr_t)first & ~(THREAD_HEAP_SPAN - 1);
    madvise((void *)heap, THREAD_HEAP_SPAN, MADV_HUGEPAGE);
    /* The heap's first 2 MB hold its header, in small pages already:
     * the rest of them taken, and left untouched, so that what the
     * thread allocates lies past them. */
    uintptr_t used = (uintptr_t)first - heap + HEADER_ROOM;
    char *spacer = used < HUGE_PAGE ? realloc(first, HUGE_PAGE - used)
                                    : NULL;
    return spacer ? spacer : first;     /* realloc failed: FIRST stays */
#else
    return NULL;
#endif
}
