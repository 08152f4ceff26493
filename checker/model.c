/* The description model: storage, lookup by uid, and resolution. */
#include "model.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grow an array of pointers by one and return the new last slot. */
static void **push_pointer(void ***array, size_t *count)
{
    size_t n = *count;
    *array = vmsd_grow(*array, n, sizeof(void *));
    (*count)++;
    return &(*array)[n];
}

/* uid -> pointer, open addressing; uid 0 marks an empty slot (and is
 * never a key). */

static size_t index_slot(const struct vmsd_uid_index *ix, uint32_t uid)
{
    size_t mask = ix->capacity - 1;
    size_t i = (uid * 2654435761u) & mask;
    while (ix->keys[i] && ix->keys[i] != uid)
        i = (i + 1) & mask;
    return i;
}

void *vmsd_uid_index_get(const struct vmsd_uid_index *ix, uint32_t uid)
{
    if (!uid || !ix->capacity)
        return NULL;
    size_t i = index_slot(ix, uid);
    return ix->keys[i] ? ix->values[i] : NULL;
}

/* The index in tables of CAPACITY slots (a power of two), its entries
 * moved over. */
static void rehash(struct vmsd_uid_index *ix, size_t capacity)
{
    struct vmsd_uid_index old = *ix;
    ix->capacity = capacity;
    ix->keys = vmsd_table_calloc(ix->capacity, sizeof *ix->keys);
    ix->values = vmsd_table_calloc(ix->capacity, sizeof *ix->values);
    for (size_t i = 0; i < old.capacity; i++)
        if (old.keys[i]) {
            size_t j = index_slot(ix, old.keys[i]);
            ix->keys[j] = old.keys[i];
            ix->values[j] = old.values[i];
        }
    vmsd_table_free(old.keys, old.capacity, sizeof *old.keys);
    vmsd_table_free(old.values, old.capacity, sizeof *old.values);
}

void vmsd_uid_index_reserve(struct vmsd_uid_index *ix, size_t n)
{
    if (2 * n <= ix->capacity)
        return;
    size_t capacity = 16;
    while (capacity < 2 * n)
        capacity *= 2;
    rehash(ix, capacity);
}

void vmsd_uid_index_put(struct vmsd_uid_index *ix, uint32_t uid,
                        void *value)
{
    /* From 16 slots: the rules make an index for every subsection list,
     * most of which hold two or three entries, and zeroing 64 slots
     * cost more than the whole lookup (8 cost more at -O2, where the
     * blocks given back on growing are what GCC's mallocs reuse).  Grown
     * fourfold: the plugin's index of descriptions grows one declaration
     * at a time, and each growth moves every entry again. */
    if (2 * (ix->count + 1) > ix->capacity)
        rehash(ix, ix->capacity ? 4 * ix->capacity : 16);
    size_t i = index_slot(ix, uid);
    if (!ix->keys[i])
        ix->count++;
    ix->keys[i] = uid;
    ix->values[i] = value;
}

void vmsd_uid_index_free(struct vmsd_uid_index *ix)
{
    vmsd_table_free(ix->keys, ix->capacity, sizeof *ix->keys);
    vmsd_table_free(ix->values, ix->capacity, sizeof *ix->values);
    memset(ix, 0, sizeof *ix);
}

void vmsd_model_init_in(struct vmsd_model *model, struct vmsd_arena *arena)
{
    memset(model, 0, sizeof *model);
    model->shared_arena = arena;
    /* Its keys are the arena's copies (vmsd_model_intern_file), freed
     * with it. */
    model->file_set.borrows_keys = true;
}

void vmsd_model_init(struct vmsd_model *model)
{
    vmsd_model_init_in(model, NULL);
}

