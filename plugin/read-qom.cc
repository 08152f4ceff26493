/* Reading which description each device type migrates with: TypeInfo
 * initializers (name, parent, class_init), and in function bodies the
 * assignments DeviceClass.vmsd = &x and the calls to other functions (a
 * class_init may hand the class to a helper).  The tool follows them as
 * QOM initializes classes (docs/dump-vmstate.md).  The same walk reads
 * what a machine type's class gets: compat_props_add calls and its
 * alias, is_default and deprecation_reason (docs/machines.md). */
#include "plugin.h"
#include "tree-access.h"

static tree type_info_tag, device_class_tag, object_class_tag;
static tree machine_class_tag;
static tree name_member, parent_member, class_init_member, vmsd_member,
            instance_size_member;
static tree abstract_member, compat_props_member, compat_props_add_name;
/* The MachineClass members read, and how their value is written. */
static struct {
    const char *name;
    bool is_flag;               /* an integer, written "0" or "1" */
    tree id;
} machine_members[] = {
    { "alias", false, NULL_TREE },
    { "is_default", true, NULL_TREE },
    { "deprecation_reason", false, NULL_TREE },
};

void vmsd_qom_reader_init(void)
{
    type_info_tag = get_identifier("TypeInfo");
    device_class_tag = get_identifier("DeviceClass");
    object_class_tag = get_identifier("ObjectClass");
    name_member = get_identifier("name");
    parent_member = get_identifier("parent");
    class_init_member = get_identifier("class_init");
    vmsd_member = get_identifier("vmsd");
    instance_size_member = get_identifier("instance_size");
    machine_class_tag = get_identifier("MachineClass");
    abstract_member = get_identifier("abstract");
    compat_props_member = get_identifier("compat_props");
    compat_props_add_name = get_identifier("compat_props_add");
    for (size_t i = 0; i < ARRAY_SIZE(machine_members); i++)
        machine_members[i].id = get_identifier(machine_members[i].name);
}

/* A constant string as the value of a member set: its bytes; for a
 * flag, "0" or "1"; NULL for NULL or anything not constant. */
static char *member_value(struct vmsd_model *model, tree value, bool is_flag)
{
    bool unreadable;
    STRIP_NOPS(value);
    if (is_flag)
        return TREE_CODE(value) == INTEGER_CST
               ? vmsd_model_strdup(model, integer_zerop(value) ? "0" : "1")
               : NULL;
    return string_kept(value, &unreadable);
}

static void add_machine_member(struct vmsd_model *model, const char *owner,
                               const char *member, char *value,
                               size_t after_calls, bool conditional)
{
    struct vmsd_machine_member *m = VMSD_APPEND(model->machine_members,
                                                model->n_machine_members);
    m->owner = vmsd_model_strdup(model, owner);
    m->member = vmsd_model_strdup(model, member);
    m->value = value;
    m->after_calls = after_calls;
    m->conditional = conditional;
}

static void read_type_info(struct vmsd_model *model, tree ctor,
                           location_t where)
{
    bool unreadable;
    char *name = string_kept(member(ctor, name_member), &unreadable);
    if (!name)
        return;                 /* no constant name: not a type we know */
    struct vmsd_qom_type *type = VMSD_APPEND(model->types, model->n_types);
    type->name = name;
    type->parent = string_kept(member(ctor, parent_member), &unreadable);
    tree init = member(ctor, class_init_member);
    tree fn = address_operand(init);
    type->class_init = fn && TREE_CODE(fn) == FUNCTION_DECL
                       ? pointee_name(init) : NULL;
    type->loc = loc_of(model, where);
    vmsd_read_type_hooks(model, name, ctor);
    tree size = member(ctor, instance_size_member);
    if (size && TREE_CODE(size) == INTEGER_CST && tree_fits_uhwi_p(size))
        type->instance_size = tree_to_uhwi(size);
    /* An abstract type is no machine one can start. */
    tree abstract = member(ctor, abstract_member);
    if (abstract && TREE_CODE(abstract) == INTEGER_CST
        && !integer_zerop(abstract))
        add_machine_member(model, name, "abstract", NULL, 0, false);
}

