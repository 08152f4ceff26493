/* Reading VMStateDescription initializers into the model.  GCC's trees
 * are visited here and nowhere else, through typed accessors that return
 * plain data; anything of an unexpected shape reads as "unknown". */
#include "plugin.h"
#include "tree-access.h"

#include "ggc.h"

extern "C" {
#include "../checker/strbuf.h"
#include "../checker/strset.h"
}

/* Identifiers are never collected, so they can be kept: the struct tags,
 * and the member names, which are compared as pointers. */
static tree description_tag;
static tree field_tag;
/* The members read of a description's and of a field's initializer,
 * each gathered in one pass over it (gather_members).  The marker
 * member's name is an argument: NULL_TREE when there is none. */
enum desc_member {
    DESC_NAME, DESC_VERSION_ID, DESC_MINIMUM_VERSION_ID, DESC_NEEDED,
    DESC_SUBSECTIONS, DESC_FIELDS, DESC_MARKER, DESC_MEMBERS
};
enum field_member {
    FIELD_NAME, FIELD_VMSD, FIELD_FLAGS, FIELD_FIELD_EXISTS,
    FIELD_VERSION_ID, FIELD_STRUCT_VERSION_ID, FIELD_INFO, FIELD_SIZE,
    FIELD_NUM, FIELD_OFFSET, FIELD_MEMBERS
};
static tree desc_members[DESC_MEMBERS];

bool type_has_tag(tree type, tree tag)
{
    if (TREE_CODE(type) != RECORD_TYPE)
        return false;
    for (tree t = type; t; t = t == TYPE_MAIN_VARIANT(t)
                                   ? NULL_TREE : TYPE_MAIN_VARIANT(t)) {
        tree name = TYPE_NAME(t);
        if (name && TREE_CODE(name) == TYPE_DECL)
            name = DECL_NAME(name);
        if (name == tag)
            return true;
    }
    return false;
}

bool array_of_tag(tree type, tree tag)
{
    return TREE_CODE(type) == ARRAY_TYPE && type_has_tag(TREE_TYPE(type), tag);
}

static bool is_description_type(tree type)
{
    return type_has_tag(type, description_tag);
}

static bool is_description_pointer(tree type)
{
    return TREE_CODE(type) == POINTER_TYPE
           && is_description_type(TREE_TYPE(type));
}

/* The model's copy of FILE after the prefix maps.  GCC hands out one
 * pointer per file, so the last one is remembered: most locations of a
 * unit are in the file of the one before. */
static const char *model_file(struct vmsd_model *model, const char *file)
{
    static struct vmsd_model *last_model;
    static const char *last_file, *last_copy;
    if (model != last_model || file != last_file) {
        last_model = model;
        last_file = file;
        last_copy = file ? vmsd_model_intern_file(model,
                                                  vmsd_remap_file(file))
                         : NULL;
    }
    return last_copy;
}

/* The model keeps GCC's location_t as an integer of its own and hands
 * it back to GCC for diagnostics: it must hold every value. */
static_assert((location_t)-1 > 0
              && (location_t)-1 <= (decltype(vmsd_loc::host))-1,
              "GCC's location_t does not fit in vmsd_loc::host "
              "(checker/model.h)");

static struct vmsd_loc expanded_loc(struct vmsd_model *model,
                                    expanded_location x, location_t host)
{
    struct vmsd_loc out;
    out.file = model_file(model, x.file);
    out.line = x.line;
    out.column = x.column;
    out.host = host;
    return out;
}

/* LOC expanded at the use of the outermost macro it comes from, as
 * expand_location expands it, and that use into *USE: resolved once and
 * expanded from the map that resolving found, as expand_location would
 * look the map up again. */
static expanded_location expand_at_use(location_t loc, location_t *use)
{
    const line_map_ordinary *map = NULL;
    *use = linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT,
                                    &map);
    return map ? linemap_expand_location(line_table, map, *use)
               : expand_location(*use);
}

