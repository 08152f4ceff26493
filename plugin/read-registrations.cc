/* Reading the QOM types a function's code registers: type_register_static
 * (or type_register) of a local TypeInfo, given its name, parent,
 * class_init and class_data by its initializer and by assignments, once
 * or in a loop over a constant table (e1000's, m25p80's flash parts).
 * The function is run on what the unit knows, before GCC lowers it: its
 * locals, the tables' initializers, conditions and loops it can decide.
 * Each registration becomes a type with a constant name (an R record);
 * one it cannot work out is counted (a U record, with what stopped it).
 * docs/dump-vmstate.md says which shapes are followed. */
#include "plugin.h"
#include "tree-access.h"

#include "tree-iterator.h"

static tree type_info_tag;
static tree name_member, parent_member, class_init_member, class_data_member;
static hash_set<tree> *registering;     /* functions with a local TypeInfo */

/* Statements run (and nodes searched) in one function at most: a loop
 * over a table of thousands of entries fits, a loop that does not end
 * stops here, and what follows is searched once. */
#define MAX_STEPS 200000

void vmsd_registration_reader_init(void)
{
    type_info_tag = get_identifier("TypeInfo");
    name_member = get_identifier("name");
    parent_member = get_identifier("parent");
    class_init_member = get_identifier("class_init");
    class_data_member = get_identifier("class_data");
    registering = new hash_set<tree>;
}

static bool is_type_info(tree type)
{
    return type_has_tag(type, type_info_tag)
           || (TREE_CODE(type) == ARRAY_TYPE
               && type_has_tag(TREE_TYPE(type), type_info_tag));
}

bool vmsd_note_local_type_info(tree decl)
{
    tree fn = DECL_CONTEXT(decl);
    if (TREE_STATIC(decl) || DECL_EXTERNAL(decl) || !fn
        || TREE_CODE(fn) != FUNCTION_DECL || !is_type_info(TREE_TYPE(decl)))
        return false;
    registering->add(fn);
    return true;
}

/* What the run knows of a value. */
enum value_kind {
    V_UNKNOWN,
    V_NULL,
    V_INT,
    V_STRING,                   /* a constant string */
    V_FUNCTION,                 /* a function's address */
    V_ELEMENT,                  /* the address of a static array's element */
    V_OBJECT,                   /* the address of a static variable */
};

struct value {
    enum value_kind kind;
    HOST_WIDE_INT i;            /* V_INT; V_ELEMENT: the index */
    tree t;                     /* V_STRING: STRING_CST; V_FUNCTION: the
                                   function; V_ELEMENT, V_OBJECT: the
                                   variable */
};

static const struct value unknown = { V_UNKNOWN, 0, NULL_TREE };

/* The TypeInfo members a registration needs, in this order. */
enum { M_NAME, M_PARENT, M_CLASS_INIT, M_CLASS_DATA, N_MEMBERS };

/* A local the run follows: a scalar, or a TypeInfo's members. */
struct local {
    tree decl;
    bool type_info;
    struct value v;
    struct value members[N_MEMBERS];
};

struct run {
    struct vmsd_model *model;
    tree fndecl;
    vec<struct local> locals;
    hash_map<tree, unsigned> *local_index;      /* decl -> its place in
                                                   locals */
    hash_set<tree> *counted;    /* registrations counted as unfollowed:
                                   one count a call, however often the
                                   run meets it */
    long steps;
    bool returned, broke, continued;
    /* Set when what follows runs only under a condition the run cannot
     * decide (a statement it cannot follow, one that may return): the
     * rest of the function is only searched for registrations. */
    const char *lost;
};

static struct local *local_of(struct run *r, tree decl)
{
    unsigned *at = r->local_index->get(decl);
    return at ? &r->locals[*at] : NULL;
}

/* A variable of this function the run may follow. */
static bool is_own_local(const struct run *r, tree decl)
{
    return VAR_P(decl) && DECL_CONTEXT(decl) == r->fndecl
           && !TREE_STATIC(decl) && !DECL_EXTERNAL(decl);
}

