/* Device properties and the functions that test them, so that the tool
 * can tell which machine types a compat property keeps a subsection
 * from (docs/machines.md, "Compat properties and needed functions"):
 * each Property array's bool properties (names, member offsets and
 * defaults: no other kind can be a needed function's answer), and what each needed or field_exists function reads (the
 * struct members s->m, and whether its body is just return s->m,
 * return !s->m or return s->m && ...).  Bodies are read as the front
 * end leaves them, before they are lowered; only functions shaped as
 * a needed function (bool f(void *, ...)) are read, and at the end only
 * those a description names are kept. */
#include "plugin.h"
#include "tree-access.h"

#include "tree-iterator.h"

static tree property_tag, name_member, offset_member, info_member,
    defval_member;

void vmsd_props_reader_init(void)
{
    property_tag = get_identifier("Property");
    name_member = get_identifier("name");
    offset_member = get_identifier("offset");
    info_member = get_identifier("info");
    defval_member = get_identifier("defval");
}

static uint64_t constant_uint(tree value, bool *known)
{
    if (value)
        STRIP_NOPS(value);
    *known = value && TREE_CODE(value) == INTEGER_CST
             && tree_fits_uhwi_p(value);
    return *known ? (uint64_t)tree_to_uhwi(value) : 0;
}

/* Is the entry a bool property (.info = &qdev_prop_bool)? */
static bool is_bool_property(tree entry)
{
    tree info = address_operand(member(entry, info_member));
    return info && DECL_NAME(info)
           && strcmp(IDENTIFIER_POINTER(DECL_NAME(info)), "qdev_prop_bool")
              == 0;
}

/* A bool property's default: '1' or '0'; '-' when not a constant.
 * .defval is a union (QEMU: { int64_t i; uint64_t u; }): its one
 * initialized member. */
static char bool_default(tree entry)
{
    tree defval = member(entry, defval_member);
    if (!defval)
        return '0';
    if (TREE_CODE(defval) == CONSTRUCTOR) {
        if (CONSTRUCTOR_NELTS(defval) != 1)
            return CONSTRUCTOR_NELTS(defval) ? '-' : '0';
        defval = CONSTRUCTOR_ELT(defval, 0)->value;
    }
    bool known;
    uint64_t v = constant_uint(defval, &known);
    return known ? (v ? '1' : '0') : '-';
}

void vmsd_read_device_props(struct vmsd_model *model, tree decl)
{
    tree type = TREE_TYPE(decl);
    if (!array_of_tag(type, property_tag))
        return;
    tree ctor = constructor_of(decl);
    if (!ctor || !DECL_NAME(decl))
        return;
    struct vmsd_device_props *a = VMSD_APPEND(model->device_props,
                                              model->n_device_props);
    a->array = lasting_name(IDENTIFIER_POINTER(DECL_NAME(decl)));
    unsigned i;
    tree entry;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(ctor), i, entry) {
        bool unreadable, known;
        if (TREE_CODE(entry) != CONSTRUCTOR || !is_bool_property(entry))
            continue;           /* only a bool can select a subsection */
        char *name = string_kept(member(entry, name_member),
                                 &unreadable);
        uint64_t offset = constant_uint(member(entry, offset_member), &known);
        if (!name || !known)
            continue;           /* the end marker of older QEMUs, or
                                   nothing the tool can join */
        struct vmsd_device_property *p = VMSD_APPEND(a->props, a->n_props);
        p->name = name;
        p->offset = offset;
        p->bool_default = bool_default(entry);
    }
}

/* s->m (or s->a.b) through a pointer: the outermost struct's name and
 * the member's byte offset in it; false for anything else (a bit-field,
 * a member of a local struct, an array element). */
static bool member_read(tree t, const char **structure, uint64_t *offset)
{
    uint64_t at = 0;
    tree field = NULL_TREE;
    while (TREE_CODE(t) == COMPONENT_REF) {
        uint64_t place;
        field = TREE_OPERAND(t, 1);
        if (TREE_CODE(field) != FIELD_DECL || !member_byte_offset(field, &place))
            return false;
        at += place;
        t = TREE_OPERAND(t, 0);
    }
    if (!field || (TREE_CODE(t) != INDIRECT_REF && TREE_CODE(t) != MEM_REF))
        return false;
    *structure = vmsd_struct_name(DECL_CONTEXT(field));
    *offset = at;
    return *structure != NULL;
}

static void add_read(struct vmsd_predicate *x,
                     const char *structure, uint64_t offset)
{
    for (size_t i = 0; i < x->n_reads; i++)
        if (x->reads[i].offset == offset
            && strcmp(x->reads[i].structure, structure) == 0)
            return;
    struct vmsd_member_read *r = VMSD_APPEND(x->reads, x->n_reads);
    r->structure = lasting_name(structure);    /* an identifier's */
    r->offset = offset;
}