struct vmsd_loc loc_of(struct vmsd_model *model, location_t loc)
{
    location_t use;
    return expanded_loc(model, expand_at_use(loc, &use), loc);
}

/* LOC taken at the use of the outermost macro it comes from, where GCC's
 * diagnostics point (VMSTATE_UINT32(x, S), not the header's braces). */
static struct vmsd_loc resolve_macro_use(struct vmsd_model *model,
                                         location_t loc)
{
    location_t use;
    expanded_location x = expand_at_use(loc, &use);
    return expanded_loc(model, x, use);
}

static struct vmsd_loc macro_use_of(struct vmsd_model *model, location_t loc)
{
    /* A field's place is often its .vmsd's, asked for next. */
    static struct vmsd_model *last_model;
    static location_t last_loc;
    static struct vmsd_loc last_use;
    if (model == last_model && loc == last_loc)
        return last_use;
    last_model = model;
    last_loc = loc;
    last_use = resolve_macro_use(model, loc);
    return last_use;
}

static const char *decl_symbol(tree decl)
{
    return DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl))
                           : "(compound literal)";
}

static int int_value(tree value)
{
    return value && TREE_CODE(value) == INTEGER_CST && tree_fits_shwi_p(value)
           ? (int)tree_to_shwi(value) : 0;
}

static uint64_t size_value(tree value)
{
    return value && TREE_CODE(value) == INTEGER_CST && tree_fits_uhwi_p(value)
           ? (uint64_t)tree_to_uhwi(value) : 0;
}

/* Only a constant can be a null pointer: integer_zerop is a call. */
static bool is_null(tree value)
{
    value = without_nops(value);
    return !value || (CONSTANT_CLASS_P(value) && integer_zerop(value));
}

/* The operand of "&x" after conversions, or NULL_TREE. */
tree address_operand(tree value)
{
    value = without_nops(value);
    if (!value || TREE_CODE(value) != ADDR_EXPR)
        return NULL_TREE;
    tree op = TREE_OPERAND(value, 0);
    if (TREE_CODE(op) == ARRAY_REF && integer_zerop(TREE_OPERAND(op, 1))
        && !is_description_type(TREE_TYPE(op)))
        op = TREE_OPERAND(op, 0);       /* &list[0]: the list */
    if (TREE_CODE(op) == COMPOUND_LITERAL_EXPR)
        op = COMPOUND_LITERAL_EXPR_DECL(op);
    return op;
}

/* The STRING_CST of a constant string: "lit", &"lit"[0], or a const
 * char array. */
static tree string_constant(tree value, bool *unreadable)
{
    *unreadable = false;
    value = without_nops(value);        /* once, for both below */
    if (is_null(value))
        return NULL_TREE;
    tree op = address_operand(value);
    if (op && VAR_P(op) && TREE_READONLY(op) && DECL_INITIAL(op))
        op = DECL_INITIAL(op);
    if (op && TREE_CODE(op) == STRING_CST)
        return op;
    *unreadable = true;
    return NULL_TREE;
}

const char *string_value(tree value, bool *unreadable)
{
    tree str = string_constant(value, unreadable);
    return str ? TREE_STRING_POINTER(str) : NULL;
}

/* The strings the model's names point into.  A string is kept rather
 * than copied (a call and its bytes for every name read), and GCC may
 * collect garbage between parsing and the check (after the functions
 * are analysed), so they are a root until the model is freed. */
static vec<tree, va_gc> *kept_strings;
static const struct ggc_root_tab kept_roots[] = {
    { &kept_strings, 1, sizeof kept_strings, &gt_ggc_mx_vec_tree_va_gc_,
      &gt_pch_nx_vec_tree_va_gc_ },
    LAST_GGC_ROOT_TAB
};

/* STR's text, which lasts as long as the model (build_string ends it
 * with a NUL). */
static char *kept_text(tree str)
{
    if (!str)
        return NULL;
    vec_safe_push(kept_strings, str);
    return const_cast<char *>(TREE_STRING_POINTER(str));
}

