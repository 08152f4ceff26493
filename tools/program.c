/* Merging units into one program model.
 *
 * Each unit's ids are its own, so every description and list gets a new
 * id in the program.  Static descriptions stay private to their unit;
 * external ones are found by symbol.  As the linker does, a definition
 * from an archive member yields to one from an object (QEMU's stubs live
 * in an archive); between equals the first wins. */
#include "program.h"
#include "compat-props.h"
#include "containment.h"
#include "notes.h"
#include "paths.h"

#include "../checker/baseline.h"
#include "../checker/facts.h"
#include "../checker/record-copy.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the program has of a global symbol: its winning unit
 * definition and, once merged, the program's copy. */
struct global {
    struct vmsd_desc *def;
    struct vmsd_desc *merged;
    bool from_archive;
};

/* A unit's model: its records in the units' arena, its names, places'
 * files and field lists' fields the program's (struct parsing). */
struct unit {
    struct vmsd_model model;
    bool from_archive;
    const char *name;           /* the main source file, as compiled */
};

struct merge {
    struct program *program;
    struct vmsd_strset globals;         /* symbol -> struct global */
    uint32_t next_uid;
    struct vmsd_strset *instances;      /* per unit: type -> its first
                                           instance record */
};

static struct global *global_find(const struct merge *m, const char *symbol)
{
    struct vmsd_strset_slot *slot =
        symbol ? vmsd_strset_find_name(&m->globals, symbol) : NULL;
    return slot ? slot->value : NULL;
}

/* DEF defines its symbol: the first definition stays, but one from an
 * archive member yields to one from an object. */
static void global_offer(struct merge *m, struct vmsd_desc *def,
                         bool from_archive)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&m->globals,
                                                         def->symbol);
    struct global *g = slot->value;
    if (g && !(g->from_archive && !from_archive))
        return;
    if (!g)
        g = slot->value = vmsd_xcalloc(1, sizeof *g);
    g->def = def;
    g->from_archive = from_archive;
}

static void globals_free(struct vmsd_strset *globals)
{
    for (size_t i = 0; i < globals->capacity; i++)
        free(globals->slots[i].value);
    vmsd_strset_free(globals);
}

/* One unit's ids to the program's. */
struct unit_map {
    struct vmsd_uid_index desc;         /* unit uid -> program desc */
    struct vmsd_uid_index sublist;      /* unit list uid -> program uid */
    struct vmsd_uid_index fieldlist;
};

static uint32_t new_uid(struct merge *m)
{
    return ++m->next_uid;
}

static bool defines(const struct vmsd_desc *d)
{
    return d->defined && d->linkage != VMSD_LINK_EXTERN;
}

/* What a unit's reference names in the program: its own definition, the
 * symbol's winning definition, or nothing (unresolved). */
static struct vmsd_desc *resolve(struct merge *m, struct unit_map *map,
                                 const struct vmsd_ref *ref)
{
    struct vmsd_desc *local = vmsd_uid_index_get(&map->desc, ref->uid);
    if (local)
        return local;
    struct global *g = global_find(m, ref->symbol);
    return g ? g->merged : NULL;
}

static void copy_ref(struct merge *m, struct unit_map *map,
                     const struct vmsd_ref *from, struct vmsd_ref *to)
{
    to->is_null = from->is_null;
    to->symbol = from->symbol;
    to->loc = from->loc;
    if (from->is_null || !from->uid)
        return;                 /* NULL, or an address nobody can follow */
    struct vmsd_desc *target = resolve(m, map, from);
    if (target)
        to->uid = target->uid;
    else
        to->unresolved = true;
}

static uint32_t copy_sublist(struct merge *m, struct unit_map *map,
                             const struct vmsd_sublist *from)
{
    uint32_t uid = (uint32_t)(uintptr_t)vmsd_uid_index_get(&map->sublist,
                                                           from->uid);
    if (uid)
        return uid;             /* shared by two descriptions */
    uid = new_uid(m);
    vmsd_uid_index_put(&map->sublist, from->uid, (void *)(uintptr_t)uid);
    struct vmsd_sublist *to = vmsd_model_add_sublist(&m->program->model, uid);
    for (size_t i = 0; i < from->n_slots; i++)
        copy_ref(m, map, &from->slots[i],
                 vmsd_sublist_append(&m->program->model, to));
    return uid;
}

