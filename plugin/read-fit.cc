/* Which struct a description is of, and which struct a QOM type's
 * instances are, so that the tool can tell a description attached to a
 * device whose instances are another struct (description-misfit).
 *
 * A description's fields are offsetof() values, folded to numbers by the
 * time the plugin sees them: its struct is found by matching, among the
 * structs the unit defines, those whose members have every field's name
 * (the part before the first '.', '[' or "->"), its offset (within the
 * member) and its size.  A type's instance struct is what its QOM cast
 * function returns (OBJECT_DECLARE_*, OBJECT_CHECK: a static function
 * returning Foo * from object_dynamic_cast_assert(obj,
 * "type-name", ...)).  What sits at offset 0 of a struct (its parent:
 * ISAVGAState's ISADevice, whose DeviceState, whose Object) is written
 * for the structs the tool compares with, so that a description of a
 * parent struct fits. */
#include "plugin.h"
#include "tree-access.h"

#include "ggc.h"
#include "tree-iterator.h"

extern "C" {
#include "../checker/strset.h"
}

/* The unit's complete structs, in the order met, and its casts
 * (TREE_PURPOSE the type name's identifier, TREE_VALUE the struct).  GCC
 * may collect garbage between parsing and the check (after the functions
 * are analysed), so both are roots; they are dropped after the check. */
static vec<tree, va_gc> *record_types;
static tree casts;
/* The structs already listed: a bit per TYPE_UID (a unit's struct
 * specifiers, one event each, name the same few thousand types again
 * and again). */
static unsigned char *noted_types;
static size_t noted_bytes;

