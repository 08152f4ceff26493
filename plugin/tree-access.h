/* read-tree.cc's typed accessors over GCC's trees, for the plugin's
 * other readers: each returns plain data, or "unknown" (NULL, 0) for a
 * tree of an unexpected shape. */
#ifndef VMSDCHECK_TREE_ACCESS_H
#define VMSDCHECK_TREE_ACCESS_H

#include "plugin.h"

/* VALUE after STRIP_NOPS (NULL_TREE for NULL_TREE), which is called
 * only when VALUE is a conversion: most values read are not, and the
 * call costs more than the test. */
static inline tree without_nops(tree value)
{
    if (value && (CONVERT_EXPR_P(value)
                  || TREE_CODE(value) == NON_LVALUE_EXPR))
        STRIP_NOPS(value);
    return value;
}
/* Is TYPE the struct with tag TAG (an identifier), or a variant of it? */
bool type_has_tag(tree type, tree tag);
/* Is TYPE an array of that struct? */
bool array_of_tag(tree type, tree tag);
/* LOC as the model keeps places (file interned, after the prefix maps). */
struct vmsd_loc loc_of(struct vmsd_model *model, location_t loc);
/* The member named NAME of a struct initializer, or NULL_TREE. */
tree member(tree ctor, tree name);
/* DECL's initializer when it is a CONSTRUCTOR, else NULL_TREE. */
tree constructor_of(tree decl);
/* The operand of "&x" after conversions, or NULL_TREE. */
tree address_operand(tree value);
/* A constant string's bytes, in GCC's memory; NULL for NULL or not
 * constant (*UNREADABLE then says which). */
const char *string_value(tree value, bool *unreadable);
/* A constant string's bytes, kept for the model (until
 * vmsd_reader_release); NULL for NULL or not constant (*UNREADABLE then
 * says which). */
char *string_kept(tree str_value, bool *unreadable);
/* TEXT, an identifier's (or a constant string's), as a name of the
 * model: GCC never collects identifiers, so the model keeps their text
 * rather than a copy, which would cost a call and bytes at the
 * compiler's peak memory for every name read.  Inline: it is only the
 * model's type for the text, at every field's read. */
static inline char *lasting_name(const char *text)
{
    return const_cast<char *>(text);
}
/* The name of the function or variable "&x" points at (GCC's
 * identifier, which outlives the model); "?" for an address of anything
 * else, NULL for NULL. */
char *pointee_name(tree value);
/* A struct member's byte offset (FIELD a FIELD_DECL), read from its
 * place without building trees; false for a bit-field or a variable
 * place. */
bool member_byte_offset(tree field, uint64_t *out);
/* "&x" where x is a description, into REF (uid, symbol, place). */
void read_reference(struct vmsd_model *model, tree value,
                    location_t fallback, struct vmsd_ref *ref);

#endif