static uint32_t copy_fieldlist(struct merge *m, struct unit_map *map,
                               const struct vmsd_fieldlist *from)
{
    uint32_t uid = (uint32_t)(uintptr_t)vmsd_uid_index_get(&map->fieldlist,
                                                           from->uid);
    if (uid)
        return uid;
    uid = new_uid(m);
    vmsd_uid_index_put(&map->fieldlist, from->uid, (void *)(uintptr_t)uid);
    struct vmsd_fieldlist *to = vmsd_model_add_fieldlist(&m->program->model,
                                                         uid);
    to->terminated = from->terminated;
    /* The unit's fields are in the program's arena (struct parsing): the
     * program's list takes them as they are, but for the description a
     * field nests, the unit's reference made the program's. */
    to->fields = from->fields;
    to->n_fields = from->n_fields;
    for (size_t i = 0; i < to->n_fields; i++) {
        struct vmsd_field *f = &to->fields[i];
        bool nests = vmsd_field_nests(f);
        struct vmsd_ref unit_ref = f->vmsd;
        memset(&f->vmsd, 0, sizeof f->vmsd);
        if (nests)
            copy_ref(m, map, &unit_ref, &f->vmsd);
    }
    return uid;
}

/* The descriptions a unit contributes: its statics, and its globals
 * that won their symbol. */
static bool contributes(struct merge *m, const struct vmsd_desc *d)
{
    if (!defines(d))
        return false;
    if (d->linkage == VMSD_LINK_STATIC)
        return true;
    struct global *g = global_find(m, d->symbol);
    return g && g->def == d;
}

static void add_descs(struct merge *m, struct unit *u, struct unit_map *map)
{
    struct vmsd_model *model = &m->program->model;
    for (size_t i = 0; i < u->model.n_descs; i++) {
        struct vmsd_desc *d = u->model.descs[i];
        if (!contributes(m, d))
            continue;
        struct vmsd_desc *nd = vmsd_model_desc(model, new_uid(m));
        vmsd_record_copy_model(&vmsd_desc_record, nd, d);
        vmsd_uid_index_put(&map->desc, d->uid, nd);
        if (d->linkage == VMSD_LINK_GLOBAL)
            global_find(m, d->symbol)->merged = nd;
    }
}

/* A registration not followed, into the program. */
static void add_unfollowed(struct merge *m, const struct vmsd_unfollowed *from)
{
    struct vmsd_model *merged = &m->program->model;
    *VMSD_APPEND(merged->unfollowed, merged->n_unfollowed) = *from;
}

/* The class_data member named MEMBER, or NULL. */
static const struct vmsd_ref *data_member(const struct vmsd_data_member *data,
                                          size_t n, const char *member)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(data[i].member, member) == 0)
            return &data[i].vmsd;
    return NULL;
}

/* A type of UNIT, with the description its class_init (in the unit)
 * sets, as the program resolves the reference; a class_init that takes
 * it from class_data gets the member of DATA (the registration's) it
 * names, or nothing known. */
static void add_type(struct merge *m, const struct qom_units *units,
                     size_t unit, struct unit_map *maps, const char *name,
                     const char *parent, const char *class_init,
                     struct vmsd_loc loc, const struct vmsd_data_member *data,
                     size_t n_data, size_t data_unit)
{
    struct program *program = m->program;
    struct program_type *t = VMSD_APPEND(program->types, program->n_types);
    t->name = name;
    t->parent = parent;
    t->loc = loc;
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(&m->instances[unit],
                                                          name);
    if (slot) {
        const struct vmsd_instance *in = slot->value;
        t->cast_struct = in->structure;
        t->cast_struct_size = in->structure_size;
        t->instance_size = in->instance_size;
    }
    size_t where;
    const struct vmsd_class_vmsd *set = qom_class_vmsd(units, unit, class_init,
                                                       &t->conditional,
                                                       &where);
    t->own_set = set != NULL;
    if (!set)
        return;
    const struct vmsd_ref *ref = &set->vmsd;
    if (set->data_member) {
        ref = data_member(data, n_data, set->data_member);
        where = data_unit;
    }
    t->own_vmsd = ref ? resolve(m, &maps[where], ref) : NULL;
    if (ref)
        t->assigned = ref->loc;
}