static const struct ggc_root_tab fit_roots[] = {
    { &record_types, 1, sizeof record_types, &gt_ggc_mx_vec_tree_va_gc_,
      &gt_pch_nx_vec_tree_va_gc_ },
    { &casts, 1, sizeof casts, &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
    LAST_GGC_ROOT_TAB
};

static tree cast_function;      /* object_dynamic_cast_assert */

/* QEMU's VMStateFlags that say how far a field reaches into its
 * member. */
enum {
    FIELD_POINTER = 0x002,
    FIELD_STRUCT = 0x008,
    FIELD_VBUFFER = 0x100,
    FIELD_VSTRUCT = 0x8000,
};

void vmsd_fit_init(const char *plugin_name)
{
    register_callback(plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
                      (void *)fit_roots);
    cast_function = get_identifier("object_dynamic_cast_assert");
}

/* Was TYPE not noted yet?  It is from now on. */
static bool note_once(tree type)
{
    size_t uid = TYPE_UID(type), byte = uid / 8;
    if (byte >= noted_bytes) {
        size_t bytes = MAX(2 * noted_bytes, byte + 1);
        noted_types = XRESIZEVEC(unsigned char, noted_types, bytes);
        memset(noted_types + noted_bytes, 0, bytes - noted_bytes);
        noted_bytes = bytes;
    }
    unsigned char bit = (unsigned char)(1u << uid % 8);
    bool first = !(noted_types[byte] & bit);
    noted_types[byte] |= bit;
    return first;
}

void vmsd_fit_note_type(tree type)
{
    if (!type || !RECORD_OR_UNION_TYPE_P(type) || !COMPLETE_TYPE_P(type))
        return;
    type = TYPE_MAIN_VARIANT(type);
    if (note_once(type))
        vec_safe_push(record_types, type);
}

/* The only statement of a function body but declarations (__func__
 * is one) and -g's debug markers, or NULL_TREE. */
tree vmsd_only_statement(tree body)
{
    if (body && TREE_CODE(body) == BIND_EXPR)
        body = BIND_EXPR_BODY(body);
    if (!body || TREE_CODE(body) != STATEMENT_LIST)
        return body;
    tree only = NULL_TREE;
    for (tree_stmt_iterator i = tsi_start(body); !tsi_end_p(i); tsi_next(&i)) {
        if (TREE_CODE(tsi_stmt(i)) == DECL_EXPR
            || TREE_CODE(tsi_stmt(i)) == DEBUG_BEGIN_STMT)
            continue;
        if (only)
            return NULL_TREE;
        only = tsi_stmt(i);
    }
    return only;
}

/* "static inline Foo *F(const void *obj) { return (Foo *)
 * object_dynamic_cast_assert(obj, "name", ...); }" ties "name" to Foo;
 * a body that does more may return another object than it casts. */
void vmsd_fit_read_function(tree fndecl)
{
    if (!fndecl || TREE_PUBLIC(fndecl))
        return;
    tree returned = TREE_TYPE(TREE_TYPE(fndecl));
    if (!returned || TREE_CODE(returned) != POINTER_TYPE
        || TREE_CODE(TREE_TYPE(returned)) != RECORD_TYPE)
        return;
    tree ret = vmsd_only_statement(DECL_SAVED_TREE(fndecl));
    if (!ret || TREE_CODE(ret) != RETURN_EXPR)
        return;
    tree value = TREE_OPERAND(ret, 0);
    if (value && (TREE_CODE(value) == MODIFY_EXPR
                  || TREE_CODE(value) == INIT_EXPR))
        value = TREE_OPERAND(value, 1);
    if (!value)
        return;
    STRIP_NOPS(value);
    if (TREE_CODE(value) != CALL_EXPR || call_expr_nargs(value) < 2)
        return;
    tree callee = get_callee_fndecl(value);
    if (!callee || DECL_NAME(callee) != cast_function)
        return;
    bool unreadable;
    const char *name = string_value(CALL_EXPR_ARG(value, 1), &unreadable);
    if (!name)
        return;
    casts = tree_cons(get_identifier(name),
                      TYPE_MAIN_VARIANT(TREE_TYPE(returned)), casts);
}

/* A struct's name across units: its tag, else a typedef's name (a
 * typedef makes a variant named by it); NULL when it has neither. */
const char *vmsd_struct_name(tree type)
{
    type = TYPE_MAIN_VARIANT(type);
    tree name = TYPE_NAME(type);
    if (name && TREE_CODE(name) == IDENTIFIER_NODE)
        return IDENTIFIER_POINTER(name);
    for (tree v = type; v; v = TYPE_NEXT_VARIANT(v)) {
        name = TYPE_NAME(v);
        if (name && TREE_CODE(name) == TYPE_DECL && DECL_NAME(name))
            return IDENTIFIER_POINTER(DECL_NAME(name));
    }
    return NULL;
}

static bool constant_size(tree size, uint64_t *out)
{
    if (!size || TREE_CODE(size) != INTEGER_CST || !tree_fits_uhwi_p(size))
        return false;
    *out = tree_to_uhwi(size);
    return true;
}

/* A member found by name, through anonymous members as offsetof finds
 * it. */
struct found_member {
    tree decl;
    uint64_t offset;
    uint64_t size;              /* UINT64_MAX: a flexible array */
};

static bool find_member(tree record, tree name, uint64_t base,
                        struct found_member *out)
{
    for (tree f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
        uint64_t at;
        if (TREE_CODE(f) != FIELD_DECL || (DECL_NAME(f) && DECL_NAME(f) != name)
            || !member_byte_offset(f, &at))
            continue;           /* the name first: offsets cost more */
        if (!DECL_NAME(f)) {
            if (RECORD_OR_UNION_TYPE_P(TREE_TYPE(f))
                && find_member(TREE_TYPE(f), name, base + at, out))
                return true;
            continue;
        }
        out->decl = f;
        out->offset = base + at;
        if (!constant_size(DECL_SIZE_UNIT(f), &out->size))
            out->size = UINT64_MAX;
        return true;
    }
    return false;
}

/* Is NAME spelled SPELLING?  The first letters are compared first:
 * most names differ there, and a call to strcmp costs more. */
static bool spelled(const char *name, const char *spelling)
{
    return name[0] == spelling[0] && strcmp(name, spelling) == 0;
}

/* Does a field take its place in the struct?  Not an entry that sends
 * nothing of it (VMSTATE_VALIDATE), skips bytes (VMSTATE_UNUSED: named
 * "unused", as the field rules take it) or works on a temporary struct
 * (VMSTATE_WITH_TMP). */
static bool field_in_struct(const struct vmsd_field *f)
{
    return f->name && !(f->flags & VMSD_VMS_MUST_EXIST)
           && !spelled(f->name, "unused")
           && !(f->info && spelled(f->info, "vmstate_info_tmp"));
}

/* The member a field names: its name up to the first '.', '[' or "->",
 * as an identifier; NULL_TREE when no identifier of that spelling
 * exists (then no struct has such a member).  *WHOLE: the field is the
 * member itself. */
static tree member_name(const struct vmsd_field *f, bool *whole)
{
    size_t n = strcspn(f->name, ".[-");
    *whole = f->name[n] == '\0';
    if (*whole)
        return maybe_get_identifier(f->name);
    char *prefix = xstrndup(f->name, n);
    tree id = maybe_get_identifier(prefix);
    free(prefix);
    return id;
}

/* Does field F lie within member M?  Its offset must, and so must its
 * size when no .info reads it: an info's functions are handed the
 * field's address and size and may read through a pointer
 * (vmstate_info_pci_config, GTree and list infos), so only a field
 * without one (a nested struct) says how far it reaches. */
static bool field_fits(const struct vmsd_field *f,
                       const struct found_member *m)
{
    if (f->offset < m->offset || f->offset - m->offset > m->size)
        return false;
    if (f->info)
        return true;
    uint64_t room = m->size - (f->offset - m->offset);
    uint64_t reach = f->size;
    if (f->flags & FIELD_POINTER)
        reach = tree_to_uhwi(TYPE_SIZE_UNIT(ptr_type_node));
    else if (f->flags & FIELD_VBUFFER)
        reach = 0;              /* its size is another field's */
    else if ((f->flags & VMSD_VMS_ARRAY) && f->num > 0) {
        if (f->size && (uint64_t)f->num > UINT64_MAX / f->size)
            return false;
        reach = f->size * (uint64_t)f->num;
    }
    return reach <= room;
}

/* A description's fields that take their place in the struct, each
 * with the identifier of the member it names: worked out once per
 * description, not once per struct it is tried against. */
struct placed_field {
    struct vmsd_field *field;
    tree member;                /* NULL_TREE: no struct has it */
    bool whole;
};

static void place_fields(struct vmsd_fieldlist *list,
                         auto_vec<placed_field> &placed)
{
    for (size_t i = 0; list && i < list->n_fields; i++) {
        struct vmsd_field *f = &list->fields[i];
        if (!field_in_struct(f))
            continue;
        struct placed_field p;
        p.field = f;
        p.member = member_name(f, &p.whole);
        placed.safe_push(p);
    }
}

static bool struct_matches(tree record, const placed_field *placed,
                           unsigned n_placed)
{
    for (unsigned i = 0; i < n_placed; i++) {
        struct found_member m;
        if (!placed[i].member
            || !find_member(record, placed[i].member, 0, &m)
            || !field_fits(placed[i].field, &m))
            return false;
    }
    return true;
}

/* The struct or union a member holds: an array's element, a pointer's
 * pointee, down to it; NULL_TREE when it holds none. */
static tree held_struct(tree type)
{
    while (TREE_CODE(type) == ARRAY_TYPE || TREE_CODE(type) == POINTER_TYPE)
        type = TREE_TYPE(type);
    return RECORD_OR_UNION_TYPE_P(type) ? TYPE_MAIN_VARIANT(type)
                                        : NULL_TREE;
}

/* The structs of the unit that have a member of a given name, and how
 * many they are: a list through the pass's links, in the heap rather
 * than GCC's collected memory, which a unit's end does not collect. */
struct holder_link {
    tree structure;
    unsigned next;              /* 1 + the next link's index, 0: none */
};

struct holders {
    unsigned first;             /* 1 + the newest link's index, 0: none */
    unsigned count;
};

/* The member names descriptions need: a set, and a filter of a bit per
 * name's hash that answers "not needed" for most other names without
 * the set's lookup (a unit's structs have ten thousand members). */
struct needed_names {
    hash_set<tree> set;
    uint64_t filter[64];
};

static size_t filter_bit(tree name)
{
    uintptr_t bits = (uintptr_t)name;
    return (bits >> 3 ^ bits >> 15) % (64 * 64);
}

static void need_name(struct needed_names &needed, tree name)
{
    needed.set.add(name);
    needed.filter[filter_bit(name) / 64] |= 1ull << filter_bit(name) % 64;
}

static bool name_needed(struct needed_names &needed, tree name)
{
    return needed.filter[filter_bit(name) / 64] >> filter_bit(name) % 64 & 1
           && needed.set.contains(name);
}

/* The members of every struct are walked once, and only names some
 * description needs are looked at. */
static void index_members(tree record, tree top, struct needed_names &needed,
                          hash_map<tree, holders> &index,
                          vec<holder_link> &links)
{
    for (tree f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
        if (TREE_CODE(f) != FIELD_DECL)
            continue;
        if (!DECL_NAME(f)) {
            uint64_t at;
            if (RECORD_OR_UNION_TYPE_P(TREE_TYPE(f)) && member_byte_offset(f, &at))
                index_members(TREE_TYPE(f), top, needed, index, links);
        } else if (name_needed(needed, DECL_NAME(f))) {
            holders &h = index.get_or_insert(DECL_NAME(f));
            links.safe_push({ top, h.first });
            h.first = links.length();
            h.count++;
        }
    }
}

/* The fewest structs any of a description's members is found in: only
 * they can match.  NULL when a member is in none. */
static const holders *fewest_holders(const placed_field *placed,
                                     unsigned n_placed,
                                     hash_map<tree, holders> &index)
{
    const holders *fewest = NULL;
    for (unsigned i = 0; i < n_placed; i++) {
        const holders *h = placed[i].member ? index.get(placed[i].member)
                                            : NULL;
        if (!h)
            return NULL;
        if (!fewest || h->count < fewest->count)
            fewest = h;
    }
    return fewest;
}

/* What the fit pass of one unit gathers: the structs whose heads are
 * written, in the order first met (the facts are reproducible). */
struct fit {
    struct vmsd_model *model;
    auto_vec<tree> involved;
};

/* The member type of a field that loads a struct member inline, when
 * every matching struct agrees on it. */
static void note_member_types(struct fit *fit, const placed_field *placed,
                              unsigned n_placed, const tree *matched,
                              unsigned n_matched)
{
    for (unsigned i = 0; i < n_placed; i++) {
        struct vmsd_field *f = placed[i].field;
        if (!vmsd_field_nests(f)
            || !(f->flags & (FIELD_STRUCT | FIELD_VSTRUCT)))
            continue;
        tree held = NULL_TREE;
        bool agreed = placed[i].whole && placed[i].member;
        for (unsigned k = 0; agreed && k < n_matched; k++) {
            struct found_member m;
            tree s = find_member(matched[k], placed[i].member, 0, &m)
                     && m.offset == f->offset
                     ? held_struct(TREE_TYPE(m.decl)) : NULL_TREE;
            agreed = s && (!held || s == held) && vmsd_struct_name(s);
            held = s;
        }
        f->member_type = NULL;
        if (agreed && held) {
            f->member_type = lasting_name(vmsd_struct_name(held));
            fit->involved.safe_push(held);
        }
    }
}

/* Bounds on one description's matching, so that a unit of many structs
 * of one layout costs linear time: past MAX_MATCHED structs its fields
 * match, or MAX_TRIED tried, the struct it is of is left untold (the
 * tool then counts it undecided, as for a struct without a name). */
enum { MAX_MATCHED = 32, MAX_TRIED = 256 };

/* What a description's fields say of its struct, all that matching
 * reads: descriptions of the same fields (a device's many instances of
 * one layout) are matched once. */
struct field_key {
    tree member;
    uint64_t offset, size;
    int32_t num;
    uint32_t flags;
    bool whole, has_info;
};

static void layout_key(const placed_field *placed, unsigned n_placed,
                       auto_vec<field_key> &key)
{
    for (unsigned i = 0; i < n_placed; i++) {
        const struct vmsd_field *f = placed[i].field;
        struct field_key k;
        memset(&k, 0, sizeof k);        /* the padding is hashed too */
        k.member = placed[i].member;
        k.offset = f->offset;
        k.size = f->size;
        k.num = f->num;
        k.flags = f->flags;
        k.whole = placed[i].whole;
        k.has_info = f->info != NULL;
        key.safe_push(k);
    }
}

/* The structs a layout matches: a run of the pass's matched list. */
struct layout_match {
    unsigned first, count;
    bool told, named;
};

static struct layout_match match_layout(const placed_field *placed,
                                        unsigned n_placed,
                                        hash_map<tree, holders> &index,
                                        const vec<holder_link> &links,
                                        vec<tree> &all_matched)
{
    struct layout_match r = { all_matched.length(), 0, true, true };
    const holders *candidates = fewest_holders(placed, n_placed, index);
    unsigned tried = 0;
    for (unsigned c = candidates ? candidates->first : 0; c && r.told;
         c = links[c - 1].next) {
        tree structure = links[c - 1].structure;
        r.told = ++tried <= MAX_TRIED && r.count < MAX_MATCHED;
        if (r.told && struct_matches(structure, placed, n_placed)) {
            all_matched.safe_push(structure);
            r.count++;
            r.named &= vmsd_struct_name(structure) != NULL;
        }
    }
    if (!r.told)
        r.count = 0;
    return r;
}

/* The structs of the unit each description with fields is of. */
static void match_descriptions(struct fit *fit)
{
    struct vmsd_model *model = fit->model;
    /* Every description's placed fields, description I's from
     * starts[I] to starts[I + 1]; the member names they need. */
    auto_vec<placed_field> all_placed;
    auto_vec<unsigned> starts;
    struct needed_names needed;
    memset(needed.filter, 0, sizeof needed.filter);
    for (size_t i = 0; i < model->n_descs; i++) {
        starts.safe_push(all_placed.length());
        if (model->descs[i]->defined)
            place_fields(model->descs[i]->fields, all_placed);
    }
    starts.safe_push(all_placed.length());
    for (unsigned k = 0; k < all_placed.length(); k++)
        if (all_placed[k].member)
            need_name(needed, all_placed[k].member);
    hash_map<tree, holders> index;
    auto_vec<holder_link> links;
    /* Newest first: each name's holders, built by prepending, then list
     * the structs in the order met. */
    for (unsigned i = needed.set.elements() ? vec_safe_length(record_types)
                                            : 0; i-- > 0;)
        index_members((*record_types)[i], (*record_types)[i], needed, index,
                      links);
    struct vmsd_strset layouts;         /* key -> 1 + its match's index */
    memset(&layouts, 0, sizeof layouts);
    auto_vec<layout_match> matches;
    auto_vec<tree> all_matched;
    auto_vec<field_key> key;            /* one description's at a time */
    for (size_t i = 0; i < model->n_descs; i++) {
        struct vmsd_desc *d = model->descs[i];
        const placed_field *placed = all_placed.address() + starts[i];
        unsigned n_placed = starts[i + 1] - starts[i];
        if (!n_placed)
            continue;           /* nothing says which struct it is of */
        key.truncate(0);
        layout_key(placed, n_placed, key);
        struct vmsd_strset_slot *slot =
            vmsd_strset_add(&layouts, (const char *)key.address(),
                            key.length() * sizeof(field_key));
        if (!slot->value) {
            matches.safe_push(match_layout(placed, n_placed, index, links,
                                           all_matched));
            slot->value = (void *)(uintptr_t)matches.length();
        }
        const struct layout_match m = matches[(uintptr_t)slot->value - 1];
        note_member_types(fit, placed, n_placed,
                          all_matched.address() + m.first, m.count);
        if (!m.named || !m.told)
            continue;           /* a struct no other unit can name */
        struct vmsd_desc_structs *y = VMSD_APPEND(model->desc_structs,
                                                  model->n_desc_structs);
        y->desc = d->uid;
        for (unsigned k = 0; k < m.count; k++) {
            const char *sname = vmsd_struct_name(all_matched[m.first + k]);
            bool seen = false;
            for (size_t j = 0; j < y->n_names; j++)
                seen |= strcmp(y->names[j], sname) == 0;
            if (!seen)
                *VMSD_APPEND(y->names, y->n_names) = lasting_name(sname);
        }
    }
    vmsd_strset_free(&layouts);
}

/* Each QOM type of the unit with the struct its cast names. */
static void match_instances(struct fit *fit)
{
    struct vmsd_model *model = fit->model;
    hash_map<tree, tree> cast_of;       /* type name -> struct, first cast */
    for (tree c = casts; c; c = TREE_CHAIN(c))
        if (!cast_of.get(TREE_PURPOSE(c)))
            cast_of.put(TREE_PURPOSE(c), TREE_VALUE(c));
    for (size_t i = 0; i < model->n_types; i++) {
        const struct vmsd_qom_type *type = &model->types[i];
        tree id = maybe_get_identifier(type->name);
        tree *found = id ? cast_of.get(id) : NULL;
        tree cast = found ? *found : NULL_TREE;
        const char *name = cast ? vmsd_struct_name(cast) : NULL;
        if (!name && !type->instance_size)
            continue;
        struct vmsd_instance *in = VMSD_APPEND(model->instances,
                                               model->n_instances);
        in->type = type->name;
        in->instance_size = type->instance_size;
        if (!name)
            continue;
        in->structure = vmsd_model_strdup(model, name);
        if (COMPLETE_TYPE_P(cast)
            && constant_size(TYPE_SIZE_UNIT(cast), &in->structure_size))
            fit->involved.safe_push(cast);
    }
}

/* What sits at offset 0 of a struct: a named struct member (its
 * parent), nothing that a description could be of (a scalar, a
 * pointer), or what cannot be told (a union or an array, whose
 * members or elements sit there too; an anonymous member). */
enum head { HEAD_STRUCT, HEAD_NONE, HEAD_UNKNOWN };

static enum head head_of(tree record, tree *parent)
{
    *parent = NULL_TREE;
    if (TREE_CODE(record) != RECORD_TYPE)
        return HEAD_UNKNOWN;
    for (tree f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
        uint64_t at;
        if (TREE_CODE(f) != FIELD_DECL)
            continue;
        tree type = TREE_TYPE(f);
        if (!member_byte_offset(f, &at) || at != 0)
            return HEAD_NONE;
        if (!DECL_NAME(f) || TREE_CODE(type) == UNION_TYPE
            || TREE_CODE(type) == ARRAY_TYPE)
            return HEAD_UNKNOWN;
        if (TREE_CODE(type) != RECORD_TYPE)
            return HEAD_NONE;
        *parent = TYPE_MAIN_VARIANT(type);
        return HEAD_STRUCT;
    }
    return HEAD_NONE;
}

/* Where a struct is defined: its first member's place (GCC keeps no
 * place of its own for a tag). */
static location_t struct_location(tree record)
{
    for (tree f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f))
        if (TREE_CODE(f) == FIELD_DECL)
            return DECL_SOURCE_LOCATION(f);
    return UNKNOWN_LOCATION;
}

