/* The programs of a run are independent until they are checked: each
 * is read and merged from its own facts (program_build), so they are
 * built on as many threads as there are processors (or --jobs), up to
 * one a program, the largest first.  Each build's notes go to a buffer of its
 * own (notes.h), written out in the programs' order once all are
 * built. */
#include "build-programs.h"
#include "memory.h"
#include "notes.h"

#include "../checker/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct build {
    size_t program;             /* its index in the set */
    size_t size;                /* bytes of facts: the largest go first */
    bool ok;
    char *notes;                /* what the build said */
    size_t notes_size;
};

struct builds {
    struct input_set *set;
    const char *root;
    bool containment;
    struct program *programs;
    struct build *order;        /* by size, largest first */
    atomic_size_t next;         /* the next build in 'order' to take */
};

/* Builds taken in turn until none is left. */
static void *build_some(void *arg)
{
    struct builds *b = arg;
    size_t n = b->set->n_programs;
    for (size_t k; (k = atomic_fetch_add(&b->next, 1)) < n;) {
        struct build *one = &b->order[k];
        FILE *stream = open_memstream(&one->notes, &one->notes_size);
        if (!stream)
            vmsd_out_of_memory();
        notes_to(stream);
        one->ok = program_build(&b->set->programs[one->program], b->root,
                                b->containment,
                                &b->programs[one->program]);
        notes_to(NULL);
        if (fclose(stream) != 0)
            vmsd_out_of_memory();
    }
    return NULL;
}

/* A thread of its own, with its own heap. */
static void *build_thread(void *arg)
{
    void *tuned = memory_tune_thread();
    build_some(arg);
    free(tuned);
    return NULL;
}

static int larger_first(const void *a, const void *b)
{
    const struct build *x = a, *y = b;
    if (x->size != y->size)
        return x->size < y->size ? 1 : -1;
    return x->program < y->program ? -1 : x->program > y->program;
}

static bool build_one_by_one(struct input_set *set, const char *root,
                             bool containment, struct program *programs)
{
    bool ok = true;
    for (size_t i = 0; ok && i < set->n_programs; i++)
        ok = program_build(&set->programs[i], root, containment,
                           &programs[i]);
    return ok;
}

bool build_programs(struct input_set *set, const char *root,
                    bool containment, size_t jobs, struct program *programs)
{
    size_t n = set->n_programs;
    long processors = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n_threads = jobs ? jobs : processors > 1 ? (size_t)processors : 1;
    if (n_threads > n)
        n_threads = n;
    if (n_threads < 2)
        return build_one_by_one(set, root, containment, programs);

    struct builds b = { set, root, containment, programs,
                        vmsd_xcalloc(n, sizeof *b.order), 0 };
    for (size_t i = 0; i < n; i++) {
        b.order[i].program = i;
        for (size_t j = 0; j < set->programs[i].n_blobs; j++)
            b.order[i].size += set->programs[i].blobs[j].size;
    }
    qsort(b.order, n, sizeof *b.order, larger_first);
    /* This thread builds too; a thread that cannot be started leaves
     * its share to the others. */
    pthread_t *threads = vmsd_xcalloc(n_threads - 1, sizeof *threads);
    size_t started = 0;
    while (started < n_threads - 1
           && pthread_create(&threads[started], NULL, build_thread, &b) == 0)
        started++;
    build_some(&b);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);

    struct build **by_program = vmsd_xcalloc(n, sizeof *by_program);
    for (size_t k = 0; k < n; k++)
        by_program[b.order[k].program] = &b.order[k];
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        struct build *one = by_program[i];
        if (ok)
            fwrite(one->notes, 1, one->notes_size, stderr);
        ok = ok && one->ok;
        free(one->notes);
    }
    free(by_program);
    free(b.order);
    return ok;
}