/* Does T read a member?  Then it is added to X. */
static void note_read(struct vmsd_predicate *x, tree t)
{
    const char *structure;
    uint64_t offset;
    if (member_read(t, &structure, &offset))
        add_read(x, structure, offset);
}

/* VALUE without its conversions between integers and bool (C's ! is
 * an int, converted to the function's bool). */
static tree strip_conversions(tree value)
{
    while (CONVERT_EXPR_P(value) || TREE_CODE(value) == NON_LVALUE_EXPR)
        value = TREE_OPERAND(value, 0);
    return value;
}

/* Is VALUE (a returned value) s->m or s->m != 0 (C's test of an
 * integer as a bool)?  Then *MEMBER is s->m. */
static bool tests_member(tree value, tree *member_ref)
{
    value = strip_conversions(value);
    if (TREE_CODE(value) == NE_EXPR && integer_zerop(TREE_OPERAND(value, 1)))
        value = strip_conversions(TREE_OPERAND(value, 0));
    const char *structure;
    uint64_t offset;
    if (TREE_CODE(value) != COMPONENT_REF
        || !member_read(value, &structure, &offset))
        return false;
    *member_ref = value;
    return true;
}

/* What the function returns, when its body is one return statement
 * after declarations: '=', '!' or '&' (and the member it tests), else
 * '?'. */
static char return_form(tree body, tree *tested)
{
    tree ret = vmsd_only_statement(body);
    if (ret && TREE_CODE(ret) != RETURN_EXPR)
        return '?';
    tree value = ret ? TREE_OPERAND(ret, 0) : NULL_TREE;
    if (value && TREE_CODE(value) == MODIFY_EXPR)
        value = TREE_OPERAND(value, 1);
    if (!value)
        return '?';
    value = strip_conversions(value);
    if (tests_member(value, tested))
        return '=';
    if ((TREE_CODE(value) == TRUTH_NOT_EXPR
         && tests_member(TREE_OPERAND(value, 0), tested))
        || (TREE_CODE(value) == BIT_XOR_EXPR
            && integer_onep(TREE_OPERAND(value, 1))
            && TREE_CODE(TREE_TYPE(value)) == BOOLEAN_TYPE
            && tests_member(TREE_OPERAND(value, 0), tested))
        || (TREE_CODE(value) == EQ_EXPR
            && integer_zerop(TREE_OPERAND(value, 1))
            && tests_member(TREE_OPERAND(value, 0), tested)))
        return '!';
    if ((TREE_CODE(value) == TRUTH_ANDIF_EXPR
         || TREE_CODE(value) == TRUTH_AND_EXPR)
        && (tests_member(TREE_OPERAND(value, 0), tested)
            || tests_member(TREE_OPERAND(value, 1), tested)))
        return '&';
    return '?';
}

/* A function shaped as a needed (bool f(void *opaque)) or field_exists
 * (bool f(void *opaque, int version_id)) function. */
static bool predicate_shaped(tree fndecl)
{
    tree type = TREE_TYPE(fndecl);
    tree first = DECL_ARGUMENTS(fndecl);
    return TREE_CODE(TREE_TYPE(type)) == BOOLEAN_TYPE && first
           && POINTER_TYPE_P(TREE_TYPE(first))
           && VOID_TYPE_P(TREE_TYPE(TREE_TYPE(first)));
}

/* A walk of a function's body for the members it reads: every s->m in
 * its statements, its expressions and its local variables'
 * initializers, in the order written, on a stack of its own (walk_tree
 * calls through the front end's hooks at every tree, and was most of
 * the cost of reading a needed function).  It starts without a set of
 * the trees seen, which costs a hash insertion a tree: meeting a shared
 * subtree again only finds reads already added.  But trees may share
 * subtrees over and over, so it gives up after WALK_WITHOUT_SET trees
 * and the body is walked again with the set, bounded by its size.  The
 * stack and the set serve every function (each costs an allocation to
 * make), at file scope: a static in a function would take a guard from
 * libstdc++, which the plugin must not load. */
enum { WALK_WITHOUT_SET = 100000 };
static struct {
    tree *trees;
    size_t depth, capacity;
} walk_stack;
static hash_set<tree> visited_in_body;

static void push(tree t)
{
    if (walk_stack.depth == walk_stack.capacity) {
        walk_stack.capacity = walk_stack.capacity ? 2 * walk_stack.capacity
                                                  : 64;
        walk_stack.trees = XRESIZEVEC(tree, walk_stack.trees,
                                      walk_stack.capacity);
    }
    walk_stack.trees[walk_stack.depth++] = t;
}

/* The parts of T that hold statements or expressions onto the stack,
 * the last first, so that they are taken in the order written. */