static tree strip(tree e)
{
    while (e && (CONVERT_EXPR_P(e) || TREE_CODE(e) == NON_LVALUE_EXPR
                 || TREE_CODE(e) == VIEW_CONVERT_EXPR))
        e = TREE_OPERAND(e, 0);
    return e;
}

static struct value int_value_of(HOST_WIDE_INT i)
{
    struct value v = { V_INT, i, NULL_TREE };
    return v;
}

/* true or false: 1 or 0; unknown: -1. */
static int truth(struct value v)
{
    switch (v.kind) {
    case V_UNKNOWN:
        return -1;
    case V_NULL:
        return 0;
    case V_INT:
        return v.i != 0;
    default:
        return 1;
    }
}

/* A static variable whose initializer the unit has: a table or a
 * struct.  Tables are read as initialized: types are registered first
 * thing when QEMU starts. */
static tree static_initializer(tree var)
{
    if (!VAR_P(var) || !TREE_STATIC(var) || DECL_EXTERNAL(var))
        return NULL_TREE;
    return constructor_of(var);
}

/* Element INDEX of the array initializer CTOR (designators, ranges):
 * *FOUND false when the index is past the array; NULL_TREE with FOUND
 * for an element without an initializer (zero). */
static tree element_initializer(tree array_type, tree ctor, HOST_WIDE_INT index,
                                bool *found)
{
    *found = false;
    tree domain = TYPE_DOMAIN(array_type);
    if (index < 0 || !domain || !TYPE_MAX_VALUE(domain)
        || !tree_fits_shwi_p(TYPE_MAX_VALUE(domain))
        || index > tree_to_shwi(TYPE_MAX_VALUE(domain)))
        return NULL_TREE;
    *found = true;
    /* Mostly element INDEX is the INDEXth written: no walk. */
    if ((unsigned HOST_WIDE_INT)index < CONSTRUCTOR_NELTS(ctor)) {
        constructor_elt *elt = CONSTRUCTOR_ELT(ctor, index);
        if (elt->index && TREE_CODE(elt->index) == INTEGER_CST
            && tree_fits_shwi_p(elt->index)
            && tree_to_shwi(elt->index) == index)
            return elt->value;
    }
    unsigned k;
    tree at, value;
    HOST_WIDE_INT next = 0;
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), k, at, value) {
        HOST_WIDE_INT low = next, high = next;
        if (at && TREE_CODE(at) == RANGE_EXPR) {
            tree lo = TREE_OPERAND(at, 0), hi = TREE_OPERAND(at, 1);
            if (!tree_fits_shwi_p(lo) || !tree_fits_shwi_p(hi)) {
                *found = false;
                return NULL_TREE;
            }
            low = tree_to_shwi(lo);
            high = tree_to_shwi(hi);
        } else if (at && TREE_CODE(at) == INTEGER_CST) {
            if (!tree_fits_shwi_p(at)) {
                *found = false;
                return NULL_TREE;
            }
            low = high = tree_to_shwi(at);
        }
        if (index >= low && index <= high)
            return value;
        next = high + 1;
    }
    return NULL_TREE;
}

/* The initializer of the struct an element or object value points at;
 * NULL_TREE with *ZERO for one without an initializer (all zero). */
static tree pointee_initializer(struct value v, bool *zero)
{
    *zero = false;
    if (v.kind != V_ELEMENT && v.kind != V_OBJECT)
        return NULL_TREE;
    tree ctor = static_initializer(v.t);
    if (!ctor)
        return NULL_TREE;
    if (v.kind == V_OBJECT)
        return ctor;
    bool found;
    tree element = element_initializer(TREE_TYPE(v.t), ctor, v.i, &found);
    if (!found)
        return NULL_TREE;
    if (!element) {
        *zero = true;
        return NULL_TREE;
    }
    return TREE_CODE(element) == CONSTRUCTOR ? element : NULL_TREE;
}

static struct value eval(struct run *r, tree e);

