/* Reading which device types a unit's functions create, and what runs
 * when a type is instantiated, for the tool's machine containment
 * (docs/facts.md, records Q and J; tools/containment.c):
 * - in every function body: the types it creates, as QEMU writes it
 *   (qdev_new(TYPE), object_initialize_child(obj, "x", &s->x, TYPE),
 *   sysbus_create_simple(TYPE, ...), and helpers of that shape: a call
 *   of a function named *_new, *_new_*, *create* or
 *   object_initialize_child*, with a constant string, a buffer a printf
 *   format filled, a struct member or a function's result as the
 *   type), its calls, and the constant strings it returns;
 * - in every function: the hooks it sets in a class (x->realize = f,
 *   device_class_set_parent_realize(dc, f, ...), MachineClass.init),
 *   DeviceClass.user_creatable, and constant strings stored in a class's
 *   members named *name or *type (AspeedMachineClass.soc_name);
 * - in TypeInfo initializers: instance_init and abstract.
 * Bodies are read once lowered (GIMPLE, before the IPA passes), where
 * calls and assignments are statements: a walk over each body's
 * statements, no tree walk.  Only what can run when a machine is built
 * is kept: the functions other units can call and the hooks above, and
 * what they call in the unit. */
#include "plugin.h"
#include "tree-access.h"

#include "basic-block.h"
#include "tree-ssa-alias.h"
#include "internal-fn.h"
#include "gimple-expr.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "cgraph.h"

static tree instance_init_member, abstract_member,
    realize_member, init_member, user_creatable_member;
static tree machine_class_tag, device_class_tag;

void vmsd_creates_reader_init(void)
{
    instance_init_member = get_identifier("instance_init");
    abstract_member = get_identifier("abstract");
    realize_member = get_identifier("realize");
    init_member = get_identifier("init");
    user_creatable_member = get_identifier("user_creatable");
    machine_class_tag = get_identifier("MachineClass");
    device_class_tag = get_identifier("DeviceClass");
}

static struct vmsd_hook *add_hook(struct vmsd_model *model, const char *owner,
                                  char kind)
{
    struct vmsd_hook *h = VMSD_APPEND(model->hooks, model->n_hooks);
    h->owner = vmsd_model_strdup(model, owner);
    h->kind = kind;
    return h;
}

void vmsd_read_type_hooks(struct vmsd_model *model, const char *type,
                          tree ctor)
{
    tree init = member(ctor, instance_init_member);
    tree fn = address_operand(init);
    if (fn && TREE_CODE(fn) == FUNCTION_DECL)
        add_hook(model, type, VMSD_HOOK_INSTANCE_INIT)->name =
            pointee_name(init);
    tree abstract = member(ctor, abstract_member);
    if (abstract && TREE_CODE(abstract) == INTEGER_CST
        && !integer_zerop(abstract))
        add_hook(model, type, VMSD_HOOK_ABSTRACT);
}

