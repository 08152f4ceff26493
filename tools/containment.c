/* Which machine types can contain each device type.
 *
 * A graph over the program: each type has an instance node (an object
 * of the type exists) and a code node (what making one runs: its own
 * instance_init and the realize and MachineClass.init its class sets,
 * then its parent's code); each function that creates or calls has a
 * node (facts Q); one node stands for what a user may add (-device):
 * every device type that is not abstract and is user-creatable.  A
 * machine type contains what its instance node reaches, and it reaches
 * the user's node.
 *
 * The walks mark each node with who reaches it, never more than a few:
 * one versioned machine type (the first, newest first), then up to
 * MAX_SHOWN + 1 unversioned ones, and a walk stops at a node already
 * marked enough, whose successors are then marked enough too.  So every
 * node and edge is handled at most MAX_SHOWN + 2 times: linear in the
 * program, however many machine types it has. */
#include "containment.h"
#include "machines.h"
#include "program.h"

#include "../checker/strbuf.h"
#include "../checker/strset.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SHOWN 3             /* unversioned machine types named */

/* The edges of all nodes in one array, each node's a list in the order
 * they were added (a node's own array grown edge by edge cost a realloc
 * each time it doubled). */
struct edge {
    int to;
    int next;                   /* the node's next edge; -1: none */
};

struct node {
    int first_edge, last_edge;  /* -1: none */
    int versioned;              /* the versioned machine type (its index
                                   in the walks' order) that reached it;
                                   -1: none */
    int unversioned[MAX_SHOWN + 1];     /* the unversioned ones, likewise */
    int n_unversioned;
    int walked;                 /* the last walk that visited it, + 1 */
};

struct ctype {
    const char *name;
    const char *parent;
    size_t unit;
    const char *class_init;
    bool abstract;
    int parent_index;           /* -1: none in the program */
    enum { UNSEEN, ON_PATH, DONE } state;
    bool device, looped;
    int user;                   /* its class's user_creatable: -1 unset
                                   (its parent's), 0, 1; then inherited */
    bool init;                  /* its class or a parent's sets
                                   MachineClass.init */
};

/* A function with hooks or K records (a class_init, or a helper it
 * hands the class to): a node whose edges lead to the realize and init
 * it sets and to its helpers, and what it says of user_creatable and
 * MachineClass.init, its helpers' included. */
struct class_function {
    size_t unit;
    const char *name;
    enum { CLASS_UNSEEN, CLASS_ON_PATH, CLASS_DONE } state;
    bool init;
    int user;                   /* -1: says nothing */
};

/* What one unit names: its functions are its own (a static one may
 * share its name with another unit's), so each unit has its sets. */
struct unit_names {
    struct vmsd_strset functions;       /* name -> node + 1 */
    struct vmsd_strset hooks;           /* owner -> a list of its J
                                           records */
    struct vmsd_strset calls;           /* caller -> a list of its K
                                           records */
    struct vmsd_strset class_nodes;     /* function with hooks or K
                                           records -> node + 1 */
};

/* Every set borrows its keys: they are the models' strings, which
 * outlive the graph. */
struct graph {
    const struct vmsd_model *const *models;
    size_t n_units;
    struct unit_names *units;
    struct ctype *types;
    size_t n_types;
    struct vmsd_strset type_index;      /* name -> index + 1 */
    const struct vmsd_creator **records;        /* by node - first_function */
    int first_function;
    struct vmsd_strset globals;         /* name -> node + 1 */
    struct vmsd_strset class_owners;    /* function with hooks or K
                                           records -> its first unit */
    struct class_function *classes;     /* by node - first_class */
    size_t n_classes;
    int first_class;
    struct vmsd_strset member_strings;  /* member -> a list of the strings
                                           classes store in it */
    struct vmsd_strset formats;         /* format -> a list of the types
                                           it prints */
    int *by_name;                       /* type indexes, sorted by name */
    struct node *nodes;
    size_t n_nodes;
    struct edge *edges;
    size_t n_edges;
    int user;                           /* the user's node */
    int any;                            /* leads to every type */
};

/* A list of pointers (hooks, calls, type indexes), grown by vmsd_grow. */
struct list {
    const void **items;
    size_t n;
};