/* The value of an initializer INIT of TYPE; none: zero. */
static struct value initial_value(struct run *r, tree init, tree type)
{
    if (init)
        return eval(r, init);
    return POINTER_TYPE_P(type) ? (struct value){ V_NULL, 0, NULL_TREE }
                                : int_value_of(0);
}

/* Member FIELD of the static struct V points at. */
static struct value member_of(struct run *r, struct value v, tree field)
{
    bool zero;
    tree ctor = pointee_initializer(v, &zero);
    if (!ctor && !zero)
        return unknown;
    return initial_value(r, ctor ? member(ctor, DECL_NAME(field)) : NULL_TREE,
                         TREE_TYPE(field));
}

/* Element E ("table[i]") of a static array of pointers or integers. */
static struct value element_value(struct run *r, tree e)
{
    tree base = TREE_OPERAND(e, 0);
    struct value index = eval(r, TREE_OPERAND(e, 1));
    tree ctor = static_initializer(base);
    if (index.kind != V_INT || !ctor)
        return unknown;
    bool found;
    tree init = element_initializer(TREE_TYPE(base), ctor, index.i, &found);
    return found ? initial_value(r, init, TREE_TYPE(e)) : unknown;
}

/* The value of "&OP". */
static struct value address_of(struct run *r, tree op)
{
    struct value v = unknown;
    switch (TREE_CODE(op)) {
    case STRING_CST:
        v.kind = V_STRING;
        v.t = op;
        return v;
    case FUNCTION_DECL:
        v.kind = V_FUNCTION;
        v.t = op;
        return v;
    case ARRAY_REF: {
        tree base = TREE_OPERAND(op, 0);
        struct value index = eval(r, TREE_OPERAND(op, 1));
        if (index.kind != V_INT)
            return unknown;
        if (TREE_CODE(base) == STRING_CST && index.i == 0)
            return address_of(r, base);
        if (!static_initializer(base))
            return unknown;
        v.kind = V_ELEMENT;
        v.t = base;
        v.i = index.i;
        return v;
    }
    case VAR_DECL: {
        tree init = TREE_READONLY(op) && TREE_STATIC(op) ? DECL_INITIAL(op)
                                                          : NULL_TREE;
        if (init && TREE_CODE(init) == STRING_CST)
            return address_of(r, init);     /* const char name[] = "..." */
        if (!static_initializer(op))
            return unknown;
        v.kind = TREE_CODE(TREE_TYPE(op)) == ARRAY_TYPE ? V_ELEMENT : V_OBJECT;
        v.t = op;
        return v;
    }
    default:
        return unknown;
    }
}

/* The struct object OBJ denotes, as the address of it. */
static struct value object_address(struct run *r, tree obj)
{
    switch (TREE_CODE(obj)) {
    case INDIRECT_REF:
        return eval(r, TREE_OPERAND(obj, 0));
    case MEM_REF:
        return integer_zerop(TREE_OPERAND(obj, 1))
               ? eval(r, TREE_OPERAND(obj, 0)) : unknown;
    case ARRAY_REF:
    case VAR_DECL:
        return address_of(r, obj);
    default:
        return unknown;
    }
}

static int member_index(tree field)
{
    tree id = DECL_NAME(field);
    return id == name_member ? M_NAME : id == parent_member ? M_PARENT
           : id == class_init_member ? M_CLASS_INIT
           : id == class_data_member ? M_CLASS_DATA : -1;
}