static const char *decl_name(tree decl)
{
    return IDENTIFIER_POINTER(DECL_NAME(decl));
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

/* Does a call of NAME create an object of a type its arguments name?
 * For object_initialize_child*, which QEMU's macro gives the child's
 * property name too, only argument TYPE_ARG is the type (-1: any). */
static bool is_creator(const char *name, int *type_arg)
{
    *type_arg = -1;
    if (strncmp(name, "object_initialize_child", 23) == 0) {
        *type_arg = 4;          /* parent, name, child, size, type */
        return true;
    }
    return ends_with(name, "_new") || strstr(name, "_new_")
           || strstr(name, "create");
}

/* A function of the unit, while its body is read. */
struct body {
    tree decl;
    struct vmsd_create_item *items;     /* t, p, m: the model's names */
    size_t n_items;
    vec<tree> callees;                  /* each once */
    bool kept;                          /* can run when a machine is built */
    bool alive;                         /* it or what it calls creates, or
                                           calls another unit */
    vec<int> callers;                   /* in the unit, by index */
};

/* What one body's reading needs: its arguments still to name a type,
 * and the names met so far (each kind once). */
/* A value a local of the body was given: an assignment's, or the
 * format of a printf-like call that fills it. */
struct source {
    tree value;
    const char *format;
    tree callee;                        /* it is what this returns */
    int next;                           /* the local's next, or -1 */
};

struct reading {
    struct vmsd_model *model;
    struct body *body;
    vec<tree> pending;                  /* creator arguments */
    vec<source> sources;                /* gathered once, when a creator
                                           names a type by a local */
    hash_map<tree, int> first_source;   /* local -> its first source */
    hash_set<tree> followed;            /* each local once a purpose */
    bool gathered;
    bool returning;                     /* naming what the body returns,
                                           not what it creates */
    hash_set<nofree_string_hash> seen[5];       /* t, p, m, r, s */
    hash_set<tree> callees;
};

static void add_item(struct reading *r, char kind, const char *name)
{
    static const char kinds[] = { VMSD_CREATE_TYPE, VMSD_CREATE_FORMAT,
                                  VMSD_CREATE_MEMBER, VMSD_CREATE_RETURNED,
                                  VMSD_CREATE_RETURNS, 0 };
    int set = (int)(strchr(kinds, kind) - kinds);
    char *copy = vmsd_model_strdup(r->model, name);
    if (r->seen[set].add(copy))
        return;
    struct vmsd_create_item *item = VMSD_APPEND(r->body->items,
                                                r->body->n_items);
    item->kind = kind;
    item->name = copy;
}

/* A constant string's bytes, or NULL. */
static const char *constant_string(tree value)
{
    tree op = address_operand(value);
    return op && TREE_CODE(op) == STRING_CST ? TREE_STRING_POINTER(op)
                                             : NULL;
}

/* A local of the body, or what it returns (<retval>). */
static bool is_local(const struct reading *r, tree var)
{
    return var && (TREE_CODE(var) == RESULT_DECL
                   || (VAR_P(var) && !TREE_STATIC(var) && !DECL_EXTERNAL(var)))
           && DECL_CONTEXT(var) == r->body->decl;
}

/* The local a type argument names: the variable, or the buffer "&buf". */
static tree local_of(const struct reading *r, tree value)
{
    tree op = value;
    STRIP_NOPS(op);
    if (TREE_CODE(op) == ADDR_EXPR)
        op = TREE_OPERAND(op, 0);
    return is_local(r, op) ? op : NULL_TREE;
}

/* The function a call calls by name, or NULL_TREE (through a pointer,
 * internal, or built in). */
static tree named_callee(gimple *call)
{
    tree fn = gimple_call_fndecl(call);
    return fn && DECL_NAME(fn) && !fndecl_built_in_p(fn) ? fn : NULL_TREE;
}

/* A printf-like call's format: its first constant string. */
static bool printf_format(gimple *call, const char **format)
{
    tree fn = gimple_call_fndecl(call);
    *format = NULL;
    if (!fn || !DECL_NAME(fn) || !strstr(decl_name(fn), "printf"))
        return false;
    for (unsigned i = 0; !*format && i < gimple_call_num_args(call); i++)
        *format = constant_string(gimple_call_arg(call, i));
    return *format;
}

/* A printf-like call's format and the local it fills: its result, or
 * its first argument's buffer. */
static bool printf_target(const struct reading *r, gimple *call, tree *var,
                          const char **format)
{
    if (!printf_format(call, format))
        return false;
    tree lhs = gimple_call_lhs(call);
    *var = is_local(r, lhs) ? lhs
           : gimple_call_num_args(call) ? local_of(r, gimple_call_arg(call, 0))
           : NULL_TREE;
    return *var;
}

/* Every value the body gives its locals, in one pass over it. */
static void gather_sources(struct reading *r)
{
    basic_block bb;
    r->gathered = true;
    FOR_EACH_BB_FN(bb, DECL_STRUCT_FUNCTION(r->body->decl))
        for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
             gsi_next(&gsi)) {
            gimple *stmt = gsi_stmt(gsi);
            struct source src = { NULL_TREE, NULL, NULL_TREE, -1 };
            tree var = NULL_TREE;
            if (is_gimple_call(stmt)) {
                if (!printf_target(r, stmt, &var, &src.format)
                    && !(is_local(r, gimple_call_lhs(stmt))
                         && (src.callee = named_callee(stmt))))
                    continue;
                if (!var)
                    var = gimple_call_lhs(stmt);
            } else if (gimple_assign_single_p(stmt)
                       && is_local(r, gimple_assign_lhs(stmt))) {
                var = gimple_assign_lhs(stmt);
                src.value = gimple_assign_rhs1(stmt);
            } else {
                continue;
            }
            bool existed;
            int &first = r->first_source.get_or_insert(var, &existed);
            src.next = existed ? first : -1;
            first = (int)r->sources.length();
            r->sources.safe_push(src);
        }
}