static void list_add(struct vmsd_strset_slot *slot, const void *item)
{
    struct list *l = slot->value;
    if (!l)
        l = slot->value = vmsd_xcalloc(1, sizeof *l);
    *VMSD_APPEND(l->items, l->n) = item;
}

static struct list *list_at(const struct vmsd_strset *set, const char *name)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(set, name);
    return slot ? slot->value : NULL;
}

static void lists_free(struct vmsd_strset *set)
{
    for (size_t i = 0; i < set->capacity; i++) {
        struct list *l = set->slots[i].value;
        if (l)
            free(l->items);
        free(l);
    }
    vmsd_strset_free(set);
}

static int index_of(const struct vmsd_strset *set, const char *name)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(set, name);
    return slot ? (int)(uintptr_t)slot->value - 1 : -1;
}

static int type_named(const struct graph *g, const char *name)
{
    return name ? index_of(&g->type_index, name) : -1;
}

static int instance_node(int type)
{
    return 2 * type;
}

static int code_node(int type)
{
    return 2 * type + 1;
}

/* The node of function NAME called from UNIT: the unit's own, else one
 * with external linkage; -1 when it creates and calls nothing known. */
static int function_node(const struct graph *g, size_t unit,
                         const char *name)
{
    int node = index_of(&g->units[unit].functions, name);
    return node >= 0 ? node : index_of(&g->globals, name);
}

static void add_edge(struct graph *g, int from, int to)
{
    if (to < 0)
        return;
    struct node *n = &g->nodes[from];
    int e = (int)g->n_edges;
    *VMSD_APPEND(g->edges, g->n_edges) = (struct edge){ to, -1 };
    if (n->last_edge >= 0)
        g->edges[n->last_edge].next = e;
    else
        n->first_edge = e;
    n->last_edge = e;
}

/* For compare_by_name; one a thread, as programs are built on several. */
static _Thread_local const struct graph *sorting;

static int compare_by_name(const void *pa, const void *pb)
{
    return strcmp(sorting->types[*(const int *)pa].name,
                  sorting->types[*(const int *)pb].name);
}

static void add_owner(struct graph *g, size_t unit, const char *function)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&g->class_owners,
                                                         function);
    if (!slot->value)
        slot->value = (void *)(uintptr_t)(unit + 1);
}

static void borrow_keys(struct graph *g)
{
    g->units = vmsd_xcalloc(g->n_units + 1, sizeof *g->units);
    for (size_t u = 0; u < g->n_units; u++) {
        g->units[u].functions.borrows_keys = true;
        g->units[u].hooks.borrows_keys = true;
        g->units[u].calls.borrows_keys = true;
        g->units[u].class_nodes.borrows_keys = true;
    }
    g->type_index.borrows_keys = true;
    g->globals.borrows_keys = true;
    g->class_owners.borrows_keys = true;
    g->member_strings.borrows_keys = true;
    g->formats.borrows_keys = true;
}