/* Each unit's instance records by type, the first of a type kept: what
 * add_type looks up for every type the unit registers. */
static void index_instances(struct merge *m, const struct qom_units *units)
{
    m->instances = vmsd_xcalloc(units->n + 1, sizeof *m->instances);
    for (size_t u = 0; u < units->n; u++) {
        const struct vmsd_model *model = units->models[u];
        m->instances[u].borrows_keys = true;
        for (size_t k = 0; k < model->n_instances; k++) {
            struct vmsd_strset_slot *slot = vmsd_strset_add_name(
                &m->instances[u], model->instances[k].type);
            if (!slot->value)
                slot->value = &model->instances[k];
        }
    }
}

static void instances_free(struct merge *m, size_t n_units)
{
    for (size_t u = 0; m->instances && u < n_units; u++)
        vmsd_strset_free(&m->instances[u]);
    free(m->instances);
}

/* The unit's types: its TypeInfo variables and what its code registers;
 * and the registrations it could not follow, for the report. */
static void add_types(struct merge *m, const struct qom_units *units,
                      size_t unit, struct unit_map *maps)
{
    const struct vmsd_model *model = units->models[unit];
    for (size_t i = 0; i < model->n_types; i++) {
        const struct vmsd_qom_type *t = &model->types[i];
        add_type(m, units, unit, maps, t->name, t->parent, t->class_init,
                 t->loc, NULL, 0, unit);
    }
    for (size_t i = 0; i < model->n_registrations; i++) {
        const struct vmsd_registration *r = &model->registrations[i];
        add_type(m, units, unit, maps, r->name, r->parent, r->class_init,
                 r->loc, r->data, r->n_data, unit);
    }
    for (size_t i = 0; i < model->n_unfollowed; i++)
        add_unfollowed(m, &model->unfollowed[i]);
}

/* A member of the struct a call hands on, or NULL when it is NULL. */
static const struct vmsd_struct_member *
struct_member(const struct vmsd_struct_call *c, const char *member)
{
    for (size_t i = 0; i < c->n_members; i++)
        if (strcmp(c->members[i].member, member) == 0)
            return &c->members[i];
    return NULL;
}

static bool guards_hold(const struct vmsd_template *t,
                        const struct vmsd_struct_call *c)
{
    for (size_t i = 0; i < t->n_guards; i++)
        if ((struct_member(c, t->guards[i].member) != NULL)
            != t->guards[i].set)
            return false;
    return true;
}

/* A template's string for the struct C hands on, in the program's
 * arena: NULL for none, or a member that is NULL on its own; false when
 * a member is set to what is not a constant string. */
static bool instantiate(struct merge *m, const struct vmsd_template_string *t,
                        const struct vmsd_struct_call *c, const char **out)
{
    struct vmsd_strbuf text = { 0 };
    *out = NULL;
    for (size_t i = 0; i < t->n_parts; i++) {
        const struct vmsd_template_part *part = &t->parts[i];
        const struct vmsd_struct_member *member =
            part->member ? struct_member(c, part->text) : NULL;
        if (part->member && member && !member->string) {
            free(text.data);
            return false;
        }
        if (part->member && !member && t->n_parts == 1)
            return true;
        vmsd_strbuf_puts(&text, !part->member ? part->text
                                : member ? member->string : "(null)");
    }
    if (t->n_parts)
        *out = vmsd_arena_strdup(&m->program->model.arena,
                                 text.data ? text.data : "");
    free(text.data);
    return true;
}