static struct value component(struct run *r, tree e)
{
    tree obj = TREE_OPERAND(e, 0), field = TREE_OPERAND(e, 1);
    if (TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
        return unknown;
    struct local *l = VAR_P(obj) ? local_of(r, obj) : NULL;
    if (l) {
        int m = l->type_info ? member_index(field) : -1;
        return m < 0 ? unknown : l->members[m];
    }
    return member_of(r, object_address(r, obj), field);
}

static struct value arithmetic(enum tree_code code, struct value a,
                               struct value b, tree type)
{
    if (a.kind == V_ELEMENT && b.kind == V_INT && code == POINTER_PLUS_EXPR) {
        tree size = TYPE_SIZE_UNIT(TREE_TYPE(TREE_TYPE(a.t)));
        if (!size || !tree_fits_shwi_p(size) || tree_to_shwi(size) <= 0
            || b.i % tree_to_shwi(size))
            return unknown;
        a.i += b.i / tree_to_shwi(size);
        return a;
    }
    if (a.kind != V_INT || b.kind != V_INT)
        return unknown;
    switch (code) {
    case PLUS_EXPR:
        return int_value_of(a.i + b.i);
    case MINUS_EXPR:
        return int_value_of(a.i - b.i);
    case MULT_EXPR:
        return int_value_of(a.i * b.i);
    default:
        break;
    }
    bool unsigned_compare = type && TYPE_UNSIGNED(type);
    unsigned HOST_WIDE_INT ua = a.i, ub = b.i;
    bool less = unsigned_compare ? ua < ub : a.i < b.i;
    bool equal = a.i == b.i;
    switch (code) {
    case LT_EXPR:
        return int_value_of(less);
    case LE_EXPR:
        return int_value_of(less || equal);
    case GT_EXPR:
        return int_value_of(!less && !equal);
    case GE_EXPR:
        return int_value_of(!less);
    default:
        return unknown;
    }
}

/* A == or != of known values: pointers against NULL, integers. */
static struct value equality(enum tree_code code, struct value a,
                             struct value b)
{
    int equal;
    if (a.kind == V_INT && b.kind == V_INT)
        equal = a.i == b.i;
    else if (truth(a) == 0 || truth(b) == 0)
        equal = truth(a) < 0 || truth(b) < 0 ? -1 : truth(a) == truth(b);
    else
        equal = -1;
    if (equal < 0)
        return unknown;
    return int_value_of(code == EQ_EXPR ? equal : !equal);
}

static struct value logic(struct run *r, tree e)
{
    int a = truth(eval(r, TREE_OPERAND(e, 0)));
    if (TREE_CODE(e) == TRUTH_NOT_EXPR)
        return a < 0 ? unknown : int_value_of(!a);
    bool is_and = TREE_CODE(e) == TRUTH_ANDIF_EXPR
                  || TREE_CODE(e) == TRUTH_AND_EXPR;
    if (a == (is_and ? 0 : 1))
        return int_value_of(a);         /* decided by the left */
    int b = truth(eval(r, TREE_OPERAND(e, 1)));
    if (a < 0 || b < 0)
        return unknown;
    return int_value_of(b);
}

/* What E evaluates to, as far as the run knows; no side effects. */
static struct value eval(struct run *r, tree e)
{
    e = strip(e);
    if (!e)
        return unknown;
    switch (TREE_CODE(e)) {
    case INTEGER_CST:
        if (POINTER_TYPE_P(TREE_TYPE(e)) && integer_zerop(e))
            return (struct value){ V_NULL, 0, NULL_TREE };
        return tree_fits_shwi_p(e) ? int_value_of(tree_to_shwi(e)) : unknown;
    case VAR_DECL: {
        struct local *l = local_of(r, e);
        return l && !l->type_info ? l->v : unknown;
    }
    case ADDR_EXPR:
        return address_of(r, TREE_OPERAND(e, 0));
    case COMPONENT_REF:
        return component(r, e);
    case ARRAY_REF:
        return element_value(r, e);
    case POINTER_PLUS_EXPR:
    case PLUS_EXPR:
    case MINUS_EXPR:
    case MULT_EXPR:
    case LT_EXPR:
    case LE_EXPR:
    case GT_EXPR:
    case GE_EXPR:
        return arithmetic(TREE_CODE(e), eval(r, TREE_OPERAND(e, 0)),
                          eval(r, TREE_OPERAND(e, 1)),
                          TREE_TYPE(strip(TREE_OPERAND(e, 0))));
    case EQ_EXPR:
    case NE_EXPR:
        return equality(TREE_CODE(e), eval(r, TREE_OPERAND(e, 0)),
                        eval(r, TREE_OPERAND(e, 1)));
    case TRUTH_NOT_EXPR:
    case TRUTH_ANDIF_EXPR:
    case TRUTH_ORIF_EXPR:
    case TRUTH_AND_EXPR:
    case TRUTH_OR_EXPR:
        return logic(r, e);
    case COND_EXPR: {
        int c = truth(eval(r, TREE_OPERAND(e, 0)));
        return c < 0 ? unknown : eval(r, TREE_OPERAND(e, c ? 1 : 2));
    }
    default:
        return unknown;
    }
}

/* Types */

static const char *function_name(tree fn)
{
    return DECL_NAME(fn) ? IDENTIFIER_POINTER(DECL_NAME(fn)) : "?";
}

static void unfollowed(struct run *r, tree call, const char *reason)
{
    if (r->counted->add(call))
        return;
    struct vmsd_unfollowed *u = VMSD_APPEND(r->model->unfollowed,
                                            r->model->n_unfollowed);
    u->function = vmsd_model_strdup(r->model, function_name(r->fndecl));
    u->reason = vmsd_model_strdup(r->model, reason);
    u->loc = loc_of(r->model, EXPR_LOC_OR_LOC(call, input_location));
}

/* QOM's registration functions: the TypeInfo is their first argument. */
static bool is_registration(tree call, bool *array)
{
    tree fn = strip(CALL_EXPR_FN(call));
    if (!fn || TREE_CODE(fn) != ADDR_EXPR
        || TREE_CODE(TREE_OPERAND(fn, 0)) != FUNCTION_DECL
        || call_expr_nargs(call) < 1)
        return false;
    const char *name = function_name(TREE_OPERAND(fn, 0));
    *array = strcmp(name, "type_register_static_array") == 0;
    return *array || strcmp(name, "type_register_static") == 0
           || strcmp(name, "type_register") == 0;
}

/* The variable a registration's argument names: "&info", "info",
 * "&infos[i]". */
static tree registered_variable(tree arg)
{
    arg = strip(arg);
    if (TREE_CODE(arg) == ADDR_EXPR)
        arg = TREE_OPERAND(arg, 0);
    while (TREE_CODE(arg) == ARRAY_REF)
        arg = TREE_OPERAND(arg, 0);
    return VAR_P(arg) ? arg : NULL_TREE;
}

/* The description addresses among the members of the struct class_data
 * points at (megasas's table entries name their own description). */
static void read_class_data(struct run *r, struct value data, tree call,
                            struct vmsd_registration *reg)
{
    bool zero;
    tree ctor = pointee_initializer(data, &zero);
    if (!ctor)
        return;
    unsigned k;
    tree field, value;
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), k, field, value) {
        if (!field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
            continue;
        struct vmsd_ref ref;
        memset(&ref, 0, sizeof ref);
        read_reference(r->model, value, EXPR_LOC_OR_LOC(call, input_location),
                       &ref);
        if (!ref.uid)
            continue;
        struct vmsd_data_member *d = VMSD_APPEND(reg->data, reg->n_data);
        d->member = vmsd_model_strdup(r->model,
                                      IDENTIFIER_POINTER(DECL_NAME(field)));
        d->vmsd = ref;
    }
}

