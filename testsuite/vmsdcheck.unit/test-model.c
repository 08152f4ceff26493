/* The model: lookups by uid, list slots, and resolution. */
#include "unit.h"

#include "model.h"

#include <stdlib.h>

int main(void)
{
    struct vmsd_model m;
    vmsd_model_init(&m);

    /* Many descriptions: the uid index must grow and keep them all. */
    for (uint32_t uid = 1; uid <= 5000; uid++)
        vmsd_model_desc(&m, uid * 7)->version_id = (int)uid;
    CHECK(m.n_descs == 5000);
    CHECK(vmsd_model_find_desc(&m, 7 * 4321)->version_id == 4321);
    CHECK(vmsd_model_find_desc(&m, 8) == NULL);
    CHECK(vmsd_model_desc(&m, 7) == vmsd_model_find_desc(&m, 7));
    CHECK(m.n_descs == 5000);

    /* A list: two entries, a NULL, one more. */
    struct vmsd_desc *parent = vmsd_model_desc(&m, 7);
    struct vmsd_desc *other = vmsd_model_desc(&m, 21);
    parent->subsections_uid = 90001;
    other->subsections_uid = 90001;     /* shares the list */
    struct vmsd_sublist *list = vmsd_model_add_sublist(&m, 90001);
    CHECK(vmsd_model_add_sublist(&m, 90001) == NULL);
    vmsd_sublist_append(&m, list)->uid = 14;
    vmsd_sublist_append(&m, list)->uid = 99999;     /* not in the model */
    vmsd_sublist_append(&m, list)->is_null = true;
    vmsd_sublist_append(&m, list)->uid = 28;
    CHECK(vmsd_sublist_length(list) == 2);
    CHECK(vmsd_sublist_terminated(list));

    /* A field list nesting a description. */
    parent->fields_uid = 90002;
    struct vmsd_fieldlist *fields = vmsd_model_add_fieldlist(&m, 90002);
    vmsd_fieldlist_append(&m, fields);
    struct vmsd_field *f = vmsd_fieldlist_append(&m, fields);
    f->vmsd.uid = 35;
    f->vmsd.symbol = vmsd_model_strdup(&m, "vmstate_35");

    vmsd_model_resolve(&m);
    CHECK(parent->subsections == list);
    CHECK(list->owner == parent);
    CHECK(list->slots[0].target == vmsd_model_find_desc(&m, 14));
    CHECK(list->slots[1].target == NULL);
    CHECK(vmsd_model_find_desc(&m, 14)->is_subsection);
    CHECK(!vmsd_model_find_desc(&m, 28)->is_subsection);  /* after NULL */
    CHECK(parent->fields == fields);
    CHECK(!vmsd_field_nests(&fields->fields[0]));
    CHECK(vmsd_field_nests(&fields->fields[1]));
    CHECK(fields->fields[1].vmsd.target == vmsd_model_find_desc(&m, 35));

    /* File names are interned: a copy, or a name the model owns
     * itself, the same file however it comes. */
    const char *a = vmsd_model_intern_file(&m, "hw/a.c");
    CHECK(vmsd_model_intern_file(&m, "hw/a.c") == a);
    CHECK(vmsd_model_intern_file(&m, "hw/b.c") != a);
    char *own = vmsd_model_strdup(&m, "hw/c.c");
    CHECK(vmsd_model_adopt_file(&m, own) == own);
    CHECK(vmsd_model_intern_file(&m, "hw/c.c") == own);
    CHECK(vmsd_model_adopt_file(&m, vmsd_model_strdup(&m, "hw/a.c")) == a);
    CHECK(vmsd_model_file_number(&m, own) == 2);

    /* Room made at once keeps what the index holds, and fits the
     * uids asked for without growing again. */
    struct vmsd_uid_index ix = { 0 };
    vmsd_uid_index_reserve(&ix, 0);
    CHECK(ix.capacity == 0);
    vmsd_uid_index_put(&ix, 3, &m);
    vmsd_uid_index_reserve(&ix, 1000);
    size_t reserved = ix.capacity;
    CHECK(reserved >= 2000);
    CHECK(vmsd_uid_index_get(&ix, 3) == &m);
    for (uint32_t uid = 4; uid <= 1002; uid++)
        vmsd_uid_index_put(&ix, uid, &ix);
    CHECK(ix.capacity == reserved);
    CHECK(ix.count == 1000);
    CHECK(vmsd_uid_index_get(&ix, 3) == &m);
    CHECK(vmsd_uid_index_get(&ix, 1002) == &ix);
    vmsd_uid_index_free(&ix);

    vmsd_model_free(&m);

    /* Models made in one arena: each can be moved (its array grown)
     * and freed, its records live on until the arena is freed. */
    struct vmsd_arena shared = { 0 };
    struct vmsd_model *units = calloc(1, sizeof *units);
    vmsd_model_init_in(&units[0], &shared);
    struct vmsd_desc *first = vmsd_model_desc(&units[0], 1);
    first->name = vmsd_model_strdup(&units[0], "dev");
    struct vmsd_model *moved = realloc(units, 2 * sizeof *units);
    CHECK(moved != NULL);
    units = moved;
    vmsd_model_init_in(&units[1], &shared);
    CHECK(vmsd_model_arena(&units[0]) == &shared);
    CHECK(vmsd_model_arena(&units[1]) == &shared);
    CHECK(vmsd_model_find_desc(&units[0], 1) == first);
    vmsd_model_desc(&units[1], 1)->name =
        vmsd_model_strdup(&units[1], "dev/sub");
    vmsd_model_free(&units[0]);
    vmsd_model_free(&units[1]);
    CHECK_STR(first->name, "dev");
    vmsd_arena_free(&shared);
    free(units);

    /* A model of its own moved: it still allocates from its own. */
    struct vmsd_model own_model, copy;
    vmsd_model_init(&own_model);
    vmsd_model_strdup(&own_model, "x");
    copy = own_model;
    CHECK(vmsd_model_arena(&copy) == &copy.arena);
    CHECK_STR(vmsd_model_strdup(&copy, "y"), "y");
    vmsd_model_free(&copy);

    totals();
    return 0;
}