/* A registration the program does not follow, from C. */
static void call_unfollowed(struct merge *m, const struct vmsd_struct_call *c,
                            const char *reason)
{
    struct vmsd_unfollowed u = { c->caller, (char *)reason, c->loc };
    add_unfollowed(m, &u);
}

/* The types helper H's templates register for call C of unit U. */
static void add_call_types(struct merge *m, const struct qom_units *units,
                           struct unit_map *maps, size_t h, size_t u,
                           const struct vmsd_struct_call *c)
{
    const struct vmsd_model *helper = units->models[h];
    struct vmsd_data_member *data = NULL;
    size_t n_data = 0;
    for (size_t i = 0; i < c->n_members; i++)
        if (c->members[i].vmsd.uid)
            *VMSD_APPEND(data, n_data) = (struct vmsd_data_member){
                c->members[i].member, c->members[i].vmsd };
    for (size_t i = 0; i < helper->n_templates; i++) {
        const struct vmsd_template *t = &helper->templates[i];
        if (strcmp(t->function, c->callee) != 0 || t->param != c->arg
            || !guards_hold(t, c))
            continue;
        const char *name, *parent = NULL;
        if (!instantiate(m, &t->name, c, &name) || !name)
            call_unfollowed(m, c, "name");
        else if (!instantiate(m, &t->parent, c, &parent))
            call_unfollowed(m, c, "parent");
        else
            add_type(m, units, h, maps, name, parent, t->class_init, t->loc,
                     t->data_is_struct ? data : NULL,
                     t->data_is_struct ? n_data : 0, u);
    }
    free(data);
}

/* The types each call handing a struct to a helper registers: the
 * helper's templates whose guards the struct meets, their strings made
 * of its members, their class_data its descriptions. */
static void add_helper_types(struct merge *m, const struct qom_units *units,
                             struct unit_map *maps)
{
    struct vmsd_strset helpers = { 0 };         /* name -> unit + 1 */
    for (size_t u = 0; u < units->n; u++)
        for (size_t i = 0; i < units->models[u]->n_templates; i++) {
            struct vmsd_strset_slot *slot = vmsd_strset_add_name(
                &helpers, units->models[u]->templates[i].function);
            if (!slot->value)
                slot->value = (void *)(uintptr_t)(u + 1);
        }
    for (size_t u = 0; u < units->n; u++) {
        const struct vmsd_model *model = units->models[u];
        for (size_t i = 0; i < model->n_struct_calls; i++) {
            const struct vmsd_struct_call *c = &model->struct_calls[i];
            struct vmsd_strset_slot *slot =
                vmsd_strset_find_name(&helpers, c->callee);
            if (!slot)
                continue;       /* it registers nothing we know of */
            if (c->uncertain) {
                call_unfollowed(m, c, "call");
                continue;
            }
            size_t h = (size_t)(uintptr_t)slot->value - 1;
            add_call_types(m, units, maps, h, u, c);
        }
    }
    vmsd_strset_free(&helpers);
}

/* What the unit's structs say: the structs of its descriptions (by
 * their program ids) and what sits at offset 0 of its structs. */
static void add_structs(struct merge *m, struct unit *u, struct unit_map *map)
{
    struct vmsd_model *model = &m->program->model;
    for (size_t i = 0; i < u->model.n_desc_structs; i++) {
        const struct vmsd_desc_structs *from = &u->model.desc_structs[i];
        const struct vmsd_desc *d = vmsd_uid_index_get(&map->desc,
                                                       from->desc);
        if (!d)
            continue;           /* a definition another unit's won */
        struct vmsd_desc_structs *to = VMSD_APPEND(model->desc_structs,
                                                   model->n_desc_structs);
        to->desc = d->uid;
        for (size_t k = 0; k < from->n_names; k++)
            *VMSD_APPEND(to->names, to->n_names) = from->names[k];
    }
    for (size_t i = 0; i < u->model.n_struct_heads; i++)
        *VMSD_APPEND(model->struct_heads, model->n_struct_heads) =
            u->model.struct_heads[i];
}

