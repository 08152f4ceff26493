/* Machine types, their status under the tree's policy, and their compat
 * properties, from the facts of a program's units. */
#include "machines.h"
#include "machine-policy.h"
#include "notes.h"

#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TYPE_MACHINE "machine"
#define MACHINE_SUFFIX "-machine"

/* What a function does to the machine class it is given, in the order
 * of its body: calls that hand the class on, arrays it adds, members it
 * sets. */
enum step_kind { STEP_CALL, STEP_ADD, STEP_SET };

/* The members a step may set, and where a function keeps them. */
enum member { MEMBER_ALIAS, MEMBER_IS_DEFAULT, MEMBER_DEPRECATION, N_MEMBERS };
static const char *const member_names[N_MEMBERS] = {
    "alias", "is_default", "deprecation_reason",
};

struct machine_array {
    const char *symbol;
    const struct vmsd_global_property *entries;
    size_t n_entries;
};

struct step {
    enum step_kind kind;
    bool conditional;
    size_t after_calls;         /* for ordering, while building */
    size_t order;               /* the record's place, for a stable sort */
    const char *name;           /* the callee or the array */
    bool global;                /* a call's callee has external linkage */
    enum member member;         /* STEP_SET */
    const char *value;          /* STEP_SET */
    struct machine_function *callee;    /* STEP_CALL, once resolved */
    const struct machine_array *array;  /* STEP_ADD, once resolved */
};

struct machine_function {
    struct step *steps;
    size_t n_steps;
    size_t n_calls;             /* while building: its calls so far */
    enum { FUNCTION_UNSEEN, FUNCTION_ON_PATH, FUNCTION_DONE } state;
    bool listing;               /* on the way of machines_properties */
    /* What running it does, once worked out. */
    uint64_t n_properties;
    size_t n_unknown;
    const char *sets[N_MEMBERS];
    bool has_set[N_MEMBERS];
};

/* A unit's functions and arrays by name, while the set is built. */
struct unit_index {
    struct vmsd_strset functions;       /* name -> machine_function */
    struct vmsd_strset arrays;          /* name -> machine_array */
};

struct builder {
    struct machine_set *set;
    const struct vmsd_model *const *models;
    size_t n;
    struct unit_index *units;
    struct vmsd_strset global_functions;        /* name -> unit + 1 */
    struct vmsd_strset global_arrays;           /* name -> machine_array */
};