/* The types and the function nodes. */
static void index_units(struct graph *g)
{
    borrow_keys(g);
    for (size_t u = 0; u < g->n_units; u++) {
        const struct vmsd_model *m = g->models[u];
        for (size_t i = 0; i < m->n_types; i++) {
            struct vmsd_strset_slot *slot =
                vmsd_strset_add_name(&g->type_index, m->types[i].name);
            if (slot->value)
                continue;       /* the first definition stays */
            struct ctype *t = VMSD_APPEND(g->types, g->n_types);
            t->name = m->types[i].name;
            t->parent = m->types[i].parent;
            t->class_init = m->types[i].class_init;
            t->unit = u;
            t->user = -1;
            slot->value = (void *)(uintptr_t)g->n_types;
        }
    }
    g->n_nodes = 2 * g->n_types;
    g->first_function = (int)g->n_nodes;
    for (size_t u = 0; u < g->n_units; u++) {
        const struct vmsd_model *m = g->models[u];
        for (size_t i = 0; i < m->n_creators; i++) {
            const struct vmsd_creator *c = &m->creators[i];
            struct vmsd_strset_slot *slot = vmsd_strset_add_name(
                &g->units[u].functions, c->function);
            if (slot->value)
                continue;
            slot->value = (void *)(uintptr_t)++g->n_nodes;
            size_t k = g->n_nodes - 1 - (size_t)g->first_function;
            g->records = vmsd_grow(g->records, k, sizeof *g->records);
            g->records[k] = c;
            slot = vmsd_strset_add_name(&g->globals, c->function);
            if (c->global && !slot->value)
                slot->value = (void *)(uintptr_t)g->n_nodes;
        }
        for (size_t i = 0; i < m->n_hooks; i++) {
            const struct vmsd_hook *h = &m->hooks[i];
            if (h->kind == VMSD_HOOK_MEMBER_STRING)
                list_add(vmsd_strset_add_name(&g->member_strings, h->name),
                         h->value);
            else
                list_add(vmsd_strset_add_name(&g->units[u].hooks, h->owner),
                         h);
            add_owner(g, u, h->owner);
        }
        for (size_t i = 0; i < m->n_calls; i++) {
            list_add(vmsd_strset_add_name(&g->units[u].calls,
                                          m->calls[i].caller), &m->calls[i]);
            add_owner(g, u, m->calls[i].caller);
        }
    }
    g->first_class = (int)g->n_nodes;
    for (size_t u = 0; u < g->n_units; u++) {
        const struct vmsd_model *m = g->models[u];
        for (size_t i = 0; i < m->n_hooks + m->n_calls; i++) {
            const char *owner = i < m->n_hooks ? m->hooks[i].owner
                                : m->calls[i - m->n_hooks].caller;
            if (i < m->n_hooks && m->hooks[i].kind == VMSD_HOOK_MEMBER_STRING)
                continue;
            struct vmsd_strset_slot *slot = vmsd_strset_add_name(
                &g->units[u].class_nodes, owner);
            if (slot->value)
                continue;
            slot->value = (void *)(uintptr_t)++g->n_nodes;
            *VMSD_APPEND(g->classes, g->n_classes) = (struct class_function){
                u, owner, CLASS_UNSEEN, false, -1 };
        }
    }
    g->user = (int)g->n_nodes++;
    g->any = (int)g->n_nodes++;
    g->nodes = vmsd_xcalloc(g->n_nodes, sizeof *g->nodes);
    for (size_t i = 0; i < g->n_nodes; i++)
        g->nodes[i] = (struct node){ .first_edge = -1, .last_edge = -1,
                                     .versioned = -1 };
    for (size_t t = 0; t < g->n_types; t++)
        add_edge(g, g->any, instance_node((int)t));
    g->by_name = vmsd_xcalloc(g->n_types + 1, sizeof *g->by_name);
    for (size_t t = 0; t < g->n_types; t++)
        g->by_name[t] = (int)t;
    sorting = g;
    qsort(g->by_name, g->n_types, sizeof *g->by_name, compare_by_name);
    sorting = NULL;
}

/* Is NAME what FORMAT prints, each conversion standing for any text? */
static bool format_matches(const char *format, const char *name)
{
    const char *star_f = NULL, *star_n = NULL;
    while (*name) {
        if (format[0] == '%' && format[1] == '%') {
            if (*name != '%')
                goto back;
            format += 2;
            name++;
        } else if (*format == '%') {
            format++;
            while (*format && !isalpha((unsigned char)*format))
                format++;       /* flags, width, precision */
            while (*format && strchr("hlLqjzt", *format))
                format++;       /* length */
            if (*format)
                format++;
            star_f = format;
            star_n = name;
        } else if (*format == *name) {
            format++;
            name++;
        } else {
        back:
            if (!star_f)
                return false;
            format = star_f;
            name = ++star_n;
        }
    }
    while (format[0] == '%' && format[1] != '%' && format[1]) {
        format++;
        while (*format && !isalpha((unsigned char)*format))
            format++;
        while (*format && strchr("hlLqjzt", *format))
            format++;
        if (*format)
            format++;
    }
    return !*format;
}

/* The types FORMAT prints, worked out once a format: among the types
 * whose names start with its text before the first conversion (a range
 * of the sorted names), those it matches.  A format that starts with a
 * conversion can print any type's name: the any node, made once, leads
 * to every type.  So the matching costs O(formats x the types that share
 * a format's first text), not formats x types. */