/* A registration the run reaches: a type when it knows the TypeInfo. */
static void registration(struct run *r, tree call, bool array)
{
    tree var = registered_variable(CALL_EXPR_ARG(call, 0));
    if (var && (TREE_STATIC(var) || DECL_EXTERNAL(var))
        && is_type_info(TREE_TYPE(var)))
        return;                 /* a TypeInfo variable: read as it is */
    struct local *l = var && !array ? local_of(r, var) : NULL;
    if (!l || !l->type_info) {
        unfollowed(r, call, "argument");
        return;
    }
    struct value *m = l->members;
    if (m[M_NAME].kind != V_STRING)
        return unfollowed(r, call, "name");
    if (m[M_PARENT].kind != V_STRING && m[M_PARENT].kind != V_NULL)
        return unfollowed(r, call, "parent");
    if (m[M_CLASS_INIT].kind != V_FUNCTION && m[M_CLASS_INIT].kind != V_NULL)
        return unfollowed(r, call, "class_init");
    struct vmsd_registration *reg = VMSD_APPEND(r->model->registrations,
                                                r->model->n_registrations);
    reg->name = vmsd_model_strdup(r->model,
                                  TREE_STRING_POINTER(m[M_NAME].t));
    if (m[M_PARENT].kind == V_STRING)
        reg->parent = vmsd_model_strdup(r->model,
                                        TREE_STRING_POINTER(m[M_PARENT].t));
    if (m[M_CLASS_INIT].kind == V_FUNCTION)
        reg->class_init = vmsd_model_strdup(r->model,
                                            function_name(m[M_CLASS_INIT].t));
    reg->loc = loc_of(r->model, EXPR_LOC_OR_LOC(call, input_location));
    read_class_data(r, m[M_CLASS_DATA], call, reg);
}