static uint64_t add_saturating(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static struct machine_function *unit_function(struct builder *b, size_t unit,
                                              const char *name)
{
    struct vmsd_strset_slot *slot =
        vmsd_strset_add_name(&b->units[unit].functions, name);
    if (!slot->value) {
        slot->value = vmsd_arena_alloc(&b->set->arena,
                                       sizeof(struct machine_function));
        struct vmsd_strset_slot *global =
            vmsd_strset_add_name(&b->global_functions, name);
        if (!global->value)
            global->value = (void *)(uintptr_t)(unit + 1);
    }
    return slot->value;
}

static struct step *add_step(struct builder *b, struct machine_function *f,
                             enum step_kind kind, size_t after_calls)
{
    f->steps = vmsd_arena_grow(&b->set->arena, f->steps, f->n_steps,
                               sizeof *f->steps);
    struct step *s = &f->steps[f->n_steps];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->after_calls = after_calls;
    s->order = f->n_steps++;
    return s;
}

static bool member_from_name(const char *name, enum member *out)
{
    for (int i = 0; i < N_MEMBERS; i++)
        if (strcmp(name, member_names[i]) == 0) {
            *out = (enum member)i;
            return true;
        }
    return false;
}

/* Steps in body order: a step with N calls before it (a call's own
 * N is its index) goes after call N - 1 and before call N.  Stable:
 * records of one kind keep their order. */
static int compare_steps(const void *pa, const void *pb)
{
    const struct step *a = pa, *b = pb;
    if (a->after_calls != b->after_calls)
        return a->after_calls < b->after_calls ? -1 : 1;
    if ((a->kind == STEP_CALL) != (b->kind == STEP_CALL))
        return a->kind == STEP_CALL ? 1 : -1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Every function's steps and every array of unit U. */
static void read_unit(struct builder *b, size_t u)
{
    const struct vmsd_model *m = b->models[u];
    for (size_t i = 0; i < m->n_calls; i++) {
        struct machine_function *f = unit_function(b, u, m->calls[i].caller);
        struct step *s = add_step(b, f, STEP_CALL, f->n_calls++);
        s->name = m->calls[i].callee;
        s->global = m->calls[i].global;
    }
    for (size_t i = 0; i < m->n_compat_adds; i++) {
        const struct vmsd_compat_add *c = &m->compat_adds[i];
        struct machine_function *f = unit_function(b, u, c->function);
        struct step *s = add_step(b, f, STEP_ADD, c->after_calls);
        s->name = c->array ? c->array : "?";
        s->conditional = c->conditional;
    }
    for (size_t i = 0; i < m->n_machine_members; i++) {
        const struct vmsd_machine_member *mm = &m->machine_members[i];
        enum member member;
        if (!member_from_name(mm->member, &member))
            continue;           /* "abstract": a type's, read below */
        struct machine_function *f = unit_function(b, u, mm->owner);
        struct step *s = add_step(b, f, STEP_SET, mm->after_calls);
        s->member = member;
        s->value = mm->value;
        s->conditional = mm->conditional;
    }
    for (size_t i = 0; i < m->n_property_arrays; i++) {
        const struct vmsd_property_array *a = &m->property_arrays[i];
        struct machine_array *copy = vmsd_arena_alloc(&b->set->arena,
                                                      sizeof *copy);
        struct vmsd_global_property *entries = vmsd_arena_alloc(
            &b->set->arena, (a->n_entries + 1) * sizeof *entries);
        for (size_t k = 0; k < a->n_entries; k++)
            entries[k] = a->entries[k];
        copy->symbol = a->symbol;
        copy->entries = entries;
        copy->n_entries = a->n_entries;
        struct vmsd_strset_slot *slot =
            vmsd_strset_add_name(&b->units[u].arrays, a->symbol);
        if (!slot->value)
            slot->value = copy;
        slot = a->global ? vmsd_strset_add_name(&b->global_arrays, a->symbol)
                         : NULL;
        if (slot && !slot->value)
            slot->value = copy;
    }
}

/* Each call to its callee and each array to its definition: in the
 * unit first, else (external linkage) in the unit that defines it, as
 * the linker would (tools/qom.c follows calls the same way). */
static void resolve_steps(struct builder *b, size_t u)
{
    struct vmsd_strset *functions = &b->units[u].functions;
    for (size_t i = 0; i < functions->capacity; i++) {
        struct machine_function *f = functions->slots[i].value;
        if (!f)
            continue;
        qsort(f->steps, f->n_steps, sizeof *f->steps, compare_steps);
        for (size_t k = 0; k < f->n_steps; k++) {
            struct step *s = &f->steps[k];
            struct vmsd_strset_slot *slot;
            if (s->kind == STEP_CALL) {
                slot = vmsd_strset_find_name(functions, s->name);
                if (!slot && s->global) {
                    struct vmsd_strset_slot *where =
                        vmsd_strset_find_name(&b->global_functions, s->name);
                    slot = where ? vmsd_strset_find_name(
                        &b->units[(uintptr_t)where->value - 1].functions,
                        s->name) : NULL;
                }
                s->callee = slot ? slot->value : NULL;
            } else if (s->kind == STEP_ADD) {
                slot = vmsd_strset_find_name(&b->units[u].arrays, s->name);
                if (!slot)
                    slot = vmsd_strset_find_name(&b->global_arrays, s->name);
                s->array = slot ? slot->value : NULL;
            }
        }
    }
}

/* F ran CHILD at this point of its body. */
static void take_from(struct machine_function *f,
                      const struct machine_function *child)
{
    f->n_properties = add_saturating(f->n_properties, child->n_properties);
    f->n_unknown += child->n_unknown;
    for (int i = 0; i < N_MEMBERS; i++)
        if (child->has_set[i]) {
            f->sets[i] = child->sets[i];
            f->has_set[i] = true;
        }
}

/* What running F does: the properties its steps add (counted, not
 * listed), and the members it leaves set (an unguarded assignment;
 * which guarded one runs is decided when QEMU runs).  Each function is
 * worked out once, and a call to one already on the way (functions that
 * call each other) adds nothing: O(functions + steps) over a program.
 * Its own stack, as deep as the longest chain of calls. */
static void work_out(struct machine_function *f)
{
    struct frame {
        struct machine_function *f;
        size_t next;
    } *stack = NULL;
    size_t depth = 0;
    f->state = FUNCTION_ON_PATH;
    *VMSD_APPEND(stack, depth) = (struct frame){ f, 0 };
    while (depth) {
        struct frame *top = &stack[depth - 1];
        struct machine_function *at = top->f;
        if (top->next == at->n_steps) {
            at->state = FUNCTION_DONE;
            if (--depth)
                take_from(stack[depth - 1].f, at);
            continue;
        }
        const struct step *s = &at->steps[top->next++];
        switch (s->kind) {
        case STEP_CALL:
            if (!s->callee || s->callee->state == FUNCTION_ON_PATH)
                break;
            if (s->callee->state == FUNCTION_DONE) {
                take_from(at, s->callee);
                break;
            }
            s->callee->state = FUNCTION_ON_PATH;
            *VMSD_APPEND(stack, depth) = (struct frame){ s->callee, 0 };
            break;
        case STEP_ADD:
            if (s->array)
                at->n_properties = add_saturating(at->n_properties,
                                                  s->array->n_entries);
            else
                at->n_unknown++;
            break;
        case STEP_SET:
            if (!s->conditional) {
                at->sets[s->member] = s->value;
                at->has_set[s->member] = true;
            }
            break;
        }
    }
    free(stack);
}

struct machine_property *machines_properties(const struct machine_type *m,
                                             size_t *n)
{
    *n = 0;
    if (m->n_properties > MACHINE_MAX_PROPERTIES
        || m->n_unknown_arrays > MACHINE_MAX_PROPERTIES - m->n_properties)
        return NULL;
    struct machine_property *out = vmsd_xcalloc(1, sizeof *out);
    if (!m->class_init)
        return out;
    struct frame {
        struct machine_function *f;
        size_t next;
        bool conditional;
    } *stack = NULL;
    size_t depth = 0;
    m->class_init->listing = true;
    *VMSD_APPEND(stack, depth) = (struct frame){ m->class_init, 0, false };
    while (depth) {
        struct frame *top = &stack[depth - 1];
        if (top->next == top->f->n_steps) {
            top->f->listing = false;
            depth--;
            continue;
        }
        const struct step *s = &top->f->steps[top->next++];
        bool conditional = top->conditional || s->conditional;
        if (s->kind == STEP_CALL && s->callee && !s->callee->listing
            && (s->callee->n_properties || s->callee->n_unknown)) {
            s->callee->listing = true;
            *VMSD_APPEND(stack, depth) =
                (struct frame){ s->callee, 0, conditional };
        } else if (s->kind == STEP_ADD) {
            /* Functions that call each other may list more than was
             * counted: the bound holds here too. */
            size_t entries = s->array ? s->array->n_entries : 1;
            for (size_t k = 0; k < entries && *n < MACHINE_MAX_PROPERTIES;
                 k++)
                *VMSD_APPEND(out, *n) = (struct machine_property){
                    s->array ? s->array->symbol : s->name,
                    s->array ? &s->array->entries[k] : NULL, conditional };
        }
    }
    free(stack);
    return out;
}

/* A type's ancestry: whether it descends from "machine". */
struct lineage {
    enum { LINEAGE_UNSEEN, LINEAGE_ON_PATH, LINEAGE_DONE } state;
    bool machine;
};

struct type_ref {
    const struct vmsd_qom_type *type;
    size_t unit;
};

/* Mark whether T and its ancestors descend from "machine": each type
 * once, its own stack.  Parents that loop (QEMU would not start) make
 * no type in or below the loop a machine type. */
static void trace(const struct vmsd_strset *by_name, struct lineage *lineages,
                  const struct type_ref *types, size_t t)
{
    size_t *path = NULL, n = 0, at = t;
    bool has_at = true;
    while (has_at && lineages[at].state == LINEAGE_UNSEEN) {
        lineages[at].state = LINEAGE_ON_PATH;
        *VMSD_APPEND(path, n) = at;
        const char *parent = types[at].type->parent;
        struct vmsd_strset_slot *slot =
            parent ? vmsd_strset_find_name(by_name, parent) : NULL;
        has_at = slot != NULL;
        if (slot)
            at = (uintptr_t)slot->value - 1;
    }
    bool looped = has_at && lineages[at].state == LINEAGE_ON_PATH;
    bool above = has_at && !looped && lineages[at].machine;
    while (n--) {
        struct lineage *l = &lineages[path[n]];
        l->state = LINEAGE_DONE;
        l->machine = !looped
                     && (above
                         || strcmp(types[path[n]].type->name, TYPE_MACHINE)
                            == 0);
        above = l->machine;
    }
    free(path);
}

/* "-MAJOR.MINOR" or "-MAJOR.MINOR.MICRO" at the end of NAME. */
static bool parse_version(const char *name, struct machine_type *m)
{
    const char *dash = strrchr(name, '-');
    int values[3] = { 0, 0, -1 };
    int count = 0;
    const char *p = dash ? dash + 1 : NULL;
    while (p && count < 3) {
        if (*p < '0' || *p > '9')
            return false;
        long v = 0;
        while (*p >= '0' && *p <= '9' && v <= INT_MAX / 10)
            v = v * 10 + (*p++ - '0');
        if (*p >= '0' && *p <= '9')
            return false;       /* too long */
        values[count++] = (int)v;
        if (!*p)
            break;
        if (*p++ != '.')
            return false;
    }
    if (!p || *p || count < 2)
        return false;
    m->major = values[0];
    m->minor = values[1];
    m->micro = values[2];
    return true;
}

/* QEMU's test of a versioned machine type's age against CUTOFF major
 * versions (include/hw/core/boards.h, _MACHINE_VER_IS_EXPIRED_IMPL): a
 * release counts from its own version, a development snapshot or
 * release candidate (micro 50 and up) from the next release; the
 * machine type is gone from the release its expiry names on
 * (machine-policy.h). */
static bool expired(const struct machine_policy *p, int cutoff, int major,
                    int minor)
{
    struct release_version now = { p->qemu_major, p->qemu_minor };
    if (p->qemu_micro >= 50)
        now = release_next(now, POLICY_RELEASES_PER_MAJOR);
    struct release_version gone = release_expiry(
        (struct release_version){ major, minor }, cutoff,
        POLICY_RELEASES_PER_MAJOR);
    return now.major > gone.major
           || (now.major == gone.major && now.minor >= gone.minor);
}

/* The policy's macros: the first unit's value of each, said on stderr
 * (notes) when units disagree. */
static void read_policy(struct builder *b, const char *program)
{
    static const char *const names[] = {
        "MACHINE_VER_DEPRECATION_MAJOR", "MACHINE_VER_DELETION_MAJOR",
        "QEMU_VERSION_MAJOR", "QEMU_VERSION_MINOR", "QEMU_VERSION_MICRO",
    };
    struct machine_policy *p = &b->set->policy;
    int *fields[] = { &p->deprecation_major, &p->deletion_major,
                      &p->qemu_major, &p->qemu_minor, &p->qemu_micro };
    p->known = true;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const char *first = NULL;
        bool said = false;
        for (size_t u = 0; u < b->n; u++) {
            const struct vmsd_model *m = b->models[u];
            for (size_t i = 0; i < m->n_macro_values; i++) {
                const char *value = m->macro_values[i].value;
                if (strcmp(m->macro_values[i].name, names[k]) != 0)
                    continue;
                if (!first) {
                    first = value;
                } else if (strcmp(first, value) != 0 && !said) {
                    char *shown = vmsd_shown(program);
                    fprintf(notes(), "vmsdcheck: %s: units define %s as "
                            "%s and as %s: taking %s\n", shown, names[k],
                            first, value, first);
                    free(shown);
                    said = true;
                }
            }
        }
        char *end;
        long v = first ? strtol(first, &end, 10) : 0;
        if (!first || end == first || *end || v < 0 || v > INT_MAX)
            p->known = false;
        else
            *fields[k] = (int)v;
    }
}

static void set_status(const struct machine_policy *policy,
                       struct machine_type *m)
{
    m->status = m->versioned && !policy->known ? MACHINE_UNKNOWN
                                               : MACHINE_SUPPORTED;
    if (m->versioned && policy->known) {
        if (expired(policy, policy->deletion_major, m->major, m->minor))
            m->status = MACHINE_DELETED;
        else if (expired(policy, policy->deprecation_major, m->major,
                         m->minor))
            m->status = MACHINE_DEPRECATED;
    }
    if (m->status != MACHINE_DELETED && m->deprecation_reason)
        m->status = MACHINE_DEPRECATED;
}

/* By family (the name less its version), then newest first. */
static int compare_machines(const void *pa, const void *pb)
{
    const struct machine_type *a = pa, *b = pb;
    size_t la = a->versioned ? (size_t)(strrchr(a->name, '-') - a->name)
                             : strlen(a->name);
    size_t lb = b->versioned ? (size_t)(strrchr(b->name, '-') - b->name)
                             : strlen(b->name);
    int c = strncmp(a->name, b->name, la < lb ? la : lb);
    if (c || la != lb)
        return c ? c : la < lb ? -1 : 1;
    if (a->versioned != b->versioned)
        return a->versioned ? 1 : -1;
    if (a->major != b->major)
        return a->major > b->major ? -1 : 1;
    if (a->minor != b->minor)
        return a->minor > b->minor ? -1 : 1;
    if (a->micro != b->micro)
        return a->micro > b->micro ? -1 : 1;
    return strcmp(a->name, b->name);
}

static void add_machine(struct builder *b, const struct type_ref *ref)
{
    struct machine_set *set = b->set;
    struct machine_type *m = &set->machines[set->n_machines++];
    const char *type = ref->type->name;
    size_t len = strlen(type), suffix = strlen(MACHINE_SUFFIX);
    m->type = type;
    char *name = vmsd_arena_strdup(&set->arena, type);
    if (len > suffix && strcmp(type + len - suffix, MACHINE_SUFFIX) == 0)
        name[len - suffix] = '\0';
    m->name = name;
    m->micro = -1;
    m->versioned = parse_version(name, m);
    struct vmsd_strset_slot *slot = ref->type->class_init
        ? vmsd_strset_find_name(&b->units[ref->unit].functions,
                                ref->type->class_init)
        : NULL;
    struct machine_function *f = slot ? slot->value : NULL;
    m->class_init = f;
    if (f) {
        if (f->state == FUNCTION_UNSEEN)
            work_out(f);
        m->n_properties = f->n_properties;
        m->n_unknown_arrays = f->n_unknown;
        m->alias = f->sets[MEMBER_ALIAS];
        m->is_default = f->sets[MEMBER_IS_DEFAULT]
                        && strcmp(f->sets[MEMBER_IS_DEFAULT], "0") != 0;
        m->deprecation_reason = f->sets[MEMBER_DEPRECATION];
    }
    set_status(&set->policy, m);
}

void machines_build(struct machine_set *set,
                    const struct vmsd_model *const *models, size_t n,
                    const char *program)
{
    memset(set, 0, sizeof *set);
    vmsd_arena_use_reserve(&set->arena);        /* kept with the program */
    /* Every key is a name of the units' models, which outlive b. */
    struct builder b = { .set = set, .models = models, .n = n,
                         .global_functions.borrows_keys = true,
                         .global_arrays.borrows_keys = true };
    b.units = vmsd_xcalloc(n + 1, sizeof *b.units);
    for (size_t u = 0; u < n; u++)
        b.units[u].functions.borrows_keys = b.units[u].arrays.borrows_keys =
            true;
    for (size_t u = 0; u < n; u++)
        read_unit(&b, u);
    for (size_t u = 0; u < n; u++)
        resolve_steps(&b, u);
    read_policy(&b, program);

    /* Every type by name (the first definition stays), the abstract
     * ones, then those that descend from "machine". */
    /* The keys are the units' names, which outlive the sets. */
    struct vmsd_strset by_name = { .borrows_keys = true };
    struct vmsd_strset abstract = { .borrows_keys = true };
    struct type_ref *types = NULL;
    size_t n_types = 0, n_defined = 0;
    for (size_t u = 0; u < n; u++)
        n_defined += models[u]->n_types;
    vmsd_strset_reserve(&by_name, n_defined);   /* not grown type by type */
    for (size_t u = 0; u < n; u++) {
        const struct vmsd_model *m = models[u];
        for (size_t i = 0; i < m->n_types; i++) {
            struct vmsd_strset_slot *slot =
                vmsd_strset_add_name(&by_name, m->types[i].name);
            if (slot->value)
                continue;
            *VMSD_APPEND(types, n_types) =
                (struct type_ref){ &m->types[i], u };
            slot->value = (void *)(uintptr_t)n_types;
        }
        for (size_t i = 0; i < m->n_machine_members; i++)
            if (strcmp(m->machine_members[i].member, "abstract") == 0)
                vmsd_strset_add_name(&abstract, m->machine_members[i].owner);
    }
    struct lineage *lineages = vmsd_xcalloc(n_types + 1, sizeof *lineages);
    set->machines = vmsd_arena_alloc(&set->arena,
                                     (n_types + 1) * sizeof *set->machines);
    for (size_t t = 0; t < n_types; t++) {
        if (lineages[t].state == LINEAGE_UNSEEN)
            trace(&by_name, lineages, types, t);
        if (lineages[t].machine
            && strcmp(types[t].type->name, TYPE_MACHINE) != 0
            && !vmsd_strset_find_name(&abstract, types[t].type->name))
            add_machine(&b, &types[t]);
    }
    qsort(set->machines, set->n_machines, sizeof *set->machines,
          compare_machines);

    free(lineages);
    free(types);
    vmsd_strset_free(&by_name);
    vmsd_strset_free(&abstract);
    for (size_t u = 0; u < n; u++) {
        vmsd_strset_free(&b.units[u].functions);
        vmsd_strset_free(&b.units[u].arrays);
    }
    free(b.units);
    vmsd_strset_free(&b.global_functions);
    vmsd_strset_free(&b.global_arrays);
}

void machines_free(struct machine_set *set)
{
    vmsd_arena_free(&set->arena);
    memset(set, 0, sizeof *set);
}

const struct machine_type *machines_find_any(const struct machine_set *set,
                                             const char *name)
{
    for (size_t i = 0; i < set->n_machines; i++)
        if (strcmp(set->machines[i].name, name) == 0)
            return &set->machines[i];
    return NULL;
}

const struct machine_type *machines_find(const struct machine_set *set,
                                         const char *name)
{
    for (size_t i = 0; i < set->n_machines; i++) {
        const struct machine_type *m = &set->machines[i];
        if (m->status != MACHINE_DELETED
            && (strcmp(m->name, name) == 0
                || (m->alias && strcmp(m->alias, name) == 0)))
            return m;
    }
    return NULL;
}

const char *machine_status_name(enum machine_status status)
{
    static const char *const names[] = {
        [MACHINE_SUPPORTED] = "supported",
        [MACHINE_DEPRECATED] = "deprecated",
        [MACHINE_DELETED] = "deleted",
        [MACHINE_UNKNOWN] = "unknown",
    };
    return names[status];
}