char *string_kept(tree str_value, bool *unreadable)
{
    return kept_text(string_constant(str_value, unreadable));
}

void vmsd_reader_release(void)
{
    vec_free(kept_strings);
}

/* The name of the function or variable "&x" points at; "?" for an
 * address of anything else, NULL for NULL. */
char *pointee_name(tree value)
{
    value = without_nops(value);        /* once, for both below */
    if (is_null(value))
        return NULL;
    tree op = address_operand(value);
    if (op && (TREE_CODE(op) == FUNCTION_DECL || VAR_P(op)) && DECL_NAME(op))
        return lasting_name(IDENTIFIER_POINTER(DECL_NAME(op)));
    return lasting_name("?");
}

/* Does the description struct have the marker member?  Asked once per
 * struct type (by uid: no tree is kept). */
static bool has_marker_member(tree type)
{
    static int cached_uid = -1;
    static bool cached_answer;
    if (!desc_members[DESC_MARKER])
        return false;
    type = TYPE_MAIN_VARIANT(type);
    if ((int)TYPE_UID(type) != cached_uid) {
        cached_uid = (int)TYPE_UID(type);
        cached_answer = false;
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL
                && DECL_NAME(f) == desc_members[DESC_MARKER])
                cached_answer = true;
    }
    return cached_answer;
}

/* The member named NAME (an identifier) of a struct initializer, or
 * NULL_TREE. */
tree member(tree ctor, tree name)
{
    unsigned i;
    tree index, value;
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
        if (index && TREE_CODE(index) == FIELD_DECL
            && DECL_NAME(index) == name)
            return value;
    }
    return NULL_TREE;
}

/* The member names a reader gathers, by identifier, each to its place
 * in the gathered array: hashed on the pointer, so that an
 * initializer's element is placed in about one probe rather than a
 * compare with every name. */
enum { NAME_TABLE_SIZE = 32 };  /* a power of two, twice the names and more */
struct name_table {
    tree name[NAME_TABLE_SIZE];
    unsigned char place[NAME_TABLE_SIZE];
};
static struct name_table desc_names, field_names;

static unsigned name_hash(tree name)
{
    uint64_t h = (uint64_t)(uintptr_t)name * 0x9e3779b97f4a7c15u;
    return (unsigned)(h >> 59);         /* the top 5 bits: 0 .. 31 */
}

/* The table for NAMES (a NULL_TREE names none). */
static void fill_name_table(struct name_table *table, const tree *names,
                            size_t n)
{
    static_assert(NAME_TABLE_SIZE == 1 << 5, "name_hash gives 5 bits");
    gcc_assert(n < NAME_TABLE_SIZE / 2);
    memset(table, 0, sizeof *table);
    for (size_t k = 0; k < n; k++) {
        if (!names[k])
            continue;
        unsigned i = name_hash(names[k]);
        while (table->name[i] && table->name[i] != names[k])
            i = (i + 1) % NAME_TABLE_SIZE;
        if (!table->name[i]) {
            table->name[i] = names[k];
            table->place[i] = (unsigned char)k;
        }
    }
}

/* NAME's place in the gathered array, or -1.  The table is never full,
 * so the probe ends at an empty slot. */
static int name_place(const struct name_table *table, tree name)
{
    for (unsigned i = name_hash(name); table->name[i];
         i = (i + 1) % NAME_TABLE_SIZE)
        if (table->name[i] == name)
            return table->place[i];
    return -1;
}

/* The members of a struct initializer named in TABLE into VALUES (N of
 * them), NULL_TREE when absent, the first when one is given twice: one
 * pass over the initializer. */
static void gather_members(tree ctor, const struct name_table *table,
                           size_t n, tree *values)
{
    unsigned i;
    tree index, value;
    memset(values, 0, n * sizeof *values);
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
        if (!index || TREE_CODE(index) != FIELD_DECL || !DECL_NAME(index))
            continue;
        int k = name_place(table, DECL_NAME(index));
        if (k >= 0 && !values[k])
            values[k] = value;
    }
}