/* Searching what the run cannot decide */

/* A local that code the run cannot follow may change. */
static void forget(struct run *r, tree lhs)
{
    lhs = strip(lhs);
    while (TREE_CODE(lhs) == COMPONENT_REF || TREE_CODE(lhs) == ARRAY_REF)
        lhs = TREE_OPERAND(lhs, 0);
    struct local *l = VAR_P(lhs) ? local_of(r, lhs) : NULL;
    if (!l)
        return;
    l->v = unknown;
    for (int m = 0; m < N_MEMBERS; m++)
        l->members[m] = unknown;
}

struct search {
    struct run *r;
    const char *reason;
    long nodes;
};

static tree search_node(tree *node, int *, void *data)
{
    struct search *s = (struct search *)data;
    tree t = *node;
    bool array;
    s->nodes++;
    switch (TREE_CODE(t)) {
    case CALL_EXPR:
        if (is_registration(t, &array)) {
            tree var = registered_variable(CALL_EXPR_ARG(t, 0));
            if (!var || !(TREE_STATIC(var) || DECL_EXTERNAL(var)))
                unfollowed(s->r, t, s->reason);
        }
        break;
    case MODIFY_EXPR:
    case INIT_EXPR:
    case PREINCREMENT_EXPR:
    case PREDECREMENT_EXPR:
    case POSTINCREMENT_EXPR:
    case POSTDECREMENT_EXPR:
        forget(s->r, TREE_OPERAND(t, 0));
        break;
    case ADDR_EXPR:
        forget(s->r, TREE_OPERAND(t, 0));       /* may be written through */
        break;
    case DECL_EXPR:
        forget(s->r, DECL_EXPR_DECL(t));
        break;
    case RETURN_EXPR:
    case GOTO_EXPR:
#if BUILDING_GCC_MAJOR >= 11
    case BREAK_STMT:
    case CONTINUE_STMT:
#endif
        /* What follows may not run. */
        if (!s->r->lost)
            s->r->lost = "condition";
        break;
    default:
        break;
    }
    return NULL_TREE;
}

/* Code the run cannot decide: its registrations are counted, what it
 * may change forgotten. */
static void search(struct run *r, tree t, const char *reason)
{
    if (!t)
        return;
    struct search s = { r, reason, 0 };
    walk_tree_without_duplicates(&t, search_node, &s);
    r->steps += s.nodes;        /* a loop may search its body each time */
}

/* Running */

static void exec(struct run *r, tree s);

static bool stopped(const struct run *r)
{
    return r->returned || r->broke || r->continued || r->lost;
}

static void set_local(struct run *r, tree decl, struct value v)
{
    struct local *l = local_of(r, decl);
    if (l) {
        l->v = v;
        return;
    }
    struct local fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.decl = decl;
    fresh.v = v;
    r->local_index->put(decl, r->locals.length());
    r->locals.safe_push(fresh);
}

/* A local of the function the run follows, made when first written
 * (a declaration without an initializer leaves no DECL_EXPR). */