/* What the value VALUE (a creator's type argument, or what a local it
 * names was given) names: a constant string, a member, or a local whose
 * assignments and printf formats are followed (DEPTH levels: a
 * temporary, then the variable it copies).  Each local is followed
 * once, over the sources gathered once: linear in the body. */
static void name_type(struct reading *r, tree value, int depth);

static void follow_local(struct reading *r, tree var, int depth)
{
    if (r->followed.add(var))
        return;
    if (!r->gathered)
        gather_sources(r);
    int *first = r->first_source.get(var);
    for (int i = first ? *first : -1; i >= 0; i = r->sources[i].next) {
        if (r->sources[i].format && !r->returning)
            add_item(r, VMSD_CREATE_FORMAT, r->sources[i].format);
        else if (r->sources[i].callee && !r->returning)
            add_item(r, VMSD_CREATE_RETURNED,
                     decl_name(r->sources[i].callee));
        else if (r->sources[i].value)
            name_type(r, r->sources[i].value, depth + 1);
    }
}

#define MAX_FOLLOW 3

static void name_type(struct reading *r, tree value, int depth)
{
    const char *name = constant_string(value);
    tree stripped = value;
    STRIP_NOPS(stripped);
    if (name) {
        add_item(r, r->returning ? VMSD_CREATE_RETURNS : VMSD_CREATE_TYPE,
                 name);
    } else if (r->returning) {
        tree var = depth < MAX_FOLLOW ? local_of(r, value) : NULL_TREE;
        if (TREE_CODE(stripped) == SSA_NAME
            && gimple_assign_single_p(SSA_NAME_DEF_STMT(stripped)))
            name_type(r, gimple_assign_rhs1(SSA_NAME_DEF_STMT(stripped)),
                      depth + 1);
        else if (var)
            follow_local(r, var, depth);
    } else if (TREE_CODE(stripped) == COMPONENT_REF
               && DECL_NAME(TREE_OPERAND(stripped, 1))) {
        add_item(r, VMSD_CREATE_MEMBER,
                 decl_name(TREE_OPERAND(stripped, 1)));
    } else if (depth < MAX_FOLLOW && TREE_CODE(stripped) == SSA_NAME) {
        /* A temporary of the gimplifier: what defines it. */
        gimple *def = SSA_NAME_DEF_STMT(stripped);
        const char *format;
        tree callee;
        if (def && gimple_assign_single_p(def))
            name_type(r, gimple_assign_rhs1(def), depth + 1);
        else if (def && is_gimple_call(def) && printf_format(def, &format))
            add_item(r, VMSD_CREATE_FORMAT, format);
        else if (def && is_gimple_call(def) && (callee = named_callee(def)))
            add_item(r, VMSD_CREATE_RETURNED, decl_name(callee));
    } else if (depth < MAX_FOLLOW) {
        tree var = local_of(r, value);
        if (var)
            follow_local(r, var, depth);
    }
}

/* FN as a function's address, or NULL_TREE. */
static tree function_address(tree value)
{
    tree fn = address_operand(value);
    return fn && TREE_CODE(fn) == FUNCTION_DECL && DECL_NAME(fn) ? fn
                                                                 : NULL_TREE;
}