void vmsd_read_type_infos(struct vmsd_model *model, tree decl)
{
    tree type = TREE_TYPE(decl);
    tree ctor = constructor_of(decl);
    /* A function's own TypeInfo is a type only when the function
     * registers it: read-registrations.cc runs the function. */
    if (vmsd_note_local_type_info(decl) || !ctor)
        return;
    location_t where = DECL_SOURCE_LOCATION(decl);
    if (type_has_tag(type, type_info_tag)) {
        read_type_info(model, ctor, where);
    } else if (array_of_tag(type, type_info_tag)) {
        unsigned i;
        tree value;
        FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(ctor), i, value)
            if (TREE_CODE(value) == CONSTRUCTOR)
                read_type_info(model, value, EXPR_LOC_OR_LOC(value, where));
    }
}

/* The walk of one function body. */
struct body_walk {
    struct vmsd_model *model;
    tree fndecl;
    const char *function;
    int conditional;            /* depth of what guards (if, ?:, switch,
                                   loops, &&, ||) */
    hash_set<tree> *class_copies;       /* locals that hold the class */
    hash_set<tree> *data_copies;        /* locals that hold class_data */
    size_t first_call;          /* its first call in the model's calls */
};

static bool is_class_pointer(tree type);
static bool is_own_class_object(const struct body_walk *w, tree object);

/* Is NAME one of QOM's class casts: DEVICE_CLASS, OBJECT_CLASS (any
 * FOO_CLASS checker), or what they expand to? */
static bool is_class_cast(const char *name)
{
    size_t n = strlen(name);
    if (strcmp(name, "object_class_dynamic_cast_assert") == 0
        || strcmp(name, "object_class_dynamic_cast") == 0)
        return true;
    if (n <= 6 || strcmp(name + n - 6, "_CLASS") != 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ISLOWER(name[i]))
            return false;
    return true;
}

/* Does EXPR point to the class the function was given: a parameter
 * that points to a class, a local that holds it, a cast of either
 * (DEVICE_CLASS(klass)), or its first member (&k->parent_class)?
 * Anything else (dc + 1, another class) is another object. */
static bool is_own_class(const struct body_walk *w, tree expr)
{
    STRIP_NOPS(expr);
    switch (TREE_CODE(expr)) {
    case PARM_DECL:
        return DECL_CONTEXT(expr) == w->fndecl
               && is_class_pointer(TREE_TYPE(expr));
    case VAR_DECL:
        return w->class_copies->contains(expr);
    case CALL_EXPR: {
        tree fn = CALL_EXPR_FN(expr);
        if (!fn || call_expr_nargs(expr) < 1)
            return false;
        STRIP_NOPS(fn);
        return TREE_CODE(fn) == ADDR_EXPR
               && TREE_CODE(TREE_OPERAND(fn, 0)) == FUNCTION_DECL
               && DECL_NAME(TREE_OPERAND(fn, 0))
               && is_class_cast(IDENTIFIER_POINTER(
                      DECL_NAME(TREE_OPERAND(fn, 0))))
               && is_own_class(w, CALL_EXPR_ARG(expr, 0));
    }
    case ADDR_EXPR:
        return is_own_class_object(w, TREE_OPERAND(expr, 0));
    default:
        return false;
    }
}

/* Is OBJECT the class itself: *p, or its first member (p->parent_class),
 * with p pointing to the class? */
static bool is_own_class_object(const struct body_walk *w, tree object)
{
    while (TREE_CODE(object) == COMPONENT_REF) {
        tree field = TREE_OPERAND(object, 1);
        if (!integer_zerop(DECL_FIELD_OFFSET(field))
            || !integer_zerop(DECL_FIELD_BIT_OFFSET(field)))
            return false;
        object = TREE_OPERAND(object, 0);
    }
    return (TREE_CODE(object) == INDIRECT_REF
            || (TREE_CODE(object) == MEM_REF
                && integer_zerop(TREE_OPERAND(object, 1))))
           && is_own_class(w, TREE_OPERAND(object, 0));
}

/* Is EXPR the class_data the function was given (its "const void *"
 * parameter), or a local that holds it (const Info *info = data)? */