static void format_edges(struct graph *g, int from, const char *format)
{
    size_t prefix = strcspn(format, "%");
    if (!prefix) {
        add_edge(g, from, g->any);
        return;
    }
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&g->formats,
                                                         format);
    if (!slot->value) {
        slot->value = vmsd_xcalloc(1, sizeof(struct list));
        size_t lo = 0, hi = g->n_types;
        while (lo < hi) {       /* the first name not below the prefix */
            size_t mid = lo + (hi - lo) / 2;
            if (strncmp(g->types[g->by_name[mid]].name, format, prefix) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < g->n_types
             && strncmp(g->types[g->by_name[k]].name, format, prefix) == 0;
             k++)
            if (format_matches(format, g->types[g->by_name[k]].name))
                list_add(slot, (const void *)(uintptr_t)g->by_name[k]);
    }
    const struct list *l = slot->value;
    for (size_t k = 0; k < l->n; k++)
        add_edge(g, from, instance_node((int)(uintptr_t)l->items[k]));
}

static void add_type_edge(struct graph *g, int from, const char *type)
{
    int t = type_named(g, type);
    if (t >= 0)
        add_edge(g, from, instance_node(t));
}

/* The types named by what function node CALLEE returns (its s items). */
static void returned_edges(struct graph *g, int from, int callee)
{
    if (callee < g->first_function || callee >= g->first_class)
        return;
    const struct vmsd_creator *c = g->records[callee - g->first_function];
    for (size_t j = 0; j < c->n_items; j++)
        if (c->items[j].kind == VMSD_CREATE_RETURNS)
            add_type_edge(g, from, c->items[j].name);
}

/* A function's creations and calls. */
static void function_edges(struct graph *g)
{
    for (size_t u = 0; u < g->n_units; u++) {
        const struct vmsd_model *m = g->models[u];
        for (size_t i = 0; i < m->n_creators; i++) {
            const struct vmsd_creator *c = &m->creators[i];
            int from = index_of(&g->units[u].functions, c->function);
            for (size_t j = 0; j < c->n_items; j++) {
                const char *name = c->items[j].name;
                const struct list *l;
                switch (c->items[j].kind) {
                case VMSD_CREATE_TYPE:
                    add_type_edge(g, from, name);
                    break;
                case VMSD_CREATE_FORMAT:
                    format_edges(g, from, name);
                    break;
                case VMSD_CREATE_MEMBER:
                    l = list_at(&g->member_strings, name);
                    for (size_t k = 0; l && k < l->n; k++)
                        add_type_edge(g, from, l->items[k]);
                    break;
                case VMSD_CREATE_CALL:
                    add_edge(g, from, function_node(g, u, name));
                    break;
                case VMSD_CREATE_RETURNED:
                    returned_edges(g, from, function_node(g, u, name));
                    break;
                }
            }
        }
    }
}

/* The unit that defines class function NAME, called from UNIT: UNIT
 * when it has facts of it, else for a callee with external linkage the
 * first unit that has. */
static size_t class_function_unit(const struct graph *g, size_t unit,
                                  const struct vmsd_call *call)
{
    if (!call->global || list_at(&g->units[unit].hooks, call->callee)
        || list_at(&g->units[unit].calls, call->callee))
        return unit;
    int owner = index_of(&g->class_owners, call->callee);
    return owner >= 0 ? (size_t)owner : unit;
}

/* The node of class function NAME of UNIT, -1 when it has no records. */
static int class_node(const struct graph *g, size_t unit, const char *name)
{
    return name ? index_of(&g->units[unit].class_nodes, name) : -1;
}

static struct class_function *class_at(const struct graph *g, int node)
{
    return &g->classes[node - g->first_class];
}

/* Each class function's edges: the realize and init it sets, the
 * helpers it hands the class to; and what it says itself. */