static struct local *own_local(struct run *r, tree decl)
{
    if (!is_own_local(r, decl))
        return NULL;
    struct local *l = local_of(r, decl);
    if (l)
        return l;
    bool type_info = type_has_tag(TREE_TYPE(decl), type_info_tag);
    if (!type_info && !INTEGRAL_TYPE_P(TREE_TYPE(decl))
        && !POINTER_TYPE_P(TREE_TYPE(decl)))
        return NULL;
    set_local(r, decl, unknown);
    l = local_of(r, decl);
    l->type_info = type_info;
    for (int m = 0; m < N_MEMBERS; m++)
        l->members[m] = unknown;
    return l;
}

/* A local's declaration: a TypeInfo from its initializer (members not
 * written are zero; without an initializer, unknown), a scalar from its
 * value. */
static void declare(struct run *r, tree decl)
{
    if (!is_own_local(r, decl))
        return;
    tree init = DECL_INITIAL(decl);
    struct local *l = own_local(r, decl);
    if (!l)
        return;
    if (!l->type_info) {
        l->v = init ? eval(r, init) : unknown;
        return;
    }
    static const tree *const ids[N_MEMBERS] = {
        &name_member, &parent_member, &class_init_member, &class_data_member,
    };
    for (int m = 0; m < N_MEMBERS; m++) {
        if (!init || TREE_CODE(init) != CONSTRUCTOR) {
            l->members[m] = unknown;
            continue;
        }
        tree value = member(init, *ids[m]);
        l->members[m] = value ? eval(r, value)
                        : (struct value){ V_NULL, 0, NULL_TREE };
    }
}

static void assign(struct run *r, tree lhs, struct value v)
{
    lhs = strip(lhs);
    struct local *l = VAR_P(lhs) ? own_local(r, lhs) : NULL;
    if (l && !l->type_info) {
        l->v = v;
        return;
    }
    if (TREE_CODE(lhs) == COMPONENT_REF && VAR_P(TREE_OPERAND(lhs, 0))) {
        l = own_local(r, TREE_OPERAND(lhs, 0));
        int m = TREE_CODE(TREE_OPERAND(lhs, 1)) == FIELD_DECL
                ? member_index(TREE_OPERAND(lhs, 1)) : -1;
        if (l && l->type_info && m >= 0) {
            l->members[m] = v;
            return;
        }
        if (l && l->type_info)
            return;             /* instance_size and the like */
    }
    forget(r, lhs);
}

static void step(struct run *r, tree e)
{
    /* ++i, p++: the operand is the amount (bytes for a pointer). */
    struct local *l = VAR_P(TREE_OPERAND(e, 0))
                      ? local_of(r, TREE_OPERAND(e, 0)) : NULL;
    if (!l || l->type_info)
        return forget(r, TREE_OPERAND(e, 0));
    struct value amount = eval(r, TREE_OPERAND(e, 1));
    bool down = TREE_CODE(e) == PREDECREMENT_EXPR
                || TREE_CODE(e) == POSTDECREMENT_EXPR;
    if (amount.kind == V_INT && down)
        amount.i = -amount.i;
    l->v = arithmetic(l->v.kind == V_ELEMENT ? POINTER_PLUS_EXPR : PLUS_EXPR,
                      l->v, amount, NULL_TREE);
}

/* A call: a registration, or any other, which may write the locals it
 * is given the address of. */
static void call(struct run *r, tree e)
{
    bool array;
    bool registers = is_registration(e, &array);
    for (int i = registers ? 1 : 0; i < call_expr_nargs(e); i++)
        search(r, CALL_EXPR_ARG(e, i), "condition");
    if (registers)
        registration(r, e, array);
}

/* A loop: while its condition is known and true, its body, then its
 * increment; one whose condition is not known is searched. */
static void run_loop(struct run *r, tree cond, tree body, tree increment,
                 bool test_first)
{
    for (;;) {
        if (test_first && cond) {
            int c = truth(eval(r, cond));
            if (c < 0) {
                search(r, body, "condition");
                search(r, increment, "condition");
                return;
            }
            if (!c)
                return;
        }
        test_first = true;
        exec(r, body);
        r->continued = false;
        if (r->broke) {
            r->broke = false;
            return;
        }
        if (stopped(r))
            return;
        exec(r, increment);
        if (stopped(r))
            return;
    }
}