tree constructor_of(tree decl)
{
    tree init = DECL_INITIAL(decl);
    return init && TREE_CODE(init) == CONSTRUCTOR ? init : NULL_TREE;
}

static void read_description(struct vmsd_model *model, tree decl);
static void read_initializer(struct vmsd_model *model,
                             struct vmsd_desc *desc, tree ctor);
static void read_subsection_list(struct vmsd_model *model, tree decl);
static void read_field_list(struct vmsd_model *model, tree decl);

/* Is KEY past the end of the array type TYPE (when its size is known)? */
static bool past_end(tree type, tree key)
{
    tree domain = TREE_CODE(type) == ARRAY_TYPE ? TYPE_DOMAIN(type) : NULL_TREE;
    tree max = domain ? TYPE_MAX_VALUE(domain) : NULL_TREE;
    return max && TREE_CODE(max) == INTEGER_CST && tree_fits_uhwi_p(max)
           && tree_to_uhwi(key) > tree_to_uhwi(max);
}

/* The initializer of EXPR, an element of an array or a member of a
 * struct (arr[2], s.dev, s.devs[1].x), into *INIT: NULL_TREE when the
 * variable's initializer leaves it zero-filled.  False when this unit
 * cannot see it (an extern variable, a variable index).  *BASE gets the
 * variable, and TEXT its spelling. */
static bool element_initializer(tree expr, tree *base, tree *init,
                                struct vmsd_strbuf *text)
{
    *init = NULL_TREE;
    if (VAR_P(expr)) {
        *base = expr;
        vmsd_strbuf_puts(text, decl_symbol(expr));
        *init = constructor_of(expr);
        return *init || (!DECL_EXTERNAL(expr) && !DECL_INITIAL(expr));
    }
    bool is_array = TREE_CODE(expr) == ARRAY_REF;
    tree outer;
    if ((!is_array && TREE_CODE(expr) != COMPONENT_REF)
        || !element_initializer(TREE_OPERAND(expr, 0), base, &outer, text))
        return false;
    tree key = TREE_OPERAND(expr, 1);
    if (is_array && (TREE_CODE(key) != INTEGER_CST || !tree_fits_uhwi_p(key)
                     || past_end(TREE_TYPE(TREE_OPERAND(expr, 0)), key)))
        return false;
    if (is_array)
        vmsd_strbuf_printf(text, "[%lu]", (unsigned long)tree_to_uhwi(key));
    else
        vmsd_strbuf_printf(text, ".%s", DECL_NAME(key)
                           ? IDENTIFIER_POINTER(DECL_NAME(key)) : "?");
    if (!outer)
        return true;            /* zero-filled, and so is this */
    if (TREE_CODE(outer) != CONSTRUCTOR)
        return false;
    unsigned i;
    tree index, value;
    unsigned HOST_WIDE_INT next = 0;
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(outer), i, index, value) {
        if (!is_array) {
            if (index == key)
                return (*init = value), true;
            continue;
        }
        unsigned HOST_WIDE_INT lo = next, hi = next;
        if (index && TREE_CODE(index) == RANGE_EXPR
            && tree_fits_uhwi_p(TREE_OPERAND(index, 0))
            && tree_fits_uhwi_p(TREE_OPERAND(index, 1))) {
            lo = tree_to_uhwi(TREE_OPERAND(index, 0));
            hi = tree_to_uhwi(TREE_OPERAND(index, 1));
        } else if (index && tree_fits_uhwi_p(index)) {
            lo = hi = tree_to_uhwi(index);
        }
        if (lo <= tree_to_uhwi(key) && tree_to_uhwi(key) <= hi)
            return (*init = value), true;
        next = hi + 1;
    }
    return true;                /* zero-filled: a description without a name */
}

/* A description that is an element or a member (see above), read as one
 * of the unit's: its id is made up, kept for its spelling; it is static,
 * as only this unit sees the initializer. */
