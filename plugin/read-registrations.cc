/* Reading the QOM types a function's code registers: type_register_static
 * (or type_register) of a local TypeInfo, given its name, parent,
 * class_init and class_data by its initializer and by assignments, once
 * or in a loop over a constant table (e1000's, m25p80's flash parts).
 * The function is run on what the unit knows, before GCC lowers it: its
 * locals, the tables' initializers, conditions and loops it can decide.
 * Each registration becomes a type with a constant name (an R record);
 * one it cannot work out is counted (a U record, with what stopped it).
 * A helper that builds types from the struct it is given
 * (virtio_pci_types_register) is run once for each set of assumptions
 * about which members are NULL that its conditions need: its types are
 * templates (R *) the tool fills in from each call a type_init function
 * makes with a struct (R @), which the run of that function keeps.
 * docs/dump-vmstate.md says which shapes are followed. */
#include "plugin.h"
#include "tree-access.h"

#include "tree-iterator.h"

static tree type_info_tag;
static tree name_member, parent_member, class_init_member, class_data_member;
/* Objects, not pointers to new ones: operator new would tie the plugin
 * to libstdc++, which a compiler's machine need not have (icecc ships
 * what ldd lists). */
static hash_set<tree> registering;      /* functions with a local TypeInfo */
static hash_set<tree> started;          /* functions type_init registers */

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
}

static bool is_type_info(tree type)
{
    return type_has_tag(type, type_info_tag)
           || array_of_tag(type, type_info_tag);
}

bool vmsd_note_local_type_info(tree decl)
{
    tree fn = DECL_CONTEXT(decl);
    if (TREE_STATIC(decl) || DECL_EXTERNAL(decl) || !fn
        || TREE_CODE(fn) != FUNCTION_DECL || !is_type_info(TREE_TYPE(decl)))
        return false;
    registering.add(fn);
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
    V_MEMBER,                   /* a member of the struct the function is
                                   given (a helper's template) */
    V_PARAM,                    /* that struct's address */
    V_JOINED,                   /* a string joined from parts */
};

