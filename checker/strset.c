/* The string set: linear probing, at most half full. */
#include "strset.h"

#include "xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time, each word mixed in by a multiplication (a
 * byte at a time cost most of a lookup); the last shift brings the high
 * bits down to the low ones the table's mask keeps. */
size_t vmsd_hash_bytes(const char *key, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ len, word;
    for (; len >= 8; key += 8, len -= 8) {
        memcpy(&word, key, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    word = 0;
    memcpy(&word, key, len);
    h = (h ^ word) * 0xff51afd7ed558ccdull;
    return (size_t)(h ^ (h >> 32));
}

static struct vmsd_strset_slot *probe(const struct vmsd_strset *set,
                                      const char *key, size_t len,
                                      size_t hash)
{
    size_t mask = set->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct vmsd_strset_slot *s = &set->slots[i];
        if (!s->key || (s->hash == hash && s->len == len
                        && memcmp(s->key, key, len) == 0))
            return s;
    }
}

struct vmsd_strset_slot *vmsd_strset_find(const struct vmsd_strset *set,
                                          const char *key, size_t len)
{
    if (!set->count)
        return NULL;
    struct vmsd_strset_slot *s = probe(set, key, len,
                                       vmsd_hash_bytes(key, len));
    return s->key ? s : NULL;
}

static void grow_to(struct vmsd_strset *set, size_t capacity)
{
    struct vmsd_strset old = *set;
    set->capacity = capacity;
    set->slots = vmsd_xcalloc(set->capacity, sizeof *set->slots);
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].key)
            *probe(set, old.slots[i].key, old.slots[i].len,
                   old.slots[i].hash) = old.slots[i];
    free(old.slots);
}

static void grow(struct vmsd_strset *set)
{
    grow_to(set, set->capacity ? 2 * set->capacity : 16);
}

void vmsd_strset_reserve(struct vmsd_strset *set, size_t n)
{
    size_t capacity = set->capacity ? set->capacity : 16;
    while (2 * (n + 1) > capacity)
        capacity *= 2;
    if (capacity > set->capacity)
        grow_to(set, capacity);
}

struct vmsd_strset_slot *vmsd_strset_add(struct vmsd_strset *set,
                                         const char *key, size_t len)
{
    if (2 * (set->count + 1) > set->capacity)
        grow(set);
    size_t hash = vmsd_hash_bytes(key, len);
    struct vmsd_strset_slot *s = probe(set, key, len, hash);
    if (!s->key) {
        if (set->borrows_keys) {
            s->key = (char *)key;
        } else {
            s->key = memcpy(vmsd_xrealloc(NULL, len + 1), key, len);
            s->key[len] = '\0';
        }
        s->len = len;
        s->hash = hash;
        s->value = NULL;
        set->count++;
    }
    return s;
}

void vmsd_strset_free(struct vmsd_strset *set)
{
    for (size_t i = 0; !set->borrows_keys && i < set->capacity; i++)
        free(set->slots[i].key);
    free(set->slots);
    memset(set, 0, sizeof *set);
}

/* The key of a pair; the caller frees it. */
static char *pair_key(const char *parent, const char *sub, size_t *len)
{
    size_t a = strlen(parent), b = strlen(sub);
    char *key = vmsd_xrealloc(NULL, a + b + 2);
    memcpy(key, parent, a + 1);
    memcpy(key + a + 1, sub, b + 1);
    *len = a + 1 + b;
    return key;
}

/* The pair's slot, found (or, with ADD, added). */
static struct vmsd_strset_slot *pair_slot(struct vmsd_strset *set,
                                          const char *parent, const char *sub,
                                          bool add)
{
    size_t len;
    char *key = pair_key(parent, sub, &len);
    struct vmsd_strset_slot *slot = add ? vmsd_strset_add(set, key, len)
                                        : vmsd_strset_find(set, key, len);
    free(key);
    return slot;
}

struct vmsd_strset_slot *vmsd_strset_find_pair(const struct vmsd_strset *set,
                                               const char *parent,
                                               const char *sub)
{
    return pair_slot((struct vmsd_strset *)set, parent, sub, false);
}

struct vmsd_strset_slot *vmsd_strset_add_pair(struct vmsd_strset *set,
                                              const char *parent,
                                              const char *sub)
{
    return pair_slot(set, parent, sub, true);
}