static uint32_t read_element(struct vmsd_model *model, tree expr,
                             const char **symbol)
{
    static struct vmsd_strset made;     /* spelling -> uid */
    static struct vmsd_model *made_for;
    static uint32_t next_uid = 0x80000000u;     /* above GCC's DECL_UIDs */
    tree base = NULL_TREE, ctor;
    struct vmsd_strbuf text = {};
    if (!element_initializer(expr, &base, &ctor, &text)
        || (ctor && TREE_CODE(ctor) != CONSTRUCTOR)) {
        free(text.data);
        return 0;
    }
    if (made_for != model) {
        vmsd_strset_free(&made);
        made_for = model;
    }
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&made, text.data);
    free(text.data);
    *symbol = slot->key;
    if (slot->value)
        return (uint32_t)(uintptr_t)slot->value;
    uint32_t uid = next_uid++;
    slot->value = (void *)(uintptr_t)uid;
    struct vmsd_desc *desc = vmsd_model_desc(model, uid);
    desc->symbol = vmsd_model_strdup(model, slot->key);
    desc->loc = loc_of(model, DECL_SOURCE_LOCATION(base));
    desc->linkage = VMSD_LINK_STATIC;
    desc->defined = true;
    if (ctor)
        read_initializer(model, desc, ctor);
    return uid;
}

/* What "base + N" (or "base", an array) points at, spelled as
 * "&base[N]" (an ARRAY_REF) so that all are read alike: BASE an array of
 * descriptions or one of its elements, N a constant (GCC gives it in
 * bytes).  NULL_TREE for any other address, or one that leaves the
 * array. */
static tree offset_element(tree value)
{
    value = without_nops(value);
    bool sum = TREE_CODE(value) == POINTER_PLUS_EXPR;
    tree base = address_operand(sum ? TREE_OPERAND(value, 0) : value);
    tree offset = sum ? TREE_OPERAND(value, 1) : size_zero_node;
    if (!base || TREE_CODE(offset) != INTEGER_CST)
        return NULL_TREE;
    tree array = base;
    HOST_WIDE_INT index = 0;
    if (TREE_CODE(base) == ARRAY_REF) {
        if (TREE_CODE(TREE_OPERAND(base, 1)) != INTEGER_CST
            || !tree_fits_shwi_p(TREE_OPERAND(base, 1)))
            return NULL_TREE;
        array = TREE_OPERAND(base, 0);
        index = tree_to_shwi(TREE_OPERAND(base, 1));
    }
    tree type = TREE_TYPE(array);
    if (TREE_CODE(type) != ARRAY_TYPE
        || !is_description_type(TREE_TYPE(type)))
        return NULL_TREE;       /* &x + 1 is past x */
    tree element_size = TYPE_SIZE_UNIT(TREE_TYPE(type));
    HOST_WIDE_INT bytes = int_cst_value(offset);        /* sign-extended */
    if (!element_size || !tree_fits_shwi_p(element_size)
        || tree_to_shwi(element_size) <= 0
        || bytes % tree_to_shwi(element_size) != 0)
        return NULL_TREE;
    index += bytes / tree_to_shwi(element_size);
    if (index < 0)
        return NULL_TREE;
    return build4(ARRAY_REF, TREE_TYPE(type), array, size_int(index),
                  NULL_TREE, NULL_TREE);
}

/* "&x" (or "base + N") where x is a description: its uid, reading x
 * first when it is a compound literal (GCC reports no declaration for
 * those) or an element of an array or struct.  uid 0: an address
 * vmsdcheck cannot follow. */
void read_reference(struct vmsd_model *model, tree value,
                           location_t fallback, struct vmsd_ref *ref)
{
    if (is_null(value)) {
        ref->is_null = true;    /* a constant: GCC keeps no location */
        return;
    }
    tree op = offset_element(value);
    if (!op)
        op = address_operand(value);
    ref->loc = loc_of(model, EXPR_LOC_OR_LOC(value, fallback));
    if (!op || !is_description_type(TREE_TYPE(op)))
        return;
    if (!VAR_P(op)) {
        const char *symbol = NULL;
        ref->uid = read_element(model, op, &symbol);
        ref->symbol = vmsd_model_strdup(model, symbol);
        return;
    }
    if (DECL_ARTIFICIAL(op))
        read_description(model, op);
    ref->uid = DECL_UID(op);
    ref->symbol = lasting_name(decl_symbol(op));
}