struct value {
    enum value_kind kind;
    HOST_WIDE_INT i;            /* V_INT; V_ELEMENT: the index;
                                   V_JOINED: its place in the run's
                                   'joined' */
    tree t;                     /* V_STRING: STRING_CST; V_FUNCTION: the
                                   function; V_ELEMENT, V_OBJECT: the
                                   variable; V_MEMBER: the FIELD_DECL */
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

/* What a run assumes of a member of the struct it is given. */
struct assumption {
    tree field;
    bool set;
    bool used;                  /* the run has relied on it so far */
};

/* What a run found, kept until it ends without needing another
 * assumption (then it is the model's). */
struct pending_unfollowed {
    tree call;
    const char *reason;
};

struct run {
    struct vmsd_model *model;
    tree fndecl;
    /* A helper's template: the struct parameter, and what this run
     * assumes of its members (each run takes one set of assumptions). */
    tree param;
    unsigned param_index;
    vec<struct assumption> assumptions;
    tree undecided;             /* a member the run needs an assumption
                                   about: it stops, and is run again with
                                   each */
    vec<vec<struct vmsd_template_part> > joined;
    bool starts_qemu;           /* void (void): may be a type_init
                                   function, whose calls handing a
                                   struct to a helper are kept */
    vec<struct vmsd_registration> registrations;
    vec<struct vmsd_template> templates;
    vec<struct vmsd_struct_call> struct_calls;
    vec<struct pending_unfollowed> unfollowed;
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

static const char *function_name(tree fn)
{
    return DECL_NAME(fn) ? IDENTIFIER_POINTER(DECL_NAME(fn)) : "?";
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

/* true or false: 1 or 0; unknown: -1.  A member of the struct the
 * function is given is what the run assumes; without an assumption, the
 * run needs one (R->undecided). */
static int truth(struct run *r, struct value v)
{
    switch (v.kind) {
    case V_UNKNOWN:
        return -1;
    case V_MEMBER:
        for (unsigned i = 0; i < r->assumptions.length(); i++)
            if (r->assumptions[i].field == v.t) {
                r->assumptions[i].used = true;
                return r->assumptions[i].set;
            }
        if (!r->undecided)
            r->undecided = v.t;
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

/* Is OBJ "*p", p the struct the function is given? */
static bool is_param_struct(const struct run *r, tree obj)
{
    if (!r->param || !(TREE_CODE(obj) == INDIRECT_REF
                       || (TREE_CODE(obj) == MEM_REF
                           && integer_zerop(TREE_OPERAND(obj, 1)))))
        return false;
    return strip(TREE_OPERAND(obj, 0)) == r->param;
}

/* A pointer member of the struct the function is given: NULL when the
 * run assumes so, else the member. */
static struct value param_member(struct run *r, tree field)
{
    if (!POINTER_TYPE_P(TREE_TYPE(field)))
        return unknown;
    for (unsigned i = 0; i < r->assumptions.length(); i++)
        if (r->assumptions[i].field == field) {
            r->assumptions[i].used = true;
            if (!r->assumptions[i].set)
                return (struct value){ V_NULL, 0, NULL_TREE };
        }
    return (struct value){ V_MEMBER, 0, field };
}

static struct value component(struct run *r, tree e)
{
    tree obj = TREE_OPERAND(e, 0), field = TREE_OPERAND(e, 1);
    if (TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
        return unknown;
    if (is_param_struct(r, obj))
        return param_member(r, field);
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
static struct value equality(struct run *r, enum tree_code code,
                             struct value a, struct value b)
{
    int equal, ta = truth(r, a), tb = truth(r, b);
    if (a.kind == V_INT && b.kind == V_INT)
        equal = a.i == b.i;
    else if (ta == 0 || tb == 0)
        equal = ta < 0 || tb < 0 ? -1 : ta == tb;
    else
        equal = -1;
    if (equal < 0)
        return unknown;
    return int_value_of(code == EQ_EXPR ? equal : !equal);
}

static struct value logic(struct run *r, tree e)
{
    int a = truth(r, eval(r, TREE_OPERAND(e, 0)));
    if (TREE_CODE(e) == TRUTH_NOT_EXPR)
        return a < 0 ? unknown : int_value_of(!a);
    bool is_and = TREE_CODE(e) == TRUTH_ANDIF_EXPR
                  || TREE_CODE(e) == TRUTH_AND_EXPR;
    if (a == (is_and ? 0 : 1))
        return int_value_of(a);         /* decided by the left */
    int b = truth(r, eval(r, TREE_OPERAND(e, 1)));
    if (a < 0 || b < 0)
        return unknown;
    return int_value_of(b);
}

/* Append V, a string, to the parts of a joined string; false when it is
 * not one the run knows. */
static bool join_part(struct run *r, vec<struct vmsd_template_part> *parts,
                      struct value v)
{
    struct vmsd_template_part part = { NULL, false };
    switch (v.kind) {
    case V_STRING:
        part.text = vmsd_model_strdup(r->model, TREE_STRING_POINTER(v.t));
        parts->safe_push(part);
        return true;
    case V_MEMBER:
        part.text = vmsd_model_strdup(r->model,
                                      IDENTIFIER_POINTER(DECL_NAME(v.t)));
        part.member = true;
        parts->safe_push(part);
        return true;
    case V_JOINED:
        for (unsigned i = 0; i < r->joined[v.i].length(); i++)
            parts->safe_push(r->joined[v.i][i]);
        return true;
    default:
        return false;
    }
}

/* A "%s" of V: NULL is written "(null)", as glib's printf does. */
static bool print_part(struct run *r, vec<struct vmsd_template_part> *parts,
                       struct value v)
{
    if (v.kind != V_NULL)
        return join_part(r, parts, v);
    struct vmsd_template_part part = {
        vmsd_model_strdup(r->model, "(null)"), false };
    parts->safe_push(part);
    return true;
}

/* g_strdup_printf with a constant format of "%s" conversions only:
 * the string it joins. */
static struct value printed(struct run *r, tree call)
{
    tree fn = strip(CALL_EXPR_FN(call));
    if (!fn || TREE_CODE(fn) != ADDR_EXPR
        || TREE_CODE(TREE_OPERAND(fn, 0)) != FUNCTION_DECL
        || strcmp(function_name(TREE_OPERAND(fn, 0)), "g_strdup_printf") != 0
        || call_expr_nargs(call) < 1)
        return unknown;
    struct value format = eval(r, CALL_EXPR_ARG(call, 0));
    if (format.kind != V_STRING)
        return unknown;
    vec<struct vmsd_template_part> parts = vNULL;
    const char *f = TREE_STRING_POINTER(format.t);
    int arg = 1;
    while (*f) {
        const char *percent = strchr(f, '%');
        size_t n = percent ? (size_t)(percent - f) : strlen(f);
        if (n) {
            char *text = XNEWVEC(char, n + 1);
            memcpy(text, f, n);
            text[n] = '\0';
            struct vmsd_template_part part = {
                vmsd_model_strdup(r->model, text), false };
            XDELETEVEC(text);
            parts.safe_push(part);
        }
        if (!percent)
            break;
        if (percent[1] != 's' || arg >= call_expr_nargs(call)
            || !print_part(r, &parts, eval(r, CALL_EXPR_ARG(call, arg++)))) {
            parts.release();
            return unknown;
        }
        f = percent + 2;
    }
    r->joined.safe_push(parts);
    return (struct value){ V_JOINED, (HOST_WIDE_INT)r->joined.length() - 1,
                           NULL_TREE };
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
    case PARM_DECL:
        return e == r->param ? (struct value){ V_PARAM, 0, NULL_TREE }
                             : unknown;
    case CALL_EXPR:
        return printed(r, e);
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
        return equality(r, TREE_CODE(e), eval(r, TREE_OPERAND(e, 0)),
                        eval(r, TREE_OPERAND(e, 1)));
    case TRUTH_NOT_EXPR:
    case TRUTH_ANDIF_EXPR:
    case TRUTH_ORIF_EXPR:
    case TRUTH_AND_EXPR:
    case TRUTH_OR_EXPR:
        return logic(r, e);
    case COND_EXPR: {
        int c = truth(r, eval(r, TREE_OPERAND(e, 0)));
        return c < 0 ? unknown : eval(r, TREE_OPERAND(e, c ? 1 : 2));
    }
    default:
        return unknown;
    }
}

/* Types */

static void unfollowed(struct run *r, tree call, const char *reason)
{
    struct pending_unfollowed u = { call, reason };
    r->unfollowed.safe_push(u);
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

/* A name the run knows: constant, or (in a helper) built from the
 * struct it is given. */
static bool is_string(struct value v)
{
    return v.kind == V_STRING || v.kind == V_MEMBER || v.kind == V_JOINED;
}

/* A string value (or NULL) as a template's parts. */
static void template_string(struct run *r, struct value v,
                            struct vmsd_template_string *out)
{
    vec<struct vmsd_template_part> parts = vNULL;
    if (v.kind != V_NULL)
        join_part(r, &parts, v);
    out->n_parts = parts.length();
    out->parts = out->n_parts
        ? (struct vmsd_template_part *)vmsd_xcalloc(out->n_parts,
                                                    sizeof *out->parts)
        : NULL;
    for (unsigned i = 0; i < parts.length(); i++)
        out->parts[i] = parts[i];
    parts.release();
}

/* The assumptions the run has relied on so far. */
static unsigned relied_on(const struct run *r)
{
    unsigned n = 0;
    for (unsigned i = 0; i < r->assumptions.length(); i++)
        n += r->assumptions[i].used;
    return n;
}

/* A type a helper registers from the struct it is given, under what the
 * run has relied on of its members (what it assumes after, another run
 * assumes otherwise and registers the same). */
static void add_template(struct run *r, tree call, const struct value *m)
{
    struct vmsd_template *t = r->templates.safe_push(vmsd_template());
    t->function = vmsd_model_strdup(r->model, function_name(r->fndecl));
    t->param = r->param_index;
    t->loc = loc_of(r->model, EXPR_LOC_OR_LOC(call, input_location));
    if (m[M_CLASS_INIT].kind == V_FUNCTION)
        t->class_init = vmsd_model_strdup(r->model,
                                          function_name(m[M_CLASS_INIT].t));
    t->data_is_struct = m[M_CLASS_DATA].kind == V_PARAM;
    template_string(r, m[M_NAME], &t->name);
    template_string(r, m[M_PARENT], &t->parent);
    t->guards = (struct vmsd_guard *)vmsd_xcalloc(relied_on(r) + 1,
                                                  sizeof *t->guards);
    for (unsigned i = 0; i < r->assumptions.length(); i++) {
        if (!r->assumptions[i].used)
            continue;
        struct vmsd_guard *g = &t->guards[t->n_guards++];
        g->member = vmsd_model_strdup(
            r->model, IDENTIFIER_POINTER(DECL_NAME(r->assumptions[i].field)));
        g->set = r->assumptions[i].set;
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
    if (!is_string(m[M_NAME]))
        return unfollowed(r, call, "name");
    if (!is_string(m[M_PARENT]) && m[M_PARENT].kind != V_NULL)
        return unfollowed(r, call, "parent");
    if (m[M_CLASS_INIT].kind != V_FUNCTION && m[M_CLASS_INIT].kind != V_NULL)
        return unfollowed(r, call, "class_init");
    if (m[M_NAME].kind != V_STRING || m[M_PARENT].kind == V_MEMBER
        || m[M_PARENT].kind == V_JOINED || m[M_CLASS_DATA].kind == V_PARAM
        || relied_on(r))
        return add_template(r, call, m);
    struct vmsd_registration *reg = r->registrations.safe_push(
        vmsd_registration());
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

/* The struct a value points at (a static variable or a table's
 * element), when it is one: not a TypeInfo, which is read as it is. */
static tree pointee_struct(struct value v)
{
    if (v.kind != V_OBJECT && v.kind != V_ELEMENT)
        return NULL_TREE;
    tree type = TREE_TYPE(v.t);
    if (v.kind == V_ELEMENT)
        type = TREE_TYPE(type);
    return TREE_CODE(type) == RECORD_TYPE && !is_type_info(type) ? type
                                                                 : NULL_TREE;
}

static struct vmsd_struct_call *add_struct_call(struct run *r, tree call,
                                                unsigned arg, bool uncertain)
{
    struct vmsd_struct_call *c = r->struct_calls.safe_push(
        vmsd_struct_call());
    c->caller = vmsd_model_strdup(r->model, function_name(r->fndecl));
    c->callee = vmsd_model_strdup(
        r->model, function_name(TREE_OPERAND(strip(CALL_EXPR_FN(call)), 0)));
    c->arg = arg;
    c->loc = loc_of(r->model, EXPR_LOC_OR_LOC(call, input_location));
    c->uncertain = uncertain;
    return c;
}

/* The function a call names, or NULL_TREE (through a pointer). */
static tree callee_of(tree call)
{
    tree fn = strip(CALL_EXPR_FN(call));
    return fn && TREE_CODE(fn) == ADDR_EXPR
           && TREE_CODE(TREE_OPERAND(fn, 0)) == FUNCTION_DECL
           ? TREE_OPERAND(fn, 0) : NULL_TREE;
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
        } else if (s->r->starts_qemu && callee_of(t)) {
            /* A struct it hands on, if any, may not be handed: if the
             * callee registers types, they are not followed. */
            for (int i = 0; i < call_expr_nargs(t); i++) {
                tree arg = strip(CALL_EXPR_ARG(t, i));
                if (TREE_CODE(arg) == ADDR_EXPR
                    && pointee_struct(address_of(s->r,
                                                 TREE_OPERAND(arg, 0)))) {
                    add_struct_call(s->r, t, i, true);
                    break;
                }
            }
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
    case BREAK_STMT:
    case CONTINUE_STMT:
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

/* A call of a function that starts QEMU handing a struct to another
 * function (virtio_pci_types_register(&virtio_vga_info)): its pointer
 * members, for the helper's templates. */
static void struct_call(struct run *r, tree call)
{
    if (!r->starts_qemu || !callee_of(call))
        return;
    for (int i = 0; i < call_expr_nargs(call); i++) {
        struct value v = eval(r, CALL_EXPR_ARG(call, i));
        if (!pointee_struct(v))
            continue;
        bool zero;
        tree ctor = pointee_initializer(v, &zero);
        struct vmsd_struct_call *c = add_struct_call(r, call, i, !ctor && !zero);
        if (!ctor)
            continue;           /* all zero, or an initializer it cannot read */
        unsigned k;
        tree field, value;
        FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), k, field, value) {
            if (!field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field)
                || !POINTER_TYPE_P(TREE_TYPE(field)))
                continue;
            struct value member_value = eval(r, value);
            if (member_value.kind == V_NULL)
                continue;
            struct vmsd_struct_member *m = VMSD_APPEND(c->members,
                                                       c->n_members);
            m->member = vmsd_model_strdup(r->model,
                                          IDENTIFIER_POINTER(DECL_NAME(field)));
            if (member_value.kind == V_STRING)
                m->string = vmsd_model_strdup(
                    r->model, TREE_STRING_POINTER(member_value.t));
            else
                read_reference(r->model, value,
                               EXPR_LOC_OR_LOC(call, input_location),
                               &m->vmsd);
        }
    }
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
    else
        struct_call(r, e);
    /* abort(), a failed assertion: QEMU goes no further. */
    if (callee_of(e) && TREE_THIS_VOLATILE(callee_of(e)))
        r->returned = true;
}

/* A loop: while its condition is known and true, its body, then its
 * increment; one whose condition is not known is searched. */
static void run_loop(struct run *r, tree cond, tree body, tree increment,
                 bool test_first)
{
    for (;;) {
        if (test_first && cond) {
            int c = truth(r, eval(r, cond));
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
    if (!s || r->undecided)
        return;                 /* it will be run again with an assumption */
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
        int c = truth(r, eval(r, TREE_OPERAND(s, 0)));
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

/* Runs of one helper at most: one for each set of assumptions about
 * the members of the struct it is given that decide its conditions
 * (virtio_pci_types_register needs 6). */
#define MAX_RUNS 64

/* The first parameter that points to a struct, other than a TypeInfo or
 * a class: what a helper builds types from. */
static tree struct_parameter(tree fndecl, unsigned *index)
{
    *index = 0;
    for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), ++*index)
        if (POINTER_TYPE_P(TREE_TYPE(p))
            && TREE_CODE(TREE_TYPE(TREE_TYPE(p))) == RECORD_TYPE
            && !is_type_info(TREE_TYPE(TREE_TYPE(p))))
            return p;
    return NULL_TREE;
}

/* void f(void), not inline: what type_init takes (the headers' inline
 * functions, hundreds in a unit, are not run). */
static bool may_start_qemu(tree fndecl)
{
    tree type = TREE_TYPE(fndecl);
    return VOID_TYPE_P(TREE_TYPE(type)) && TYPE_ARG_TYPES(type)
           && TREE_VALUE(TYPE_ARG_TYPES(type)) == void_type_node
           && !DECL_DECLARED_INLINE_P(fndecl);
}

/* Calls handing a struct on, by the function that makes them, until a
 * constructor registers the function (type_init): only then are they
 * calls QEMU makes. */
struct waiting_calls {
    tree fn;
    vec<struct vmsd_struct_call> calls;
};
static vec<struct waiting_calls> waiting;

static void commit_calls(struct vmsd_model *model,
                         vec<struct vmsd_struct_call> *calls)
{
    for (unsigned i = 0; i < calls->length(); i++)
        *VMSD_APPEND(model->struct_calls, model->n_struct_calls) =
            (*calls)[i];
    calls->truncate(0);
}

static void started_by_constructor(struct vmsd_model *model, tree fn)
{
    started.add(fn);
    for (unsigned i = 0; i < waiting.length(); i++)
        if (waiting[i].fn == fn)
            commit_calls(model, &waiting[i].calls);
}

/* Is ARG, given as PARM_TYPE, the enumerator MODULE_INIT_QOM (what
 * type_init gives, not block_init, opts_init...)? */
static bool is_module_init_qom(tree parm_type, tree arg)
{
    if (!parm_type || TREE_CODE(parm_type) != ENUMERAL_TYPE
        || TREE_CODE(arg) != INTEGER_CST)
        return false;
    for (tree v = TYPE_VALUES(parm_type); v; v = TREE_CHAIN(v)) {
        tree value = TREE_VALUE(v);
        if (TREE_CODE(value) == CONST_DECL)
            value = DECL_INITIAL(value);
        if (strcmp(IDENTIFIER_POINTER(TREE_PURPOSE(v)), "MODULE_INIT_QOM") == 0)
            return value && TREE_CODE(value) == INTEGER_CST
                   && tree_int_cst_equal(value, arg);
    }
    return false;
}

/* In a constructor (what type_init defines), the functions it gives
 * register_module_init for QOM. */
static tree constructor_node(tree *node, int *, void *data)
{
    tree fn = TREE_CODE(*node) == CALL_EXPR ? callee_of(*node) : NULL_TREE;
    if (!fn || call_expr_nargs(*node) < 2
        || (strcmp(function_name(fn), "register_module_init") != 0
            && strcmp(function_name(fn), "register_dso_module_init") != 0))
        return NULL_TREE;
    tree parms = TYPE_ARG_TYPES(TREE_TYPE(fn));
    if (!parms || !TREE_CHAIN(parms)
        || !is_module_init_qom(TREE_VALUE(TREE_CHAIN(parms)),
                               strip(CALL_EXPR_ARG(*node, 1))))
        return NULL_TREE;
    tree arg = strip(CALL_EXPR_ARG(*node, 0));
    if (TREE_CODE(arg) == ADDR_EXPR
        && TREE_CODE(TREE_OPERAND(arg, 0)) == FUNCTION_DECL)
        started_by_constructor((struct vmsd_model *)data,
                               TREE_OPERAND(arg, 0));
    return NULL_TREE;
}

static bool same_string(const struct vmsd_template_string *a,
                        const struct vmsd_template_string *b)
{
    if (a->n_parts != b->n_parts)
        return false;
    for (size_t i = 0; i < a->n_parts; i++)
        if (a->parts[i].member != b->parts[i].member
            || strcmp(a->parts[i].text, b->parts[i].text) != 0)
            return false;
    return true;
}

static bool same_name(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Has an earlier run of the helper registered T, relying on the same? */
static bool template_known(const struct vmsd_model *m,
                           const struct vmsd_template *t)
{
    for (size_t i = m->n_templates; i-- > 0;) {
        const struct vmsd_template *o = &m->templates[i];
        if (strcmp(o->function, t->function) != 0)
            break;              /* the runs of one helper are together */
        if (o->loc.line != t->loc.line || o->loc.column != t->loc.column
            || o->n_guards != t->n_guards
            || o->data_is_struct != t->data_is_struct
            || !same_name(o->class_init, t->class_init)
            || !same_string(&o->name, &t->name)
            || !same_string(&o->parent, &t->parent))
            continue;
        bool same = true;
        for (size_t g = 0; g < t->n_guards && same; g++)
            same = o->guards[g].set == t->guards[g].set
                   && strcmp(o->guards[g].member, t->guards[g].member) == 0;
        if (same)
            return true;
    }
    return false;
}

static void discard_template(struct vmsd_template *t)
{
    free(t->name.parts);
    free(t->parent.parts);
    free(t->guards);
}

/* What a run found becomes the model's (registrations not followed
 * counted once a call, whichever run met them). */
static void commit(struct run *r)
{
    struct vmsd_model *m = r->model;
    for (unsigned i = 0; i < r->registrations.length(); i++)
        *VMSD_APPEND(m->registrations, m->n_registrations) =
            r->registrations[i];
    for (unsigned i = 0; i < r->templates.length(); i++) {
        if (template_known(m, &r->templates[i])) {
            discard_template(&r->templates[i]);
            continue;
        }
        *VMSD_APPEND(m->templates, m->n_templates) = r->templates[i];
    }
    for (unsigned i = 0; i < r->unfollowed.length(); i++) {
        if (r->counted->add(r->unfollowed[i].call))
            continue;
        struct vmsd_unfollowed *u = VMSD_APPEND(m->unfollowed,
                                                m->n_unfollowed);
        u->function = vmsd_model_strdup(m, function_name(r->fndecl));
        u->reason = vmsd_model_strdup(m, r->unfollowed[i].reason);
        u->loc = loc_of(m, EXPR_LOC_OR_LOC(r->unfollowed[i].call,
                                           input_location));
    }
    if (started.contains(r->fndecl)) {
        commit_calls(m, &r->struct_calls);
    } else if (r->struct_calls.length()) {
        struct waiting_calls w = { r->fndecl, vNULL };
        w.calls.safe_splice(r->struct_calls);
        waiting.safe_push(w);
    }
}

/* What a run found that it must run again for. */
static void discard(struct run *r)
{
    for (unsigned i = 0; i < r->registrations.length(); i++)
        free(r->registrations[i].data);
    for (unsigned i = 0; i < r->templates.length(); i++)
        discard_template(&r->templates[i]);
    for (unsigned i = 0; i < r->struct_calls.length(); i++)
        free(r->struct_calls[i].members);
}

/* One run of FNDECL under ASSUMPTIONS; the member it needs an
 * assumption about, if any (what it found is then dropped).  Past
 * MAX_RUNS, the function is only searched: its registrations counted as
 * "paths". */
static tree run_once(struct vmsd_model *model, tree fndecl,
                     vec<struct assumption> assumptions,
                     hash_set<tree> *counted, bool only_search)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.model = model;
    r.fndecl = fndecl;
    r.param = struct_parameter(fndecl, &r.param_index);
    r.assumptions = assumptions;
    for (unsigned i = 0; i < assumptions.length(); i++)
        assumptions[i].used = false;
    r.starts_qemu = may_start_qemu(fndecl);
    hash_map<tree, unsigned> local_index;
    r.counted = counted;
    r.local_index = &local_index;
    if (only_search)
        search(&r, DECL_SAVED_TREE(fndecl), "paths");
    else
        exec(&r, DECL_SAVED_TREE(fndecl));
    tree undecided = r.undecided;
    if (undecided)
        discard(&r);
    else
        commit(&r);
    r.locals.release();
    for (unsigned i = 0; i < r.joined.length(); i++)
        r.joined[i].release();
    r.joined.release();
    r.registrations.release();
    r.templates.release();
    r.struct_calls.release();
    r.unfollowed.release();
    return undecided;
}

void vmsd_read_registrations(struct vmsd_model *model, tree fndecl)
{
    if (!DECL_SAVED_TREE(fndecl))
        return;
    if (DECL_STATIC_CONSTRUCTOR(fndecl))
        walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl),
                                     constructor_node, model);
    /* Most units mark none: an empty set is not looked into. */
    bool marked = registering.elements() && registering.contains(fndecl);
    if (!marked && !may_start_qemu(fndecl))
        return;
    if (marked)
        registering.remove(fndecl);
    /* Each set of assumptions the runs need, depth first. */
    hash_set<tree> counted;
    vec<vec<struct assumption> > todo = vNULL;
    todo.safe_push(vNULL);
    int runs = 0;
    while (!todo.is_empty()) {
        vec<struct assumption> assumptions = todo.pop();
        tree undecided = NULL_TREE;
        if (++runs <= MAX_RUNS + 1)
            undecided = run_once(model, fndecl, assumptions, &counted,
                                 runs > MAX_RUNS);
        for (int set = 0; undecided && set <= 1; set++) {
            vec<struct assumption> more = assumptions.copy();
            struct assumption a = { undecided, set != 0, false };
            more.safe_push(a);
            todo.safe_push(more);
        }
        assumptions.release();
    }
    todo.release();
}