static void add_lists(struct merge *m, struct unit *u, struct unit_map *map)
{
    for (size_t i = 0; i < u->model.n_descs; i++) {
        struct vmsd_desc *d = u->model.descs[i];
        struct vmsd_desc *nd = vmsd_uid_index_get(&map->desc, d->uid);
        if (!nd)
            continue;
        if (d->subsections)
            nd->subsections_uid = copy_sublist(m, map, d->subsections);
        if (d->fields)
            nd->fields_uid = copy_fieldlist(m, map, d->fields);
    }
}

/* The units read so far, and how. */
struct parsing {
    struct program *program;
    const char *root;
    struct vmsd_facts_reading reading;  /* names and fields into the
                                           program's arena, files by
                                           program_file */
    struct vmsd_strset shown;   /* with a root: a file as the units name
                                   it -> its name in the program */
    struct unit *units;
    size_t n_units, units_room;
    struct vmsd_arena arena;    /* the units' records, freed together */
};

/* The program's name of a file its units' facts name (FILE, in the
 * program's arena): its display path, kept once in the program's arena
 * (the program's set of files borrows its keys from there). */
static const char *program_file(void *arg, const char *file)
{
    struct parsing *p = arg;
    struct vmsd_strset *files = &p->program->files;
    if (!p->root)               /* shown as it is */
        return vmsd_strset_add_name(files, file)->key;
    struct vmsd_strset_slot *named = vmsd_strset_add_name(&p->shown, file);
    if (!named->value) {
        char *shown = paths_display(file, p->root);
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(files, shown);
        if (slot->key == shown)         /* new */
            slot->key = vmsd_arena_strdup(&p->program->model.arena, shown);
        named->value = slot->key;
        free(shown);
    }
    return named->value;
}

/* Every document of a blob into units; false on a broken one. */
static bool parse_blob(const struct facts_blob *blob, void *arg)
{
    struct parsing *to = arg;
    size_t pos = 0;
    while (pos < blob->size) {
        if (blob->data[pos] == '\0' || strchr(" \t\r\n", blob->data[pos])) {
            pos++;
            continue;
        }
        if (to->n_units == to->units_room) {
            to->units_room = 2 * to->units_room + 1;
            to->units = vmsd_xrealloc(to->units,
                                      to->units_room * sizeof *to->units);
        }
        struct unit *u = memset(&to->units[to->n_units++], 0, sizeof *u);
        char error[256];
        size_t used;
        vmsd_model_init_in(&u->model, &to->arena);
        u->from_archive = blob->from_archive;
        if (!vmsd_facts_read_unit(&to->reading, blob->data + pos,
                                  blob->size - pos, &u->model, &u->name,
                                  &used, error, sizeof error)) {
            char *origin = vmsd_shown(blob->origin);
            fprintf(notes(), "vmsdcheck: %s: facts at byte %zu: %s\n",
                    origin, pos, error);
            free(origin);
            return false;
        }
        vmsd_model_resolve(&u->model);
        pos += used;
    }
    return true;
}

/* Count one more KEY; or take one off, false when none is left. */
static void count_one(struct vmsd_strset *set, const char *key)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(set, key);
    slot->value = (void *)((uintptr_t)slot->value + 1);
}

static bool take_one(struct vmsd_strset *set, const char *key)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(set, key);
    if (!slot || !slot->value)
        return false;
    slot->value = (void *)((uintptr_t)slot->value - 1);
    return true;
}

/* Why the program's C units cannot be listed, or NULL.  A symbol table
 * lists them only when it names every unit that carries facts (an LTO
 * link leaves no file symbol of its units, nor does ld -x). */
static const char *why_units_unknown(const struct program_input *input,
                                     const struct unit *units, size_t n_units)
{
    if (input->units_from == UNITS_UNKNOWN)
        return input->units_unknown;
    if (input->units_from != UNITS_SYMBOLS)
        return NULL;
    struct vmsd_strset listed = { .borrows_keys = true };
    const char *why = NULL;
    vmsd_strset_reserve(&listed, input->n_c_units);
    for (size_t i = 0; i < input->n_c_units; i++)
        vmsd_strset_add_name(&listed, input->c_units[i]);
    for (size_t i = 0; !why && i < n_units; i++)
        if (units[i].name && !vmsd_strset_find_name(
                &listed, paths_last_part(units[i].name)))
            why = "no debug information, and its symbol table does not "
                  "name every unit (LTO, or local symbols discarded)";
    vmsd_strset_free(&listed);
    return why;
}