/* The uid of the array a list member names (reading a compound literal
 * now); 0 for NULL or for anything that is not an array of ours. */
static uint32_t list_uid(struct vmsd_model *model, tree value,
                         void (*read)(struct vmsd_model *, tree))
{
    tree op = address_operand(value);
    if (!op || !VAR_P(op))
        return 0;
    if (DECL_ARTIFICIAL(op))
        read(model, op);
    return DECL_UID(op);
}

static void read_description(struct vmsd_model *model, tree decl)
{
    struct vmsd_desc *desc = vmsd_model_desc(model, DECL_UID(decl));
    tree ctor = constructor_of(decl);

    if (!desc->symbol) {
        desc->symbol = lasting_name(decl_symbol(decl));
        if (!ctor)              /* else taken below */
            desc->loc = loc_of(model, DECL_SOURCE_LOCATION(decl));
    }
    if (desc->defined && !ctor)
        return;                 /* a redeclaration after the definition */
    desc->linkage = DECL_EXTERNAL(decl) ? VMSD_LINK_EXTERN
                    : TREE_PUBLIC(decl) ? VMSD_LINK_GLOBAL : VMSD_LINK_STATIC;
    /* Without an initializer, a declaration that is not extern is a
     * tentative definition: C zero-fills it if nothing follows. */
    desc->defined = ctor || !DECL_EXTERNAL(decl);
    if (!ctor)
        return;
    desc->loc = loc_of(model, DECL_SOURCE_LOCATION(decl));
    read_initializer(model, desc, ctor);
}

/* The members of a description's initializer. */
static void read_initializer(struct vmsd_model *model,
                             struct vmsd_desc *desc, tree ctor)
{
    tree m[DESC_MEMBERS];
    gather_members(ctor, &desc_names, DESC_MEMBERS, m);
    desc->name = string_kept(m[DESC_NAME], &desc->name_unreadable);
    desc->version_id = int_value(m[DESC_VERSION_ID]);
    desc->minimum_version_id = int_value(m[DESC_MINIMUM_VERSION_ID]);
    desc->needed = pointee_name(m[DESC_NEEDED]);
    desc->marker = !has_marker_member(TREE_TYPE(ctor)) ? VMSD_MARKER_ABSENT
                   : is_null(m[DESC_MARKER])
                   ? VMSD_MARKER_CLEAR : VMSD_MARKER_SET;
    desc->subsections_uid = list_uid(model, m[DESC_SUBSECTIONS],
                                     read_subsection_list);
    desc->fields_uid = list_uid(model, m[DESC_FIELDS], read_field_list);
}

/* An array index, or 'otherwise' when it is not a small constant. */
static unsigned HOST_WIDE_INT index_value(tree index,
                                          unsigned HOST_WIDE_INT otherwise)
{
    return TREE_CODE(index) == INTEGER_CST && tree_fits_uhwi_p(index)
           ? tree_to_uhwi(index) : otherwise;
}

/* Too long to read: no slots, and subsection-unchecked says so. */
static void list_too_long(struct vmsd_sublist *list)
{
    list->n_slots = 0;
    list->too_long = true;
}

/* Array initializers may use designators ([2] = &x) and ranges
 * ([0 ... 3] = &x); slots with no initializer are NULL. */