static void class_edges(struct graph *g)
{
    for (size_t c = 0; c < g->n_classes; c++) {
        struct class_function *f = &g->classes[c];
        int node = g->first_class + (int)c;
        const struct list *hooks = list_at(&g->units[f->unit].hooks,
                                           f->name);
        for (size_t i = 0; hooks && i < hooks->n; i++) {
            const struct vmsd_hook *h = hooks->items[i];
            if (h->kind == VMSD_HOOK_USER_CREATABLE)
                f->user = h->flag;
            else if (h->kind == VMSD_HOOK_REALIZE
                     || h->kind == VMSD_HOOK_MACHINE_INIT)
                add_edge(g, node, function_node(g, f->unit, h->name));
            f->init |= h->kind == VMSD_HOOK_MACHINE_INIT;
        }
        const struct list *calls = list_at(&g->units[f->unit].calls,
                                           f->name);
        for (size_t i = 0; calls && i < calls->n; i++) {
            const struct vmsd_call *k = calls->items[i];
            add_edge(g, node, class_node(g, class_function_unit(g, f->unit, k),
                                         k->callee));
        }
    }
}

/* What class function NODE says with its helpers': MachineClass.init
 * when any sets it, user_creatable its own else its first helper's
 * that says.  Each function worked out once (a stack of its own; a
 * helper already on the way adds nothing): O(functions + calls). */
static const struct class_function *class_says(struct graph *g, int node)
{
    struct frame { int node; int edge; } *stack = NULL;
    size_t depth = 0;
    if (class_at(g, node)->state == CLASS_UNSEEN) {
        class_at(g, node)->state = CLASS_ON_PATH;
        *VMSD_APPEND(stack, depth) = (struct frame){
            node, g->nodes[node].first_edge };
    }
    while (depth) {
        struct frame *top = &stack[depth - 1];
        struct class_function *f = class_at(g, top->node);
        if (top->edge >= 0) {
            int to = g->edges[top->edge].to;
            top->edge = g->edges[top->edge].next;
            if (to < g->first_class
                || to >= g->first_class + (int)g->n_classes)
                continue;       /* a realize or init function */
            struct class_function *helper = class_at(g, to);
            if (helper->state == CLASS_UNSEEN) {
                helper->state = CLASS_ON_PATH;
                *VMSD_APPEND(stack, depth) = (struct frame){
                    to, g->nodes[to].first_edge };
            } else if (helper->state == CLASS_DONE) {
                f->init |= helper->init;
                if (f->user < 0)
                    f->user = helper->user;
            }
            continue;
        }
        f->state = CLASS_DONE;
        if (--depth) {
            struct class_function *caller = class_at(g, stack[depth - 1].node);
            caller->init |= f->init;
            if (caller->user < 0)
                caller->user = f->user;
        }
    }
    free(stack);
    return class_at(g, node);
}

/* T's class_init: an edge from its code, and what it says. */
static void class_hooks(struct graph *g, int t)
{
    struct ctype *type = &g->types[t];
    int node = class_node(g, type->unit, type->class_init);
    if (node < 0)
        return;
    add_edge(g, code_node(t), node);
    const struct class_function *says = class_says(g, node);
    type->user = says->user;
    type->init = says->init;
}

/* Each type's own hooks (its TypeInfo's instance_init and abstract). */
static void type_hooks(struct graph *g)
{
    for (size_t u = 0; u < g->n_units; u++) {
        const struct vmsd_model *m = g->models[u];
        for (size_t i = 0; i < m->n_hooks; i++) {
            const struct vmsd_hook *h = &m->hooks[i];
            int t = type_named(g, h->owner);
            if (t < 0 || g->types[t].unit != u)
                continue;
            if (h->kind == VMSD_HOOK_ABSTRACT)
                g->types[t].abstract = true;
            else if (h->kind == VMSD_HOOK_INSTANCE_INIT)
                add_edge(g, code_node(t), function_node(g, u, h->name));
        }
    }
}

/* Whether T is a device type, its user_creatable and whether a class
 * in its chain sets MachineClass.init, from its chain of parents: each
 * type once (a stack of its own), a loop ends the chain (qom.c says
 * so). */
