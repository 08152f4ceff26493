/* A set of byte strings with a value each: names, and (parent,
 * subsection) pairs as one key.  Keys are copied unless the set borrows
 * them; open addressing. */
#ifndef VMSDCHECK_STRSET_H
#define VMSDCHECK_STRSET_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct vmsd_strset_slot {
    char *key;                  /* NULL: empty */
    size_t len;
    size_t hash;
    void *value;
};

struct vmsd_strset {
    struct vmsd_strset_slot *slots;
    size_t capacity;
    size_t count;
    bool borrows_keys;          /* keys are the caller's and outlive the
                                   set: not copied, not freed */
};

/* The hash the set files KEY (LEN bytes) under: for tables of their
 * own that keep less than a slot (facts.c's written names). */
size_t vmsd_hash_bytes(const char *key, size_t len);

/* The slot of KEY (LEN bytes), or NULL when the set lacks it. */
struct vmsd_strset_slot *vmsd_strset_find(const struct vmsd_strset *set,
                                          const char *key, size_t len);
/* The slot of KEY, added with a NULL value when new. */
struct vmsd_strset_slot *vmsd_strset_add(struct vmsd_strset *set,
                                         const char *key, size_t len);
/* Room for N keys in all, made at once: a set grown a key at a time
 * zeroes and fills again each table it outgrows. */
void vmsd_strset_reserve(struct vmsd_strset *set, size_t n);
void vmsd_strset_free(struct vmsd_strset *set);

/* The same for the pair (PARENT, SUB), kept as one key: both names with
 * a NUL between, so no two pairs share one. */
struct vmsd_strset_slot *vmsd_strset_find_pair(const struct vmsd_strset *set,
                                               const char *parent,
                                               const char *sub);
struct vmsd_strset_slot *vmsd_strset_add_pair(struct vmsd_strset *set,
                                              const char *parent,
                                              const char *sub);

/* The same for C strings. */
#define vmsd_strset_find_name(set, name) \
    vmsd_strset_find((set), (name), strlen(name))
#define vmsd_strset_add_name(set, name) \
    vmsd_strset_add((set), (name), strlen(name))

#endif