static void read_subsection_list(struct vmsd_model *model, tree decl)
{
    tree ctor = constructor_of(decl);
    if (!ctor)
        return;                 /* declared only: read when defined */
    struct vmsd_sublist *list = vmsd_model_add_sublist(model, DECL_UID(decl));
    if (!list)
        return;
    tree domain = TYPE_DOMAIN(TREE_TYPE(decl));
    tree max = domain ? TYPE_MAX_VALUE(domain) : NULL_TREE;
    if (max && TREE_CODE(max) == INTEGER_CST && tree_fits_uhwi_p(max)
        && tree_to_uhwi(max) >= VMSD_MAX_LIST_SLOTS) {
        list_too_long(list);    /* known from its size, before reading */
        return;
    }

    unsigned HOST_WIDE_INT next = 0;
    unsigned i;
    tree index, value;
    location_t fallback = DECL_SOURCE_LOCATION(decl);
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
        unsigned HOST_WIDE_INT lo = next, hi = next;
        if (index && TREE_CODE(index) == RANGE_EXPR) {
            lo = index_value(TREE_OPERAND(index, 0), next);
            hi = index_value(TREE_OPERAND(index, 1), lo);
        } else if (index) {
            lo = hi = index_value(index, next);
        }
        if (hi < lo)
            return;             /* not a list anybody writes */
        if (hi >= VMSD_MAX_LIST_SLOTS) {
            list_too_long(list);
            return;
        }
        while (list->n_slots < lo)       /* a gap is NULL */
            vmsd_sublist_append(model, list)->is_null = true;
        for (unsigned HOST_WIDE_INT k = lo; k <= hi; k++) {
            struct vmsd_ref *slot = k < list->n_slots
                                    ? &list->slots[k] : vmsd_sublist_append(model, list);
            memset(slot, 0, sizeof *slot);
            read_reference(model, value, fallback, slot);
        }
        next = hi + 1;
    }
    /* Slots past the last initializer of a sized array are NULL too. */
    if (max && TREE_CODE(max) == INTEGER_CST && tree_fits_uhwi_p(max)
        && tree_to_uhwi(max) + 1 > list->n_slots)
        vmsd_sublist_append(model, list)->is_null = true;
}

/* Where a field's entry is written (taken at its macro's use by the
 * caller).  GCC keeps no place for an initializer's braces.  An address
 * the entry spells (.info = &x, .vmsd = &x, .field_exists = f) has its
 * own; a string's (.name) is made when the initializer is converted and
 * gets a place of that moment, a designator or the braces, or an
 * enclosing initializer's when a list stands on one line.  So the first
 * address of anything but a string, else the first member with a place,
 * else FALLBACK. */
static location_t field_location(tree ctor, location_t fallback)
{
    unsigned i;
    tree value;
    location_t loc = UNKNOWN_LOCATION;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(ctor), i, value) {
        value = without_nops(value);
        if (!EXPR_HAS_LOCATION(value))
            continue;
        if (loc == UNKNOWN_LOCATION)
            loc = EXPR_LOCATION(value);
        if (TREE_CODE(value) == ADDR_EXPR
            && TREE_CODE(TREE_OPERAND(value, 0)) != STRING_CST) {
            loc = EXPR_LOCATION(value);
            break;
        }
    }
    return loc != UNKNOWN_LOCATION ? loc : fallback;
}

/* A field's entry CTOR, its members M, its NAME (read by the caller:
 * a STRING_CST, or NULL_TREE). */
static void read_field(struct vmsd_model *model, struct vmsd_fieldlist *list,
                       tree ctor, const tree *m, tree name,
                       location_t fallback)
{
    tree vmsd = m[FIELD_VMSD];
    struct vmsd_field *field = vmsd_fieldlist_append(model, list);
    field->name = kept_text(name);
    field->flags = (uint32_t)int_value(m[FIELD_FLAGS]);
    field->has_field_exists = !is_null(m[FIELD_FIELD_EXISTS]);
    if (field->has_field_exists)
        field->field_exists = pointee_name(m[FIELD_FIELD_EXISTS]);
    field->version_id = int_value(m[FIELD_VERSION_ID]);
    field->struct_version_id = int_value(m[FIELD_STRUCT_VERSION_ID]);
    field->size = size_value(m[FIELD_SIZE]);
    field->offset = size_value(m[FIELD_OFFSET]);
    field->num = int_value(m[FIELD_NUM]);
    field->info = pointee_name(m[FIELD_INFO]);
    field->loc = macro_use_of(model, field_location(ctor, fallback));
    if (!is_null(vmsd)) {
        read_reference(model, vmsd, fallback, &field->vmsd);
        /* Fields are written with macros: point at the macro's use. */
        field->vmsd.loc = macro_use_of(model, field->vmsd.loc.host);
    }
}