static bool is_class_data(const struct body_walk *w, tree expr)
{
    STRIP_NOPS(expr);
    if (TREE_CODE(expr) == PARM_DECL)
        return DECL_CONTEXT(expr) == w->fndecl
               && POINTER_TYPE_P(TREE_TYPE(expr))
               && VOID_TYPE_P(TREE_TYPE(TREE_TYPE(expr)));
    return VAR_P(expr) && w->data_copies->contains(expr);
}

/* A local given the class is a copy of it (DeviceClass *dc =
 * DEVICE_CLASS(klass)) until it is given something else; so is one
 * given class_data.  The walk meets a body's statements in order. */
static void note_copy(struct body_walk *w, tree var, tree value)
{
    if (!VAR_P(var) || DECL_CONTEXT(var) != w->fndecl
        || !POINTER_TYPE_P(TREE_TYPE(var)))
        return;
    if (value && is_own_class(w, value))
        w->class_copies->add(var);
    else
        w->class_copies->remove(var);
    if (value && is_class_data(w, value))
        w->data_copies->add(var);
    else
        w->data_copies->remove(var);
}

/* The member of class_data VALUE reads (info->vmsd), or NULL. */
static const char *class_data_member(const struct body_walk *w, tree value)
{
    STRIP_NOPS(value);
    if (TREE_CODE(value) != COMPONENT_REF
        || !DECL_NAME(TREE_OPERAND(value, 1)))
        return NULL;
    tree object = TREE_OPERAND(value, 0);
    if (!(TREE_CODE(object) == INDIRECT_REF
          || (TREE_CODE(object) == MEM_REF
              && integer_zerop(TREE_OPERAND(object, 1))))
        || !is_class_data(w, TREE_OPERAND(object, 0)))
        return NULL;
    return IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(value, 1)));
}

/* VALUE as the description the class gets: each branch of a ?: is a
 * candidate under a condition. */
static void record_candidates(struct body_walk *w, tree value, bool guarded,
                              location_t where)
{
    tree stripped = value;
    STRIP_NOPS(stripped);
    if (TREE_CODE(stripped) == COND_EXPR) {
        for (int i = 1; i <= 2; i++)
            if (TREE_OPERAND(stripped, i))
                record_candidates(w, TREE_OPERAND(stripped, i), true,
                                  where);
        return;
    }
    struct vmsd_class_vmsd *set = VMSD_APPEND(w->model->class_vmsds,
                                              w->model->n_class_vmsds);
    set->function = vmsd_model_strdup(w->model, w->function);
    set->conditional = guarded;
    read_reference(w->model, value, EXPR_LOC_OR_LOC(value, where),
                   &set->vmsd);
    if (!set->vmsd.uid)
        set->data_member = vmsd_model_strdup(w->model,
                                             class_data_member(w, value));
}

static void record_vmsd(struct body_walk *w, tree assign)
{
    tree lhs = TREE_OPERAND(assign, 0);
    if (TREE_CODE(lhs) != COMPONENT_REF) {
        note_copy(w, lhs, TREE_OPERAND(assign, 1));
        return;
    }
    tree field = TREE_OPERAND(lhs, 1);
    if (TREE_CODE(field) != FIELD_DECL || DECL_NAME(field) != vmsd_member
        || !type_has_tag(DECL_CONTEXT(field), device_class_tag)
        || !is_own_class_object(w, TREE_OPERAND(lhs, 0)))
        return;
    location_t where = EXPR_LOC_OR_LOC(assign, input_location);
    record_candidates(w, TREE_OPERAND(assign, 1), w->conditional > 0, where);
}

/* mc->alias = "q35", mc->is_default = true, mc->deprecation_reason =
 * "...", written through the function's class. */