static void trace(struct graph *g, int t)
{
    int *path = NULL;
    size_t n = 0;
    while (t >= 0 && g->types[t].state == UNSEEN) {
        g->types[t].state = ON_PATH;
        *VMSD_APPEND(path, n) = t;
        t = g->types[t].parent_index;
    }
    struct ctype above = { .user = 1 };         /* QEMU's default */
    if (t >= 0 && g->types[t].state == ON_PATH)
        above.looped = true;
    else if (t >= 0)
        above = g->types[t];
    while (n--) {
        struct ctype *at = &g->types[path[n]];
        at->state = DONE;
        at->looped = above.looped;
        at->device = !at->looped
                     && (above.device || strcmp(at->name, "device") == 0);
        if (at->user < 0)
            at->user = above.user;
        at->init |= above.init;
        above = *at;
    }
    free(path);
}

static void type_edges(struct graph *g)
{
    class_edges(g);
    for (size_t t = 0; t < g->n_types; t++) {
        g->types[t].parent_index = type_named(g, g->types[t].parent);
        add_edge(g, instance_node((int)t), code_node((int)t));
        if (g->types[t].parent_index >= 0)
            add_edge(g, code_node((int)t),
                     code_node(g->types[t].parent_index));
        class_hooks(g, (int)t);
    }
    type_hooks(g);
    for (size_t t = 0; t < g->n_types; t++)
        if (g->types[t].state == UNSEEN)
            trace(g, (int)t);
    for (size_t t = 0; t < g->n_types; t++)
        if (g->types[t].device && !g->types[t].abstract && g->types[t].user)
            add_edge(g, g->user, instance_node((int)t));
}

/* Mark what machine type M (of type T) reaches; the versioned walk
 * keeps the first machine, the others up to MAX_SHOWN + 1.  A node
 * already marked enough is not walked again: what it reaches is marked
 * enough too. */
static void walk(struct graph *g, int m, int t, bool versioned, int **stack)
{
    size_t depth = 0;
    *stack = vmsd_grow(*stack, depth, sizeof **stack);
    (*stack)[depth++] = instance_node(t);
    *stack = vmsd_grow(*stack, depth, sizeof **stack);
    (*stack)[depth++] = g->user;
    while (depth) {
        struct node *n = &g->nodes[(*stack)[--depth]];
        if (n->walked == m + 1)
            continue;
        n->walked = m + 1;
        if (versioned) {
            if (n->versioned >= 0)
                continue;
            n->versioned = m;
        } else {
            if (n->n_unversioned > MAX_SHOWN)
                continue;
            n->unversioned[n->n_unversioned++] = m;
        }
        for (int e = n->first_edge; e >= 0; e = g->edges[e].next) {
            *stack = vmsd_grow(*stack, depth, sizeof **stack);
            (*stack)[depth++] = g->edges[e].to;
        }
    }
}

/* A machine type that QEMU registers, and its type's index. */
struct machine {
    const struct machine_type *type;
    int index;
};

/* Versioned ones first, newest first; then by name. */
static int compare_machines(const void *pa, const void *pb)
{
    const struct machine_type *a = ((const struct machine *)pa)->type;
    const struct machine_type *b = ((const struct machine *)pb)->type;
    if (a->versioned != b->versioned)
        return a->versioned ? -1 : 1;
    if (a->versioned && (a->major != b->major || a->minor != b->minor
                         || a->micro != b->micro))
        return a->major != b->major ? (a->major < b->major ? 1 : -1)
               : a->minor != b->minor ? (a->minor < b->minor ? 1 : -1)
               : a->micro < b->micro ? 1 : -1;
    return strcmp(a->name, b->name);
}

static int compare_type_machines(const void *pa, const void *pb)
{
    const struct vmsd_type_machines *a = pa, *b = pb;
    return strcmp(a->type, b->type);
}

static void graph_free(struct graph *g)
{
    free(g->edges);
    free(g->nodes);
    free(g->types);
    free(g->records);
    free(g->by_name);
    for (size_t u = 0; u < g->n_units; u++) {
        vmsd_strset_free(&g->units[u].functions);
        vmsd_strset_free(&g->units[u].class_nodes);
        lists_free(&g->units[u].hooks);
        lists_free(&g->units[u].calls);
    }
    free(g->units);
    vmsd_strset_free(&g->type_index);
    vmsd_strset_free(&g->globals);
    vmsd_strset_free(&g->class_owners);
    free(g->classes);
    lists_free(&g->member_strings);
    lists_free(&g->formats);
}