static void push_parts(tree t)
{
    enum tree_code code = TREE_CODE(t);
    if (code == STATEMENT_LIST) {
        for (tree_stmt_iterator i = tsi_last(t); !tsi_end_p(i); tsi_prev(&i))
            push(tsi_stmt(i));
    } else if (code == BIND_EXPR) {
        push(BIND_EXPR_BODY(t));
        size_t first = walk_stack.depth;
        for (tree decl = BIND_EXPR_VARS(t); decl; decl = DECL_CHAIN(decl))
            if (VAR_P(decl))
                push(DECL_INITIAL(decl));
        for (size_t a = first, b = walk_stack.depth; a + 1 < b; a++, b--)
            std::swap(walk_stack.trees[a], walk_stack.trees[b - 1]);
    } else if (code == CONSTRUCTOR) {
        for (unsigned i = CONSTRUCTOR_NELTS(t); i-- > 0;)
            push(CONSTRUCTOR_ELT(t, i)->value);
    } else if (EXPR_P(t)) {
        for (int i = TREE_OPERAND_LENGTH(t); i-- > 0;)
            push(TREE_OPERAND(t, i));
    }
}

/* The members BODY reads into X, TESTED (the member its return tests,
 * or NULL_TREE) first; with the set when VISITED.  False when the walk
 * without the set gave up. */
static bool walk_reads(struct vmsd_predicate *x, tree body, tree tested,
                       hash_set<tree> *visited)
{
    unsigned long visits = 0;
    if (tested)
        note_read(x, tested);
    walk_stack.depth = 0;
    push(body);
    while (walk_stack.depth) {
        tree t = walk_stack.trees[--walk_stack.depth];
        if (!t || (visited && visited->add(t)))
            continue;
        if (!visited && ++visits > WALK_WITHOUT_SET)
            return false;
        if (TREE_CODE(t) == COMPONENT_REF)
            note_read(x, t);    /* its parts read nothing more */
        else
            push_parts(t);
    }
    return true;
}

void vmsd_read_predicate(struct vmsd_model *model, tree fndecl)
{
    if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_NAME(fndecl)
        || !DECL_SAVED_TREE(fndecl) || !predicate_shaped(fndecl))
        return;
    struct vmsd_predicate *x = VMSD_APPEND(model->predicates,
                                           model->n_predicates);
    x->function = lasting_name(IDENTIFIER_POINTER(DECL_NAME(fndecl)));
    tree tested = NULL_TREE;
    x->how = return_form(DECL_SAVED_TREE(fndecl), &tested);
    if (walk_reads(x, DECL_SAVED_TREE(fndecl), tested, NULL))
        return;
    x->n_reads = 0;             /* the walk gave up: start again */
    visited_in_body.empty();
    walk_reads(x, DECL_SAVED_TREE(fndecl), tested, &visited_in_body);
}

/* Keep only the functions a description names as needed or a field as
 * field_exists, and of those only the ones that read a member. */
void vmsd_props_unit(struct vmsd_model *model)
{
    XDELETEVEC(walk_stack.trees);       /* every body is read */
    walk_stack.trees = NULL;
    walk_stack.capacity = 0;
    /* The names are the model's: the sets borrow them. */
    struct vmsd_strset named;
    memset(&named, 0, sizeof named);
    named.borrows_keys = true;
    vmsd_strset_reserve(&named, model->n_descs);   /* one needed each */
    for (size_t i = 0; i < model->n_descs; i++)
        if (model->descs[i]->needed)
            vmsd_strset_add_name(&named, model->descs[i]->needed);
    for (size_t i = 0; i < model->n_fieldlists; i++) {
        const struct vmsd_fieldlist *l = model->fieldlists[i];
        for (size_t k = 0; k < l->n_fields; k++)
            if (l->fields[k].field_exists)
                vmsd_strset_add_name(&named, l->fields[k].field_exists);
    }
    size_t kept = 0;
    for (size_t i = 0; i < model->n_predicates; i++) {
        struct vmsd_predicate *x = &model->predicates[i];
        if (x->n_reads && vmsd_strset_find_name(&named, x->function))
            model->predicates[kept++] = *x;
        else
            free(x->reads);
    }
    model->n_predicates = kept;
    vmsd_strset_free(&named);
    /* A field names its test in the facts only when the tool can use it. */
    struct vmsd_strset written;
    memset(&written, 0, sizeof written);
    written.borrows_keys = true;
    vmsd_strset_reserve(&written, model->n_predicates);
    for (size_t i = 0; i < model->n_predicates; i++)
        vmsd_strset_add_name(&written, model->predicates[i].function);
    for (size_t i = 0; i < model->n_fieldlists; i++) {
        struct vmsd_fieldlist *l = model->fieldlists[i];
        for (size_t k = 0; k < l->n_fields; k++)
            if (l->fields[k].field_exists
                && !vmsd_strset_find_name(&written, l->fields[k].field_exists))
                l->fields[k].field_exists = NULL;
    }
    vmsd_strset_free(&written);
}