static void record_machine_member(struct body_walk *w, tree assign)
{
    tree lhs = TREE_OPERAND(assign, 0);
    if (TREE_CODE(lhs) != COMPONENT_REF)
        return;
    tree field = TREE_OPERAND(lhs, 1);
    if (TREE_CODE(field) != FIELD_DECL
        || !type_has_tag(DECL_CONTEXT(field), machine_class_tag))
        return;
    for (size_t i = 0; i < ARRAY_SIZE(machine_members); i++)
        if (DECL_NAME(field) == machine_members[i].id
            && is_own_class_object(w, TREE_OPERAND(lhs, 0)))
            add_machine_member(w->model, w->function, machine_members[i].name,
                               member_value(w->model, TREE_OPERAND(assign, 1),
                                            machine_members[i].is_flag),
                               w->model->n_calls - w->first_call,
                               w->conditional > 0);
}

/* compat_props_add(c->compat_props, ARRAY, ...) with c the function's
 * class: ARRAY by name, and how many calls came before it. */
static void record_compat_add(struct body_walk *w, tree call, tree callee)
{
    if (DECL_NAME(callee) != compat_props_add_name
        || call_expr_nargs(call) < 2)
        return;
    tree props = CALL_EXPR_ARG(call, 0);
    STRIP_NOPS(props);
    if (TREE_CODE(props) != COMPONENT_REF
        || DECL_NAME(TREE_OPERAND(props, 1)) != compat_props_member
        || !is_own_class_object(w, TREE_OPERAND(props, 0)))
        return;
    struct vmsd_model *m = w->model;
    tree array = address_operand(CALL_EXPR_ARG(call, 1));
    while (array && TREE_CODE(array) == ARRAY_REF)
        array = TREE_OPERAND(array, 0);         /* &a[0] */
    struct vmsd_compat_add *c = VMSD_APPEND(m->compat_adds, m->n_compat_adds);
    c->function = vmsd_model_strdup(m, w->function);
    c->array = array && VAR_P(array) && DECL_NAME(array)
               ? vmsd_model_strdup(m, IDENTIFIER_POINTER(DECL_NAME(array)))
               : NULL;
    c->after_calls = m->n_calls - w->first_call;
    c->conditional = w->conditional > 0;
}

/* device_class_set_props(dc, ARRAY) with dc the function's class (QEMU's
 * macro calls device_class_set_props_n): the class's properties. */
static void record_props_set(struct body_walk *w, tree call, tree callee)
{
    const char *name = IDENTIFIER_POINTER(DECL_NAME(callee));
    if (strncmp(name, "device_class_set_props", 22) != 0
        || call_expr_nargs(call) < 2
        || !is_own_class(w, CALL_EXPR_ARG(call, 0)))
        return;
    tree array = address_operand(CALL_EXPR_ARG(call, 1));
    while (array && TREE_CODE(array) == ARRAY_REF)
        array = TREE_OPERAND(array, 0);         /* &a[0] */
    if (!array || !VAR_P(array) || !DECL_NAME(array))
        return;
    struct vmsd_model *m = w->model;
    struct vmsd_props_set *s = VMSD_APPEND(m->props_sets, m->n_props_sets);
    s->function = vmsd_model_strdup(m, w->function);
    s->array = vmsd_model_strdup(m, IDENTIFIER_POINTER(DECL_NAME(array)));
}

/* Does TYPE point to an ObjectClass, a DeviceClass or a MachineClass? */
static bool is_class_pointer(tree type)
{
    return type && POINTER_TYPE_P(type)
           && (type_has_tag(TREE_TYPE(type), device_class_tag)
               || type_has_tag(TREE_TYPE(type), object_class_tag)
               || type_has_tag(TREE_TYPE(type), machine_class_tag));
}

/* Does the call hand the function's class on, as a class? */
static bool passes_class(const struct body_walk *w, tree call)
{
    for (int i = 0; i < call_expr_nargs(call); i++) {
        tree arg = CALL_EXPR_ARG(call, i);
        if (is_class_pointer(TREE_TYPE(arg)) && is_own_class(w, arg))
            return true;
    }
    return false;
}

/* Only calls that hand a class on can set its vmsd, so only those are
 * kept (a unit makes many calls). */