void vmsd_model_free(struct vmsd_model *model)
{
    vmsd_arena_free(&model->arena);
    free(model->types);
    free(model->class_vmsds);
    free(model->calls);
    for (size_t i = 0; i < model->n_creators; i++)
        free(model->creators[i].items);
    free(model->creators);
    free(model->hooks);
    for (size_t i = 0; i < model->n_registrations; i++)
        free(model->registrations[i].data);
    free(model->registrations);
    free(model->unfollowed);
    for (size_t i = 0; i < model->n_templates; i++) {
        free(model->templates[i].name.parts);
        free(model->templates[i].parent.parts);
        free(model->templates[i].guards);
    }
    free(model->templates);
    for (size_t i = 0; i < model->n_struct_calls; i++)
        free(model->struct_calls[i].members);
    free(model->struct_calls);
    for (size_t i = 0; i < model->n_desc_structs; i++)
        free(model->desc_structs[i].names);
    free(model->desc_structs);
    free(model->instances);
    free(model->struct_heads);
    free(model->machine_members);
    free(model->compat_adds);
    for (size_t i = 0; i < model->n_property_arrays; i++)
        free(model->property_arrays[i].entries);
    free(model->property_arrays);
    free(model->macro_values);
    for (size_t i = 0; i < model->n_predicates; i++)
        free(model->predicates[i].reads);
    free(model->predicates);
    for (size_t i = 0; i < model->n_device_props; i++)
        free(model->device_props[i].props);
    free(model->device_props);
    free(model->props_sets);
    vmsd_strset_free(&model->file_set);
    free(model->files);
    vmsd_model_free_tables(model);
}

void vmsd_model_free_tables(struct vmsd_model *model)
{
    free(model->descs);
    free(model->sublists);
    free(model->fieldlists);
    vmsd_uid_index_free(&model->desc_index);
    vmsd_uid_index_free(&model->sublist_index);
    vmsd_uid_index_free(&model->fieldlist_index);
    memset(model, 0, sizeof *model);
}

struct vmsd_desc *vmsd_model_find_desc(const struct vmsd_model *model,
                                       uint32_t uid)
{
    return vmsd_uid_index_get(&model->desc_index, uid);
}

/* A new zeroed item of SIZE bytes from MODEL's arena, listed in ARRAY
 * and indexed by UID; NULL when the index has UID already. */
static void *add_indexed(struct vmsd_model *model, void ***array, size_t *n,
                         struct vmsd_uid_index *ix, uint32_t uid, size_t size)
{
    if (vmsd_uid_index_get(ix, uid))
        return NULL;
    void *item = vmsd_arena_alloc(vmsd_model_arena(model), size);
    *push_pointer(array, n) = item;
    vmsd_uid_index_put(ix, uid, item);
    return item;
}

struct vmsd_desc *vmsd_model_desc(struct vmsd_model *model, uint32_t uid)
{
    struct vmsd_desc *desc = vmsd_model_find_desc(model, uid);
    if (desc)
        return desc;
    desc = add_indexed(model, (void ***)&model->descs, &model->n_descs,
                       &model->desc_index, uid, sizeof *desc);
    desc->uid = uid;
    return desc;
}

struct vmsd_sublist *vmsd_model_add_sublist(struct vmsd_model *model,
                                            uint32_t uid)
{
    struct vmsd_sublist *list = add_indexed(model, (void ***)&model->sublists,
                                            &model->n_sublists,
                                            &model->sublist_index, uid,
                                            sizeof *list);
    if (list)
        list->uid = uid;
    return list;
}

struct vmsd_fieldlist *vmsd_model_add_fieldlist(struct vmsd_model *model,
                                                uint32_t uid)
{
    struct vmsd_fieldlist *list = add_indexed(
        model, (void ***)&model->fieldlists, &model->n_fieldlists,
        &model->fieldlist_index, uid, sizeof *list);
    if (list)
        list->uid = uid;
    return list;
}

struct vmsd_ref *vmsd_sublist_append(struct vmsd_model *model,
                                     struct vmsd_sublist *list)
{
    list->slots = vmsd_arena_grow(vmsd_model_arena(model), list->slots,
                                  list->n_slots, sizeof *list->slots);
    return memset(&list->slots[list->n_slots++], 0, sizeof *list->slots);
}