/* The heads of the involved structs, and of their heads, down the
 * chain.  A struct whose head cannot be told, or whose parent has no
 * name, gets none: the tool then cannot follow the chain through it. */
static void write_heads(struct fit *fit)
{
    hash_set<tree> written;
    for (unsigned i = 0; i < fit->involved.length(); i++) {
        tree parent;
        for (tree s = fit->involved[i]; s && COMPLETE_TYPE_P(s)
                                        && vmsd_struct_name(s)
                                        && !written.add(s); s = parent) {
            enum head head = head_of(s, &parent);
            if (head == HEAD_UNKNOWN
                || (parent && (!COMPLETE_TYPE_P(parent)
                               || !vmsd_struct_name(parent))))
                break;
            struct vmsd_struct_head *o =
                VMSD_APPEND(fit->model->struct_heads,
                            fit->model->n_struct_heads);
            o->name = lasting_name(vmsd_struct_name(s));
            constant_size(TYPE_SIZE_UNIT(s), &o->size);
            o->first = parent ? lasting_name(vmsd_struct_name(parent))
                              : NULL;
            o->loc = loc_of(fit->model, struct_location(s));
        }
    }
}

void vmsd_fit_unit(struct vmsd_model *model)
{
    struct fit fit;
    fit.model = model;
    match_descriptions(&fit);
    match_instances(&fit);
    write_heads(&fit);
    vec_free(record_types);
    casts = NULL_TREE;
    free(noted_types);
    noted_types = NULL;
    noted_bytes = 0;
}