static void record_call(struct body_walk *w, tree call)
{
    tree fn = CALL_EXPR_FN(call);
    if (!fn)
        return;                 /* an internal function: __builtin_*_overflow */
    STRIP_NOPS(fn);
    if (TREE_CODE(fn) != ADDR_EXPR
        || TREE_CODE(TREE_OPERAND(fn, 0)) != FUNCTION_DECL
        || !DECL_NAME(TREE_OPERAND(fn, 0)))
        return;
    tree callee_decl = TREE_OPERAND(fn, 0);
    record_compat_add(w, call, callee_decl);
    record_props_set(w, call, callee_decl);
    if (!passes_class(w, call))
        return;
    const char *callee = IDENTIFIER_POINTER(DECL_NAME(callee_decl));
    struct vmsd_model *m = w->model;
    if (m->n_calls && strcmp(m->calls[m->n_calls - 1].caller, w->function) == 0
        && strcmp(m->calls[m->n_calls - 1].callee, callee) == 0)
        return;                 /* the same again */
    struct vmsd_call *c = VMSD_APPEND(m->calls, m->n_calls);
    c->caller = vmsd_model_strdup(m, w->function);
    c->callee = vmsd_model_strdup(m, callee);
    c->global = TREE_PUBLIC(callee_decl);
}

/* The first operand of T that runs only under a condition (its branches,
 * a loop's body, the right of && and ||), or 0 when T guards nothing. */
static int first_guarded_operand(tree t)
{
    switch (TREE_CODE(t)) {
    case COND_EXPR:
    case SWITCH_EXPR:
    case TRUTH_ANDIF_EXPR:
    case TRUTH_ORIF_EXPR:
        return 1;
    /* C's statements before genericizing. */
    case SWITCH_STMT:           /* condition, body */
    case WHILE_STMT:            /* condition, body */
        return 1;
    case FOR_STMT:              /* init, condition, then increment, body */
        return 2;
    default:
        return 0;
    }
}

static tree visit(tree *node, int *walk_subtrees, void *data)
{
    struct body_walk *w = (struct body_walk *)data;
    tree t = *node;
    /* A condition the compiler folded (QEMU's if (latest), or the
     * versioning policy's test): only its branch runs, unguarded. */
    if (TREE_CODE(t) == COND_EXPR
        && TREE_CODE(TREE_OPERAND(t, 0)) == INTEGER_CST) {
        tree *taken = &TREE_OPERAND(t, integer_zerop(TREE_OPERAND(t, 0))
                                           ? 2 : 1);
        if (*taken)
            walk_tree_without_duplicates(taken, visit, w);
        *walk_subtrees = 0;
        return NULL_TREE;
    }
    int guarded = first_guarded_operand(t);
    if (guarded) {
        /* What runs first as it is, the rest as conditional. */
        for (int i = 0; i < TREE_OPERAND_LENGTH(t); i++) {
            w->conditional += i == guarded;
            walk_tree_without_duplicates(&TREE_OPERAND(t, i), visit, w);
        }
        w->conditional--;
        *walk_subtrees = 0;
        return NULL_TREE;
    }
    switch (TREE_CODE(t)) {
    case MODIFY_EXPR:
        record_vmsd(w, t);
        record_machine_member(w, t);
        break;
    case DECL_EXPR:
        note_copy(w, DECL_EXPR_DECL(t), DECL_INITIAL(DECL_EXPR_DECL(t)));
        break;
    case CALL_EXPR:
        record_call(w, t);
        break;
    default:
        break;
    }
    return NULL_TREE;
}

void vmsd_read_function(struct vmsd_model *model, tree fndecl)
{
    if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_NAME(fndecl)
        || !DECL_SAVED_TREE(fndecl))
        return;
    /* Only a function given a class (a class_init, or a helper it hands
     * the class to) is read: walking every body would cost every
     * compile more than the rest of the plugin.  The walk visits each
     * node of the body once (an if, ?: or switch walks its parts itself,
     * once), and the locals holding the class are a hash set: O(body). */
    tree parm = DECL_ARGUMENTS(fndecl);
    while (parm && !is_class_pointer(TREE_TYPE(parm)))
        parm = DECL_CHAIN(parm);
    if (!parm)
        return;
    hash_set<tree> class_copies, data_copies;
    struct body_walk w = { model, fndecl, IDENTIFIER_POINTER(DECL_NAME(fndecl)),
                           0, &class_copies, &data_copies, model->n_calls };
    walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), visit, &w);
}