struct vmsd_field *vmsd_fieldlist_append(struct vmsd_model *model,
                                         struct vmsd_fieldlist *list)
{
    list->fields = vmsd_arena_grow(vmsd_model_arena(model), list->fields,
                                   list->n_fields, sizeof *list->fields);
    return memset(&list->fields[list->n_fields++], 0, sizeof *list->fields);
}

char *vmsd_model_strdup(struct vmsd_model *model, const char *s)
{
    return vmsd_arena_strdup(vmsd_model_arena(model), s);
}

bool vmsd_field_nests(const struct vmsd_field *field)
{
    return field->vmsd.symbol != NULL;
}

/* FILE interned: under a copy in the arena, or under FILE itself when
 * it is the model's already. */
static const char *intern_file(struct vmsd_model *model, const char *file,
                               bool is_own)
{
    if (!file)
        return NULL;
    /* A file new to the set is added under FILE, then, unless FILE is
     * the model's own, under a copy in the arena (the same bytes). */
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&model->file_set,
                                                         file);
    if (!slot->value) {
        if (!is_own)
            slot->key = vmsd_arena_strdup(vmsd_model_arena(model), file);
        *push_pointer((void ***)&model->files, &model->n_files) = slot->key;
        slot->value = (void *)(uintptr_t)model->n_files;
    }
    return slot->key;
}

const char *vmsd_model_intern_file(struct vmsd_model *model, const char *file)
{
    return intern_file(model, file, false);
}

const char *vmsd_model_adopt_file(struct vmsd_model *model, const char *file)
{
    return intern_file(model, file, true);
}

size_t vmsd_model_file_number(const struct vmsd_model *model,
                              const char *file)
{
    return (uintptr_t)vmsd_strset_find_name(&model->file_set, file)->value
           - 1;
}

size_t vmsd_sublist_length(const struct vmsd_sublist *list)
{
    size_t n = 0;
    while (n < list->n_slots && !list->slots[n].is_null)
        n++;
    return n;
}

bool vmsd_sublist_terminated(const struct vmsd_sublist *list)
{
    return vmsd_sublist_length(list) < list->n_slots;
}

void vmsd_model_resolve(struct vmsd_model *model)
{
    for (size_t i = 0; i < model->n_descs; i++) {
        struct vmsd_desc *desc = model->descs[i];
        desc->subsections = vmsd_uid_index_get(&model->sublist_index,
                                               desc->subsections_uid);
        desc->fields = vmsd_uid_index_get(&model->fieldlist_index,
                                          desc->fields_uid);
    }
    for (size_t i = 0; i < model->n_sublists; i++) {
        struct vmsd_sublist *list = model->sublists[i];
        for (size_t j = 0; j < list->n_slots; j++)
            list->slots[j].target = vmsd_model_find_desc(model,
                                                         list->slots[j].uid);
    }
    /* Only lists that belong to a description make subsections. */
    for (size_t i = 0; i < model->n_descs; i++) {
        struct vmsd_sublist *list = model->descs[i]->subsections;
        if (!list)
            continue;
        if (!list->owner)
            list->owner = model->descs[i];
        for (size_t j = 0, n = vmsd_sublist_length(list); j < n; j++)
            if (list->slots[j].target)
                list->slots[j].target->is_subsection = true;
    }
    for (size_t i = 0; i < model->n_fieldlists; i++) {
        struct vmsd_fieldlist *list = model->fieldlists[i];
        for (size_t j = 0; j < list->n_fields; j++) {
            struct vmsd_desc *nested =
                vmsd_model_find_desc(model, list->fields[j].vmsd.uid);
            list->fields[j].vmsd.target = nested;
            if (nested)
                nested->is_nested = true;
        }
    }
}

bool vmsd_desc_top_level(const struct vmsd_desc *desc)
{
    return desc->defined && !desc->is_subsection && !desc->is_nested;
}