static void exec(struct run *r, tree s)
{
    if (!s)
        return;
    if (r->lost) {
        search(r, s, r->lost);
        return;
    }
    if (++r->steps > MAX_STEPS) {
        r->lost = "steps";
        search(r, s, r->lost);
        return;
    }
    s = strip(s);
    switch (TREE_CODE(s)) {
    case STATEMENT_LIST:
        for (tree_stmt_iterator i = tsi_start(s); !tsi_end_p(i); tsi_next(&i)) {
            exec(r, tsi_stmt(i));
            if (stopped(r) && !r->lost)
                return;
        }
        return;
    case BIND_EXPR:
        return exec(r, BIND_EXPR_BODY(s));
    case DECL_EXPR:
        return declare(r, DECL_EXPR_DECL(s));
    case MODIFY_EXPR:
    case INIT_EXPR:
        search(r, TREE_OPERAND(s, 1), "condition");     /* calls in it */
        return assign(r, TREE_OPERAND(s, 0), eval(r, TREE_OPERAND(s, 1)));
    case PREINCREMENT_EXPR:
    case PREDECREMENT_EXPR:
    case POSTINCREMENT_EXPR:
    case POSTDECREMENT_EXPR:
        return step(r, s);
    case CALL_EXPR:
        return call(r, s);
    case COMPOUND_EXPR:
        exec(r, TREE_OPERAND(s, 0));
        return exec(r, TREE_OPERAND(s, 1));
    case COND_EXPR: {
        int c = truth(eval(r, TREE_OPERAND(s, 0)));
        if (c >= 0)
            return exec(r, TREE_OPERAND(s, c ? 1 : 2));
        search(r, TREE_OPERAND(s, 0), "condition");
        search(r, TREE_OPERAND(s, 1), "condition");
        search(r, TREE_OPERAND(s, 2), "condition");
        return;
    }
    case RETURN_EXPR:
        r->returned = true;
        return;
    case TRY_FINALLY_EXPR:      /* a variable's cleanup (g_autofree) */
        exec(r, TREE_OPERAND(s, 0));
        search(r, TREE_OPERAND(s, 1), "condition");
        return;
    case DEBUG_BEGIN_STMT:
        return;
#if BUILDING_GCC_MAJOR >= 11
    case FOR_STMT:
        exec(r, FOR_INIT_STMT(s));
        return run_loop(r, FOR_COND(s), FOR_BODY(s), FOR_EXPR(s), true);
    case WHILE_STMT:
        return run_loop(r, WHILE_COND(s), WHILE_BODY(s), NULL_TREE, true);
    case DO_STMT:
        return run_loop(r, DO_COND(s), DO_BODY(s), NULL_TREE, false);
    case BREAK_STMT:
        r->broke = true;
        return;
    case CONTINUE_STMT:
        r->continued = true;
        return;
#endif
    default:
        if (!TREE_SIDE_EFFECTS(s) && TREE_CODE(s) != LABEL_EXPR)
            return;
        /* A switch, a label, a goto, asm: what follows it is no longer
         * known to run. */
        r->lost = "statement";
        search(r, s, r->lost);
        return;
    }
}

void vmsd_read_registrations(struct vmsd_model *model, tree fndecl)
{
    if (!registering->contains(fndecl) || !DECL_SAVED_TREE(fndecl))
        return;
    registering->remove(fndecl);
    struct run r;
    memset(&r, 0, sizeof r);
    r.model = model;
    r.fndecl = fndecl;
    r.locals = vNULL;
    hash_set<tree> counted;
    hash_map<tree, unsigned> local_index;
    r.counted = &counted;
    r.local_index = &local_index;
    exec(&r, DECL_SAVED_TREE(fndecl));
    r.locals.release();
}