static void read_call(struct reading *r, gimple *call)
{
    tree fn = gimple_call_fndecl(call);
    if (!fn || !DECL_NAME(fn))
        return;                 /* through a pointer, or internal */
    const char *name = decl_name(fn);
    int type_arg;
    unsigned n = gimple_call_num_args(call);
    if (is_creator(name, &type_arg)) {
        for (unsigned i = 0; i < n; i++)
            if (type_arg < 0 || (unsigned)type_arg == i)
                r->pending.safe_push(gimple_call_arg(call, i));
    }
    if (strstr(name, "realize"))
        for (unsigned i = 0; i < n; i++) {
            tree hook = function_address(gimple_call_arg(call, i));
            if (hook)
                add_hook(r->model, decl_name(r->body->decl),
                         VMSD_HOOK_REALIZE)->name =
                    vmsd_model_strdup(r->model, decl_name(hook));
        }
    if (!fndecl_built_in_p(fn) && !r->callees.add(fn))
        r->body->callees.safe_push(fn);
}

/* "x->member = value" in a class: a hook, user_creatable, or a type
 * name kept in the class. */
static void read_member_store(struct reading *r, tree lhs, tree value)
{
    tree field = TREE_OPERAND(lhs, 1);
    tree id = DECL_NAME(field);
    tree tag = DECL_CONTEXT(field);
    const char *owner = decl_name(r->body->decl);
    tree hook = function_address(value);
    if (!id)
        return;
    bool machine_init = id == init_member
                        && type_has_tag(tag, machine_class_tag);
    if (hook && (id == realize_member || machine_init))
        add_hook(r->model, owner, id == realize_member
                 ? VMSD_HOOK_REALIZE : VMSD_HOOK_MACHINE_INIT)->name =
            vmsd_model_strdup(r->model, decl_name(hook));
    else if (id == user_creatable_member && TREE_CODE(value) == INTEGER_CST
             && type_has_tag(tag, device_class_tag))
        add_hook(r->model, owner, VMSD_HOOK_USER_CREATABLE)->flag =
            !integer_zerop(value);
    else if (constant_string(value)
             && (ends_with(IDENTIFIER_POINTER(id), "name")
                 || ends_with(IDENTIFIER_POINTER(id), "type"))
             && TYPE_NAME(tag) && TREE_CODE(TYPE_NAME(tag)) == IDENTIFIER_NODE
             && ends_with(IDENTIFIER_POINTER(TYPE_NAME(tag)), "Class")) {
        struct vmsd_hook *h = add_hook(r->model, owner,
                                       VMSD_HOOK_MEMBER_STRING);
        h->name = vmsd_model_strdup(r->model, IDENTIFIER_POINTER(id));
        h->value = vmsd_model_strdup(r->model, constant_string(value));
    }
}

/* R's tables are made once for all bodies and emptied for each (a
 * table costs an allocation to make). */
static void read_body(struct reading *r, struct body *body)
{
    r->body = body;
    r->pending = vNULL;
    r->sources = vNULL;
    r->first_source.empty();
    r->followed.empty();
    for (unsigned k = 0; k < ARRAY_SIZE(r->seen); k++)
        r->seen[k].empty();
    r->callees.empty();
    r->gathered = false;
    r->returning = false;
    vec<tree> returned = vNULL;
    tree result = TREE_TYPE(TREE_TYPE(body->decl));
    bool returns_string = POINTER_TYPE_P(result)
                          && TYPE_MAIN_VARIANT(TREE_TYPE(result))
                             == char_type_node;
    basic_block bb;
    FOR_EACH_BB_FN(bb, DECL_STRUCT_FUNCTION(body->decl))
        for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
             gsi_next(&gsi)) {
            gimple *stmt = gsi_stmt(gsi);
            if (is_gimple_call(stmt))
                read_call(r, stmt);
            else if (returns_string && gimple_code(stmt) == GIMPLE_RETURN
                     && gimple_return_retval(as_a<greturn *>(stmt)))
                returned.safe_push(
                    gimple_return_retval(as_a<greturn *>(stmt)));
            else if (gimple_assign_single_p(stmt)
                     && TREE_CODE(gimple_assign_lhs(stmt)) == COMPONENT_REF)
                read_member_store(r, gimple_assign_lhs(stmt),
                                  gimple_assign_rhs1(stmt));
        }
    for (unsigned i = 0; i < r->pending.length(); i++)
        name_type(r, r->pending[i], 0);
    /* The constant strings it returns: a type name it may hand a
     * creator elsewhere (gic_class_name()). */
    r->returning = true;
    r->followed.empty();
    for (unsigned i = 0; i < returned.length(); i++)
        name_type(r, returned[i], 0);
    returned.release();
    r->pending.release();
    r->sources.release();
}