/* "a, b, c" and " and more" past MAX_SHOWN, the machines of NODE. */
static const char *unversioned_text(struct program *p,
                                    const struct node *node,
                                    const struct machine *machines)
{
    if (!node->n_unversioned)
        return NULL;
    struct vmsd_strbuf text = { 0 };
    for (int i = 0; i < node->n_unversioned && i < MAX_SHOWN; i++) {
        if (i)
            vmsd_strbuf_puts(&text, ", ");
        vmsd_strbuf_puts(&text, machines[node->unversioned[i]].type->name);
    }
    if (node->n_unversioned > MAX_SHOWN)
        vmsd_strbuf_puts(&text, " and more");
    const char *kept = vmsd_strset_add_name(&p->machine_names, text.data)->key;
    free(text.data);
    return kept;
}

void containment_find(struct program *program,
                      const struct vmsd_model *const *models, size_t n)
{
    struct graph g = { .models = models, .n_units = n };
    index_units(&g);
    function_edges(&g);
    type_edges(&g);
    /* The machine types QEMU registers (machines.c: the deleted ones
     * are not; nor abstract ones, which its facts or ours say), each
     * with its type. */
    struct machine *machines = NULL;
    size_t n_machines = 0;
    bool known = false;
    for (size_t i = 0; i < program->machines.n_machines; i++) {
        const struct machine_type *mt = &program->machines.machines[i];
        int t = type_named(&g, mt->type);
        if (mt->status == MACHINE_DELETED || t < 0 || g.types[t].abstract)
            continue;
        *VMSD_APPEND(machines, n_machines) = (struct machine){ mt, t };
        known |= g.types[t].init;
    }
    /* Machine facts: a machine type whose init the facts name (facts of
     * an older plugin name none); without, nothing is said. */
    if (!known) {
        free(machines);
        graph_free(&g);
        return;
    }
    qsort(machines, n_machines, sizeof *machines, compare_machines);
    int *stack = NULL;
    for (size_t i = 0; i < n_machines; i++)
        walk(&g, (int)i, machines[i].index, machines[i].type->versioned,
             &stack);
    free(stack);
    for (size_t t = 0; t < g.n_types; t++) {
        if (!g.types[t].device)
            continue;
        const struct node *node = &g.nodes[instance_node((int)t)];
        struct vmsd_type_machines *tm = VMSD_APPEND(program->type_machines,
                                                    program->n_type_machines);
        tm->type = vmsd_strset_add_name(&program->machine_names,
                                        g.types[t].name)->key;
        tm->abstract = g.types[t].abstract;
        tm->versioned = node->versioned >= 0
            ? machines[node->versioned].type->name : NULL;
        tm->unversioned = unversioned_text(program, node, machines);
    }
    qsort(program->type_machines, program->n_type_machines,
          sizeof *program->type_machines, compare_type_machines);
    free(machines);
    graph_free(&g);
}

char *containment_render(const struct program *program)
{
    if (!program->n_type_machines) {
        char *name = vmsd_shown(program->name);
        fprintf(stderr, "vmsdcheck: %s: its facts name no machine type's "
                "init (no machine type, or objects of an older plugin: "
                "rebuild them)\n", name);
        free(name);
        return NULL;
    }
    struct vmsd_strbuf text = { 0 };
    for (size_t i = 0; i < program->n_type_machines; i++) {
        const struct vmsd_type_machines *tm = &program->type_machines[i];
        vmsd_put_shown(&text, tm->type);
        vmsd_strbuf_puts(&text, ":");
        if (tm->abstract)
            vmsd_strbuf_puts(&text, " abstract");
        if (tm->versioned) {
            vmsd_strbuf_puts(&text, " versioned ");
            vmsd_put_shown(&text, tm->versioned);
        }
        if (tm->unversioned) {
            vmsd_strbuf_puts(&text, " unversioned ");
            vmsd_put_shown(&text, tm->unversioned);
        }
        if (!tm->abstract && !tm->versioned && !tm->unversioned)
            vmsd_strbuf_puts(&text, " none");
        vmsd_strbuf_puts(&text, "\n");
    }
    return vmsd_strbuf_take(&text);
}

void containment_free(struct program *program)
{
    free(program->type_machines);
    vmsd_strset_free(&program->machine_names);
}