/* The list ends at its first entry without a name, which is how
 * VMSTATE_END_OF_LIST() looks; the first named entry after it, which
 * nothing reads, is kept to be reported. */
static void read_field_list(struct vmsd_model *model, tree decl)
{
    tree ctor = constructor_of(decl);
    if (!ctor)
        return;
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(model,
                                                           DECL_UID(decl));
    if (!list)
        return;

    unsigned i;
    tree value;
    bool unreadable;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(ctor), i, value) {
        if (TREE_CODE(value) != CONSTRUCTOR)
            break;
        tree m[FIELD_MEMBERS];
        gather_members(value, &field_names, FIELD_MEMBERS, m);
        tree name = string_constant(m[FIELD_NAME], &unreadable);
        if (list->terminated && name) {
            list->after_end = kept_text(name);
            list->after_end_loc = macro_use_of(model, field_location(
                value, DECL_SOURCE_LOCATION(decl)));
            break;
        }
        if (list->terminated)
            continue;
        if (!name && !unreadable)
            list->terminated = true;
        else
            read_field(model, list, value, m, name,
                       DECL_SOURCE_LOCATION(decl));
    }
}

void vmsd_reader_init(const char *plugin_name, const char *marker_field)
{
    register_callback(plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
                      (void *)kept_roots);
    description_tag = get_identifier("VMStateDescription");
    field_tag = get_identifier("VMStateField");
    static const char *const desc_spelling[DESC_MARKER] = {
        "name", "version_id", "minimum_version_id", "needed", "subsections",
        "fields"
    };
    static const char *const field_spelling[FIELD_MEMBERS] = {
        "name", "vmsd", "flags", "field_exists", "version_id",
        "struct_version_id", "info", "size", "num", "offset"
    };
    for (int i = 0; i < DESC_MARKER; i++)
        desc_members[i] = get_identifier(desc_spelling[i]);
    desc_members[DESC_MARKER] = marker_field ? get_identifier(marker_field)
                                             : NULL_TREE;
    tree field_members[FIELD_MEMBERS];
    for (int i = 0; i < FIELD_MEMBERS; i++)
        field_members[i] = get_identifier(field_spelling[i]);
    fill_name_table(&desc_names, desc_members, DESC_MEMBERS);
    fill_name_table(&field_names, field_members, FIELD_MEMBERS);
}

void vmsd_read_decl(struct vmsd_model *model, tree decl)
{
    if (!VAR_P(decl) || TREE_TYPE(decl) == error_mark_node)
        return;
    tree type = TREE_TYPE(decl);
    if (is_description_type(type)) {
        read_description(model, decl);
    } else if (TREE_CODE(type) == ARRAY_TYPE) {
        tree element = TREE_TYPE(type);
        if (is_description_pointer(element))
            read_subsection_list(model, decl);
        else if (type_has_tag(element, field_tag))
            read_field_list(model, decl);
    }
}

bool member_byte_offset(tree field, uint64_t *out)
{
    tree bytes = DECL_FIELD_OFFSET(field), bits = DECL_FIELD_BIT_OFFSET(field);
    if (DECL_BIT_FIELD(field) || TREE_CODE(bytes) != INTEGER_CST
        || TREE_CODE(bits) != INTEGER_CST || !tree_fits_uhwi_p(bytes)
        || !tree_fits_uhwi_p(bits) || tree_to_uhwi(bits) % BITS_PER_UNIT)
        return false;
    *out = tree_to_uhwi(bytes) + tree_to_uhwi(bits) / BITS_PER_UNIT;
    return true;
}