/* Keep what can run when a machine is built: the functions other units
 * can call, those a type's hooks name, and what they call in the unit;
 * of those, the ones that create something or call another unit, or
 * call such a function of the unit. */
static void choose(struct vmsd_model *model, struct body *bodies, size_t n,
                   hash_map<tree, int> &index)
{
    hash_set<nofree_string_hash> hooked;
    for (size_t i = 0; i < model->n_hooks; i++)
        if (model->hooks[i].kind != VMSD_HOOK_MEMBER_STRING
            && model->hooks[i].name)
            hooked.add(model->hooks[i].name);
    vec<int> work = vNULL;
    for (size_t i = 0; i < n; i++)
        if (TREE_PUBLIC(bodies[i].decl)
            || hooked.contains(decl_name(bodies[i].decl))) {
            bodies[i].kept = true;
            work.safe_push((int)i);
        }
    while (!work.is_empty()) {
        struct body *b = &bodies[work.pop()];
        for (unsigned j = 0; j < b->callees.length(); j++) {
            int *callee = index.get(b->callees[j]);
            if (callee && !bodies[*callee].kept) {
                bodies[*callee].kept = true;
                work.safe_push(*callee);
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        struct body *b = &bodies[i];
        for (unsigned j = 0; b->kept && j < b->callees.length(); j++) {
            int *callee = index.get(b->callees[j]);
            if (callee)
                bodies[*callee].callers.safe_push((int)i);
            else if (TREE_PUBLIC(b->callees[j]))
                b->alive = true;
        }
        b->alive |= b->kept && b->n_items;
        if (b->alive)
            work.safe_push((int)i);
    }
    while (!work.is_empty()) {
        struct body *b = &bodies[work.pop()];
        for (unsigned j = 0; j < b->callers.length(); j++)
            if (!bodies[b->callers[j]].alive) {
                bodies[b->callers[j]].alive = true;
                work.safe_push(b->callers[j]);
            }
    }
    work.release();
}

static void emit(struct vmsd_model *model, struct body *bodies, size_t n,
                 hash_map<tree, int> &index)
{
    for (size_t i = 0; i < n; i++) {
        struct body *b = &bodies[i];
        if (!b->kept || !b->alive)
            continue;
        struct vmsd_creator *c = VMSD_APPEND(model->creators,
                                             model->n_creators);
        c->function = vmsd_model_strdup(model, decl_name(b->decl));
        c->global = TREE_PUBLIC(b->decl);
        c->items = b->items;
        c->n_items = b->n_items;
        b->items = NULL;
        for (unsigned j = 0; j < b->callees.length(); j++) {
            tree callee = b->callees[j];
            int *local = index.get(callee);
            if (local ? !bodies[*local].alive : !TREE_PUBLIC(callee))
                continue;
            struct vmsd_create_item *item = VMSD_APPEND(c->items, c->n_items);
            item->kind = VMSD_CREATE_CALL;
            item->name = vmsd_model_strdup(model, decl_name(callee));
        }
    }
}

void vmsd_read_creates(struct vmsd_model *model)
{
    struct body *bodies = NULL;
    size_t n = 0;
    hash_map<tree, int> index;
    cgraph_node *node;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
        function *fun = DECL_STRUCT_FUNCTION(node->decl);
        if (!fun || !fun->cfg || !DECL_NAME(node->decl))
            continue;
        index.put(node->decl, (int)n);
        struct body *b = VMSD_APPEND(bodies, n);
        b->decl = node->decl;
    }
    struct reading r;
    r.model = model;
    for (size_t i = 0; i < n; i++)
        read_body(&r, &bodies[i]);
    choose(model, bodies, n, index);
    emit(model, bodies, n, index);
    for (size_t i = 0; i < n; i++) {
        free(bodies[i].items);
        bodies[i].callees.release();
        bodies[i].callers.release();
    }
    free(bodies);
}