/* The units the symbol table of a program with debug information names
 * beyond those its debug information names, less those that carry facts
 * (UNMATCHED: the last parts of the facts not matched to a unit of the
 * debug information): compiled without -g and without the plugin, or a
 * static library's. */
static void find_unlisted(const struct program_input *input,
                          struct vmsd_strset *unmatched, struct program *out)
{
    struct vmsd_strset listed = { .borrows_keys = true };
    vmsd_strset_reserve(&listed, input->n_c_units);
    for (size_t i = 0; i < input->n_c_units; i++)
        count_one(&listed, paths_last_part(input->c_units[i]));
    for (size_t i = 0; i < input->n_symbol_units; i++) {
        const char *name = input->symbol_units[i];
        if (take_one(&listed, name) || take_one(unmatched, name))
            continue;
        out->unlisted = vmsd_grow(out->unlisted, out->n_unlisted,
                                  sizeof *out->unlisted);
        out->unlisted[out->n_unlisted++] = vmsd_strdup(name);
    }
    vmsd_strset_free(&listed);
}

/* NAME, one of the program's (in its arena), as the program shows it:
 * as it is without a root, else its display path, kept in that arena. */
static const char *shown_name(struct program *program, const char *name,
                              const char *root)
{
    if (!root)
        return name;
    char *path = paths_display(name, root);
    const char *kept = vmsd_arena_strdup(&program->model.arena, path);
    free(path);
    return kept;
}

/* Which of the program's C units carry no facts: a unit whose facts
 * name it exactly first, then, among the facts left, one whose name has
 * the same last part (the two spellings can differ under prefix maps,
 * and file symbols name no directory). */
static void find_uncovered(const struct program_input *input,
                           const struct unit *units, size_t n_units,
                           const char *root, struct program *out)
{
    /* The keys are the units' names, which outlive the sets. */
    struct vmsd_strset exact = { .borrows_keys = true };
    struct vmsd_strset last = { .borrows_keys = true };
    vmsd_strset_reserve(&exact, n_units);
    vmsd_strset_reserve(&last, n_units);
    out->units_from = input->units_from;
    out->units_unknown = why_units_unknown(input, units, n_units);
    if (out->units_unknown)
        out->units_from = UNITS_UNKNOWN;
    out->n_c_units = input->n_c_units;
    out->n_fact_units = n_units;
    out->fact_units = vmsd_xcalloc(n_units + 1, sizeof *out->fact_units);
    for (size_t i = 0; i < n_units; i++) {
        if (!units[i].name)
            continue;
        count_one(&exact, units[i].name);
        count_one(&last, paths_last_part(units[i].name));
        out->fact_units[out->n_fact_units_named++] =
            shown_name(out, units[i].name, root);
    }
    size_t n = out->units_unknown ? 0 : input->n_c_units;
    bool *covered = vmsd_xcalloc(n, sizeof *covered);
    for (size_t i = 0; i < n; i++) {
        const char *name = input->c_units[i];
        covered[i] = take_one(&exact, name);
        if (covered[i])
            take_one(&last, paths_last_part(name));
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = input->c_units[i];
        if (covered[i] || take_one(&last, paths_last_part(name)))
            continue;
        out->uncovered = vmsd_grow(out->uncovered, out->n_uncovered,
                                   sizeof *out->uncovered);
        out->uncovered[out->n_uncovered++] = paths_display(name, root);
    }
    find_unlisted(input, &last, out);
    free(covered);
    vmsd_strset_free(&exact);
    vmsd_strset_free(&last);
}

bool program_build(struct program_input *input, const char *root,
                   bool containment, struct program *out)
{
    struct parsing read = {
        .program = out, .root = root,
        .reading = { containment, &out->model.arena, program_file, &read,
                     NULL },
        .shown = { .borrows_keys = true } };
    bool ok = true;

    memset(out, 0, sizeof *out);
    out->name = input->name;
    out->files.borrows_keys = true;
    vmsd_model_init(&out->model);
    vmsd_arena_use_reserve(&out->model.arena);
    vmsd_arena_use_reserve(&read.arena);
    ok = inputs_list_units(input);
    /* Room for as many units as the program has C units (about as many
     * carry facts) at once: a unit's model is large, and an array grown
     * by doubling copies it again and again. */
    read.units_room = input->n_c_units;
    read.units = vmsd_xrealloc(NULL, read.units_room * sizeof *read.units);
    for (size_t i = 0; ok && i < input->n_blobs; i++) {
        ok = inputs_read_facts(&input->blobs[i], parse_blob, &read);
        inputs_free_facts(&input->blobs[i]);
    }
    vmsd_facts_reading_end(&read.reading);
    vmsd_strset_free(&read.shown);
    struct unit *units = read.units;
    size_t n_units = read.n_units;

    /* First the winner of every global symbol, then every description,
     * then the lists, whose references may name any of them. */
    /* The globals' keys are the units' symbols, the program's. */
    struct merge m = { out, { .borrows_keys = true }, 0, NULL };
    for (size_t i = 0; ok && i < n_units; i++)
        for (size_t j = 0; j < units[i].model.n_descs; j++) {
            struct vmsd_desc *d = units[i].model.descs[j];
            if (defines(d) && d->linkage == VMSD_LINK_GLOBAL)
                global_offer(&m, d, units[i].from_archive);
        }
    struct unit_map *maps = vmsd_xcalloc(n_units, sizeof *maps);
    for (size_t i = 0; ok && i < n_units; i++)
        add_descs(&m, &units[i], &maps[i]);
    for (size_t i = 0; ok && i < n_units; i++) {
        add_lists(&m, &units[i], &maps[i]);
        add_structs(&m, &units[i], &maps[i]);
    }
    const struct vmsd_model **models = vmsd_xcalloc(n_units + 1,
                                                    sizeof *models);
    for (size_t i = 0; i < n_units; i++)
        models[i] = &units[i].model;
    if (ok) {
        struct qom_units qom;
        qom_units_init(&qom, models, n_units);
        index_instances(&m, &qom);
        for (size_t i = 0; i < n_units; i++)
            add_types(&m, &qom, i, maps);
        add_helper_types(&m, &qom, maps);
        instances_free(&m, n_units);
        qom_units_free(&qom);
        qom_find_devices(out);
        machines_build(&out->machines, models, n_units, out->name);
        if (containment)
            containment_find(out, models, n_units);
    }
    vmsd_model_resolve(&out->model);
    if (ok) {
        compat_props_find(out, models, n_units);        /* resolved */
        find_uncovered(input, units, n_units, root, out);
    }
    free(models);
    globals_free(&m.globals);

    for (size_t i = 0; i < n_units; i++) {
        vmsd_uid_index_free(&maps[i].desc);
        vmsd_uid_index_free(&maps[i].sublist);
        vmsd_uid_index_free(&maps[i].fieldlist);
        vmsd_model_free_tables(&units[i].model);
    }
    vmsd_arena_free(&read.arena);
    free(maps);
    free(units);
    return ok;
}

void program_free(struct program *program)
{
    vmsd_model_free(&program->model);
    vmsd_strset_free(&program->files);
    for (size_t i = 0; i < program->n_uncovered; i++)
        free(program->uncovered[i]);
    free(program->uncovered);
    for (size_t i = 0; i < program->n_unlisted; i++)
        free(program->unlisted[i]);
    free(program->unlisted);
    free(program->fact_units);
    free(program->types);
    free(program->devices);
    free(program->device_conditional);
    free(program->stateless_types);
    containment_free(program);
    compat_props_free(program);
    machines_free(&program->machines);
}
