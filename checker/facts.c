/* The facts format (docs/facts.md): one text line a record, numbers in
 * decimal, names length-prefixed and written once per document, and
 * what the reader can work out left out (ids by the order of records,
 * places and new names against the ones before them).  It is small
 * because the assembler reads every byte of it in every compile, and
 * read in one pass because the tool reads it for every unit of a
 * program. */
#include "facts.h"

#include "strbuf.h"
#include "strset.h"
#include "xalloc.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A name of the document as it is written: where its bytes are. */
struct name_span {
    const char *start;
    size_t len;
};

/* The name written last in each place of a record (its letter, and the
 * how-manyth name of the record: the eighth and later share one), which
 * a new name is written against (version 7: "SHARED+LENGTH:BYTES", the
 * first SHARED bytes those of that name).  A place is empty until its
 * first name: which ones hold a name is a bitmap, so that a reader
 * starts with 64 bytes zeroed, not every place's span (8 KB, and one
 * reader a unit). */
#define NAME_PLACES 8
_Static_assert(NAME_PLACES == 8, "a row of places is a byte of 'filled'");
struct name_places {
    struct name_span last[64 * NAME_PLACES];
    unsigned char filled[64];           /* by row, a bit a place */
    unsigned row, position;
};

/* Every place empty; the header's names in row 0. */
static void names_init(struct name_places *n)
{
    memset(n->filled, 0, sizeof n->filled);
    n->row = n->position = 0;
}

/* A record begins: its names' places are those of its letter. */
static void names_begin(struct name_places *n, char letter)
{
    n->row = (unsigned)(letter & 63);
    n->position = 0;
}

/* The place of the name about to be written or read: empty the first
 * time. */
static struct name_span *name_place(struct name_places *n)
{
    unsigned at = n->position < NAME_PLACES - 1 ? n->position++
                                                : NAME_PLACES - 1;
    struct name_span *place = &n->last[n->row * NAME_PLACES + at];
    if (!(n->filled[n->row] & 1u << at)) {
        n->filled[n->row] |= (unsigned char)(1u << at);
        *place = (struct name_span){ "", 0 };
    }
    return place;
}

/* Writing */

/* The names written so far, each with its number: open addressing, at
 * most three quarters full, a slot no more than the name's address (the
 * model's), hash and number, as the table is alive at the compiler's
 * peak memory (70,000 names in a unit of 20,000 descriptions: 2 MB). */
struct written_name {
    const char *name;           /* NULL: empty */
    uint32_t hash;
    uint32_t number;
};

struct written_names {
    struct written_name *slots;
    size_t capacity;
    uint32_t count;
};

static struct written_name *written_slot(const struct written_names *t,
                                         const char *name, uint32_t hash)
{
    size_t mask = t->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct written_name *slot = &t->slots[i];
        if (!slot->name
            || (slot->hash == hash && strcmp(slot->name, name) == 0))
            return slot;
    }
}

/* Does a table of CAPACITY slots hold N names?  At most three quarters
 * full, so that a probe ends soon. */
static bool holds(size_t capacity, size_t n)
{
    return 4 * n <= 3 * capacity;
}

/* The table, with room for N names without growing. */
static void reserve_written(struct written_names *t, size_t n)
{
    size_t capacity = 256;
    while (!holds(capacity, n))
        capacity *= 2;
    t->capacity = capacity;
    t->slots = vmsd_table_calloc(capacity, sizeof *t->slots);
}

static void grow_written(struct written_names *t)
{
    struct written_names old = *t;
    t->capacity = 2 * old.capacity;
    t->slots = vmsd_table_calloc(t->capacity, sizeof *t->slots);
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].name)
            *written_slot(t, old.slots[i].name, old.slots[i].hash)
                = old.slots[i];
    vmsd_table_free(old.slots, old.capacity, sizeof *old.slots);
}

/* The slot of NAME: its number when it was written, else an empty
 * slot to put it in. */
static struct written_name *find_written(struct written_names *t,
                                         const char *name, uint32_t hash)
{
    if (!holds(t->capacity, (size_t)t->count + 1))
        grow_written(t);
    return written_slot(t, name, hash);
}

/* A name met before, by its address. */
struct cached_name {
    const char *name;           /* NULL: none */
    uint32_t len;
    uint32_t number;
};

#define NAME_CACHE_BITS 10      /* 16 KB, on the writer's stack */

struct writer {
    struct vmsd_strbuf *b;
    const struct vmsd_model *model;
    struct written_names names_written;
    const char *last_file;      /* most places are in the file before */
    size_t last_file_number;
    struct vmsd_loc last_field_loc;     /* a field's place is written
                                           against the field's before */
    struct vmsd_loc last_loc;   /* every other place against the one
                                   before it that has a file */
    struct name_places names;
    /* Ids as written: a description's is its D record's number (from
     * 1), then those only referred to, in the order they first are; a
     * list's its S or L record's number. */
    struct vmsd_uid_index desc_numbers, sublist_numbers, fieldlist_numbers;
    uint32_t n_desc_numbers, n_sublists, n_fieldlists;
    struct cached_name name_cache[1 << NAME_CACHE_BITS];
};

/* A record's letter (or its first letters: "R *"). */
static void begin(struct writer *w, const char *letters)
{
    names_begin(&w->names, letters[0]);
    vmsd_strbuf_puts(w->b, letters);
}

/* The number a description's id is written as. */
static uint32_t desc_number(struct writer *w, uint32_t uid)
{
    if (!uid)
        return 0;
    uintptr_t n = (uintptr_t)vmsd_uid_index_get(&w->desc_numbers, uid);
    if (!n) {
        n = ++w->n_desc_numbers;
        vmsd_uid_index_put(&w->desc_numbers, uid, (void *)n);
    }
    return (uint32_t)n;
}

/* Where the next piece of at most N bytes goes; wrote_to keeps what
 * was written up to END. */
static char *room(struct writer *w, size_t n)
{
    return vmsd_strbuf_room(w->b, n);
}

static void wrote_to(struct writer *w, const char *end)
{
    vmsd_strbuf_wrote(w->b, (size_t)(end - (w->b->data + w->b->len)));
}

static void put_char(struct writer *w, char c)
{
    vmsd_strbuf_putc(w->b, c);
}

/* Room for a space, the letter TAG unless it is 0, and N bytes more:
 * where those go. */
static char *spaced(struct writer *w, char tag, size_t n)
{
    char *out = room(w, 2 + n);
    *out++ = ' ';
    if (tag)
        *out++ = tag;
    return out;
}

/* A space and a letter: a tag, a kind. */
static void put_letter(struct writer *w, char c)
{
    wrote_to(w, spaced(w, c, 0));
}

#define SIGNED_MAX (1 + VMSD_DECIMAL_MAX)

static char *signed_at(char *out, long long value)
{
    if (value < 0) {
        *out++ = '-';
        return out + vmsd_decimal(out, 0 - (unsigned long long)value);
    }
    return out + vmsd_decimal(out, (unsigned long long)value);
}

static char *unsigned_at(char *out, unsigned long long value)
{
    return out + vmsd_decimal(out, value);
}

static void put_int(struct writer *w, long long value)
{
    wrote_to(w, signed_at(spaced(w, 0, SIGNED_MAX), value));
}

static void put_uint(struct writer *w, unsigned long long value)
{
    wrote_to(w, unsigned_at(spaced(w, 0, VMSD_DECIMAL_MAX), value));
}

static size_t decimal_digits(size_t n)
{
    size_t digits = 1;
    for (; n >= 10; n /= 10)
        digits++;
    return digits;
}

/* The slot of name S in the cache of names met last, by address: the
 * model keeps GCC's identifiers as GCC's own text, one address however
 * many records name them, and a name met again at its address is
 * neither measured, hashed nor compared. */
static struct cached_name *cached_name(struct writer *w, const char *s)
{
    uint64_t spread = (uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ull;
    return &w->name_cache[spread >> (64 - NAME_CACHE_BITS)];
}

/* Looks S up among the names written, adding it when new, and puts it
 * in CACHED: whether it was written before. */
static bool look_up_name(struct writer *w, const char *s,
                         struct cached_name *cached)
{
    size_t len = strlen(s);
    uint32_t hash = (uint32_t)vmsd_hash_bytes(s, len);
    struct written_name *slot = find_written(&w->names_written, s, hash);
    bool written = slot->name != NULL;
    if (!written)
        *slot = (struct written_name){ s, hash, w->names_written.count++ };
    /* A name too long for the cache's length is looked up each time. */
    *cached = (struct cached_name){ len <= UINT32_MAX ? s : NULL,
                                    (uint32_t)len, slot->number };
    return written;
}

/* How many bytes A and B, of N or more each, begin with in common:
 * eight at a time first, since names share long beginnings. */
static size_t shared_start(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (uint64_t x, y; i + 8 <= n; i += 8) {
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y)
            break;
    }
    while (i < n && a[i] == b[i])
        i++;
    return i;
}

/* A new name at OUT: "LENGTH:BYTES", or "SHARED+LENGTH:BYTES" when
 * the name written last in its place (BEFORE) begins with the same
 * SHARED bytes and that is shorter. */
static char *new_name_at(char *out, const char *s, size_t len,
                         const struct name_span *before)
{
    size_t shared = shared_start(s, before->start,
                                 len < before->len ? len : before->len);
    if (shared && decimal_digits(shared) + 1 + decimal_digits(len - shared)
                  < decimal_digits(len) + shared) {
        out = unsigned_at(out, shared);
        *out++ = '+';
        s += shared;
        len -= shared;
    }
    out = unsigned_at(out, len);
    *out++ = ':';
    memcpy(out, s, len);
    return out + len;
}

/* A space, the letter TAG unless it is 0, and a name, in one piece:
 * "-" for none, "^N" for the Nth name of the document written again,
 * else a new name (any bytes but NUL: no escaping). */
static void put_tag_name(struct writer *w, char tag, const char *s)
{
    char *out;
    if (!s) {
        out = spaced(w, tag, 1);
        *out++ = '-';
        wrote_to(w, out);
        return;
    }
    struct name_span *place = name_place(&w->names);
    struct cached_name *cached = cached_name(w, s);
    bool written = cached->name == s || look_up_name(w, s, cached);
    size_t len = cached->len;
    if (written) {
        out = spaced(w, tag, 1 + VMSD_DECIMAL_MAX);
        *out++ = '^';
        out = unsigned_at(out, cached->number);
    } else {
        out = spaced(w, tag, 2 * VMSD_DECIMAL_MAX + 2 + len);
        out = new_name_at(out, s, len, place);
    }
    *place = (struct name_span){ s, len };
    wrote_to(w, out);
}

static void put_name(struct writer *w, const char *s)
{
    put_tag_name(w, 0, s);
}

#define LOC_MAX (3 * SIGNED_MAX + 2)

/* FILE:LINE:COLUMN at OUT, the file by its number; none:
 * ":LINE:COLUMN". */
static char *loc_at(struct writer *w, char *out, struct vmsd_loc loc)
{
    if (loc.file && loc.file != w->last_file) {
        w->last_file = loc.file;
        w->last_file_number = vmsd_model_file_number(w->model, loc.file);
    }
    if (loc.file)
        out = signed_at(out, (long long)w->last_file_number);
    *out++ = ':';
    out = signed_at(out, loc.line);
    *out++ = ':';
    return signed_at(out, loc.column);
}

/* A place in the file of the place before it: "+LINES:COLUMN" or
 * "-LINES:COLUMN", LINES after or before that place's line; else
 * FILE:LINE:COLUMN. */
static void put_loc(struct writer *w, struct vmsd_loc loc)
{
    char *out = spaced(w, 0, LOC_MAX);
    if (loc.file && loc.file == w->last_loc.file) {
        if (loc.line >= w->last_loc.line)
            *out++ = '+';
        out = signed_at(out, (long long)loc.line - w->last_loc.line);
        *out++ = ':';
        out = unsigned_at(out, loc.column);
    } else {
        out = loc_at(w, out, loc);
    }
    if (loc.file)
        w->last_loc = loc;
    wrote_to(w, out);
}

/* "N" for the NULL that ends a list, else UID SYMBOL LOC. */
static void put_ref(struct writer *w, const struct vmsd_ref *ref)
{
    if (ref->is_null) {
        vmsd_strbuf_puts(w->b, " N");
        return;
    }
    put_uint(w, desc_number(w, ref->uid));
    put_name(w, ref->symbol);
    put_loc(w, ref->loc);
}

static void put_sublist(struct writer *w, const struct vmsd_sublist *list)
{
    begin(w, "S");
    put_int(w, list->too_long);
    for (size_t i = 0; i < list->n_slots; i++)
        put_ref(w, &list->slots[i]);
    put_char(w, '\n');
}

/* The members of the records records.def describes, as the facts carry
 * them: each record's values, then its tags. */
struct reader;
struct facts_member {
    enum vmsd_kind kind;
    size_t offset;              /* in the model's struct */
    int value;                  /* its place among the values, from 1;
                                   0: not a value */
    char tag;                   /* a tag's letter; 0: not a tag */
    const char *tags;           /* an own tag's letters */
    int since;                  /* a tag's first facts version */
    void (*put)(struct writer *w, const void *record);
    bool (*read)(struct reader *r, void *record, char tag);
};

#define HOOKS(hook)                                                        \
    static void put_##hook(struct writer *w, const void *record);          \
    static bool read_##hook(struct reader *r, void *record, char tag);
HOOKS(desc_uid)
HOOKS(desc_attributes)
HOOKS(desc_subsections)
HOOKS(desc_fields)
HOOKS(field_exists)
HOOKS(field_loc)

#define FACTS_VALUE(n) .value = n
#define FACTS_TAG(letter, version) .tag = letter, .since = version
#define FACTS_OWN(n, hook) .value = n, .put = put_##hook, .read = read_##hook
#define FACTS_OWN_TAG(letters, version, hook)                              \
    .tags = letters, .since = version, .put = put_##hook,                  \
    .read = read_##hook
#define FACTS_WITH(hook) .value = 0
#define FACTS_NO_FACTS .value = 0
#define FACTS_MEMBER(st, of_kind, member, facts, base)                     \
    { .kind = VMSD_KIND_##of_kind,                                          \
      .offset = VMSD_MODEL_AT(st, member, base), FACTS_##facts },

static const struct facts_member desc_members[] = {
#define VMSD_DESC_MEMBER(kind, member, facts, base, dump)                 \
    FACTS_MEMBER(struct vmsd_desc, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member field_members[] = {
#define VMSD_FIELD_MEMBER(kind, member, facts, base, dump)                \
    FACTS_MEMBER(struct vmsd_field, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member machine_set_members[] = {
#define VMSD_MACHINE_SET_MEMBER(kind, member, facts, base, dump)          \
    FACTS_MEMBER(struct vmsd_machine_member, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member compat_add_members[] = {
#define VMSD_COMPAT_ADD_MEMBER(kind, member, facts, base, dump)           \
    FACTS_MEMBER(struct vmsd_compat_add, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member property_array_members[] = {
#define VMSD_PROPERTY_ARRAY_MEMBER(kind, member, facts, base, dump)       \
    FACTS_MEMBER(struct vmsd_property_array, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member compat_property_members[] = {
#define VMSD_COMPAT_PROPERTY_MEMBER(kind, member, facts, base, dump)      \
    FACTS_MEMBER(struct vmsd_global_property, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member qom_type_members[] = {
#define VMSD_QOM_TYPE_MEMBER(kind, member, facts, base, dump)      \
    FACTS_MEMBER(struct vmsd_qom_type, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member call_members[] = {
#define VMSD_CALL_MEMBER(kind, member, facts, base, dump)          \
    FACTS_MEMBER(struct vmsd_call, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member unfollowed_members[] = {
#define VMSD_UNFOLLOWED_MEMBER(kind, member, facts, base, dump)    \
    FACTS_MEMBER(struct vmsd_unfollowed, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member instance_members[] = {
#define VMSD_INSTANCE_MEMBER(kind, member, facts, base, dump)      \
    FACTS_MEMBER(struct vmsd_instance, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member struct_head_members[] = {
#define VMSD_STRUCT_HEAD_MEMBER(kind, member, facts, base, dump)   \
    FACTS_MEMBER(struct vmsd_struct_head, kind, member, facts, base)
#include "records.def"
};

static const struct facts_member macro_value_members[] = {
#define VMSD_MACRO_VALUE_MEMBER(kind, member, facts, base, dump)   \
    FACTS_MEMBER(struct vmsd_macro_value, kind, member, facts, base)
#include "records.def"
};

/* A record's members in the order the facts carry them, and its tags
 * by letter: worked out from its table once, since every field of every
 * unit is written and read through them. */
#define MAX_VALUES 16
#define MAX_TAGS 16
struct facts_record {
    const struct facts_member *members;
    size_t n_members;
    bool ready;
    const struct facts_member *values[MAX_VALUES];
    size_t n_values;
    const struct facts_member *tags[128];
    /* The members that are tags, in order: the writer's, which passes
     * over each once a record. */
    const struct facts_member *tag_members[MAX_TAGS];
    size_t n_tag_members;
};

#define RECORD(table) { table, sizeof table / sizeof *table, false, { 0 }, \
                        0, { 0 }, { 0 }, 0 }
static struct facts_record desc_record = RECORD(desc_members);
static struct facts_record field_record = RECORD(field_members);
static struct facts_record machine_set_record = RECORD(machine_set_members);
static struct facts_record compat_add_record = RECORD(compat_add_members);
static struct facts_record property_array_record =
    RECORD(property_array_members);
static struct facts_record compat_property_record =
    RECORD(compat_property_members);
static struct facts_record qom_type_record = RECORD(qom_type_members);
static struct facts_record call_record = RECORD(call_members);
static struct facts_record unfollowed_record = RECORD(unfollowed_members);
static struct facts_record instance_record = RECORD(instance_members);
static struct facts_record struct_head_record = RECORD(struct_head_members);
static struct facts_record macro_value_record = RECORD(macro_value_members);

static void prepare(struct facts_record *record)
{
    for (size_t i = 0; i < record->n_members; i++) {
        const struct facts_member *m = &record->members[i];
        if (m->value > MAX_VALUES)
            abort();            /* records.def: more values than room */
        if (m->value)
            record->values[m->value - 1] = m;
        if (m->value > (int)record->n_values)
            record->n_values = (size_t)m->value;
        if (m->tag)
            record->tags[(unsigned char)m->tag] = m;
        for (const char *c = m->tags; c && *c; c++)
            record->tags[(unsigned char)*c] = m;
        if (m->tag || m->tags) {
            if (record->n_tag_members == MAX_TAGS)
                abort();        /* records.def: more tags than room */
            record->tag_members[record->n_tag_members++] = m;
        }
    }
    record->ready = true;
}

/* Every record prepared once, whichever thread reads or writes facts
 * first (the tool reads programs on several). */
static void prepare_all(void)
{
    static struct facts_record *const all[] = {
        &desc_record, &field_record, &machine_set_record,
        &compat_add_record, &property_array_record, &compat_property_record,
        &qom_type_record, &call_record, &unfollowed_record, &instance_record,
        &struct_head_record, &macro_value_record,
    };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        prepare(all[i]);
}

static const struct facts_record *ready(struct facts_record *record)
{
    static pthread_once_t prepared = PTHREAD_ONCE_INIT;
    pthread_once(&prepared, prepare_all);
    if (!record->ready)
        abort();                /* a record missing from prepare_all */
    return record;
}

/* The member M of RECORD, as a TYPE. */
#define AT(type, record, m) VMSD_MEMBER_AT(type, record, (m)->offset)

static void put_value(struct writer *w, const struct facts_member *m,
                      const void *record)
{
    switch (m->kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        put_name(w, *AT(char *const, record, m));
        break;
    case VMSD_KIND_INT:
        put_int(w, *AT(const int, record, m));
        break;
    case VMSD_KIND_U32:
    case VMSD_KIND_UID:
        put_int(w, *AT(const uint32_t, record, m));
        break;
    case VMSD_KIND_U64:
        put_uint(w, *AT(const uint64_t, record, m));
        break;
    case VMSD_KIND_COUNT:
        put_uint(w, *AT(const size_t, record, m));
        break;
    case VMSD_KIND_BOOL:
        put_int(w, *AT(const bool, record, m));
        break;
    case VMSD_KIND_LOC:
        put_loc(w, *AT(const struct vmsd_loc, record, m));
        break;
    case VMSD_KIND_REF:
        put_ref(w, AT(const struct vmsd_ref, record, m));
        break;
    case VMSD_KIND_DESC:
    case VMSD_KIND_LINKAGE:
    case VMSD_KIND_MARKER:
        abort();                /* an own value's */
    }
}

/* A tag: its letter and value, when the value is not 0 or none. */
static void put_tag(struct writer *w, const struct facts_member *m,
                    const void *record)
{
    char *out;
    switch (m->kind) {
    case VMSD_KIND_INT:
        if (!*AT(const int, record, m))
            return;
        out = spaced(w, m->tag, SIGNED_MAX);
        wrote_to(w, signed_at(out, *AT(const int, record, m)));
        return;
    case VMSD_KIND_U64:
        if (!*AT(const uint64_t, record, m))
            return;
        out = spaced(w, m->tag, VMSD_DECIMAL_MAX);
        wrote_to(w, unsigned_at(out, *AT(const uint64_t, record, m)));
        return;
    case VMSD_KIND_OPT_NAME:
        if (!*AT(char *const, record, m))
            return;
        put_tag_name(w, m->tag, *AT(char *const, record, m));
        return;
    case VMSD_KIND_REF:
        if (!AT(const struct vmsd_ref, record, m)->symbol)
            return;
        put_letter(w, m->tag);
        put_ref(w, AT(const struct vmsd_ref, record, m));
        return;
    default:
        abort();                /* records.def has no such tag */
    }
}

/* RECORD's values, then its tags. */
static void put_members(struct writer *w, struct facts_record *of,
                        const void *record)
{
    const struct facts_record *r = ready(of);
    for (size_t i = 0; i < r->n_values; i++) {
        const struct facts_member *m = r->values[i];
        (m->put ? m->put(w, record) : put_value(w, m, record));
    }
    for (size_t i = 0; i < r->n_tag_members; i++) {
        const struct facts_member *m = r->tag_members[i];
        (m->tags ? m->put(w, record) : put_tag(w, m, record));
    }
}

/* A record LETTER for each of the N structs at ITEMS, SIZE bytes each. */
static void put_each(struct writer *w, const char *letter,
                     struct facts_record *of, const void *items, size_t n,
                     size_t size)
{
    for (size_t i = 0; i < n; i++) {
        begin(w, letter);
        put_members(w, of, (const char *)items + i * size);
        put_char(w, '\n');
    }
}
#define PUT_EACH(w, letter, of, items, n)                                  \
    put_each((w), (letter), (of), (items), (n), sizeof *(items))

/* A field's place against the field's before (P): nothing for the
 * line after P's in P's file and column, the entry of a list written a
 * line each; "lDELTA" for another line in P's file and column; else
 * "pFILE:LINE:COLUMN". */
static void put_field_loc(struct writer *w, const void *record)
{
    struct vmsd_loc loc = ((const struct vmsd_field *)record)->loc;
    struct vmsd_loc before = w->last_field_loc;
    w->last_field_loc = loc;
    if (loc.file != before.file || loc.column != before.column)
        wrote_to(w, loc_at(w, spaced(w, 'p', LOC_MAX), loc));
    else if ((long long)loc.line != (long long)before.line + 1)
        wrote_to(w, signed_at(spaced(w, 'l', SIGNED_MAX),
                              (long long)loc.line - before.line));
}

/* "xFUNCTION" for a field_exists test the facts name, "e" for one
 * they do not. */
static void put_field_exists(struct writer *w, const void *record)
{
    const struct vmsd_field *f = record;
    if (f->field_exists) {
        put_tag_name(w, 'x', f->field_exists);
    } else if (f->has_field_exists) {
        vmsd_strbuf_puts(w->b, " e");
    }
}

static void put_field(struct writer *w, const struct vmsd_field *f)
{
    begin(w, "f");
    put_members(w, &field_record, f);
    put_char(w, '\n');
}

/* Most lists end with their end marker and hold nothing after it: the
 * description that names them first says so ("*"), and they have no L
 * record. */
static bool list_is_plain(const struct vmsd_fieldlist *list)
{
    return list->terminated && !list->after_end;
}

static void put_fieldlist(struct writer *w, const struct vmsd_fieldlist *list)
{
    if (!list_is_plain(list)) {
        begin(w, "L");
        put_int(w, list->terminated);
        if (list->after_end) {
            put_name(w, list->after_end);
            put_loc(w, list->after_end_loc);
        }
        put_char(w, '\n');
    }
    for (size_t i = 0; i < list->n_fields; i++)
        put_field(w, &list->fields[i]);
}

static const char linkage_letters[] = {
    [VMSD_LINK_STATIC] = 's',
    [VMSD_LINK_GLOBAL] = 'g',
    [VMSD_LINK_EXTERN] = 'e',
};

static const char marker_letters[] = {
    [VMSD_MARKER_ABSENT] = '-',
    [VMSD_MARKER_CLEAR] = '0',
    [VMSD_MARKER_SET] = '1',
};

/* Nothing: a description's number is that of its D record. */
static void put_desc_uid(struct writer *w, const void *record)
{
    (void)w;
    (void)record;
}

/* LINKAGE MARKER UNREADABLE, a letter each. */
static void put_desc_attributes(struct writer *w, const void *record)
{
    const struct vmsd_desc *d = record;
    char *out = room(w, 4);
    out[0] = ' ';
    out[1] = linkage_letters[d->linkage];
    out[2] = marker_letters[d->marker];
    out[3] = d->name_unreadable ? 'u' : '-';
    wrote_to(w, out + 4);
}

/* A description's list: 0 when the model has none, "+" for the list
 * written right after the description (the next S or L record; "*"
 * for a plain field list, whose fields follow without an L record),
 * else its number, written with the description before that named
 * it. */
static void put_list_number(struct writer *w, bool has,
                            const struct vmsd_uid_index *numbers,
                            uint32_t uid, bool plain)
{
    uintptr_t n = has ? (uintptr_t)vmsd_uid_index_get(numbers, uid) : 0;
    if (has && !n)
        vmsd_strbuf_puts(w->b, plain ? " *" : " +");
    else
        put_uint(w, n);
}

static void put_desc_subsections(struct writer *w, const void *record)
{
    const struct vmsd_desc *d = record;
    put_list_number(w, d->subsections, &w->sublist_numbers,
                    d->subsections_uid, false);
}

static void put_desc_fields(struct writer *w, const void *record)
{
    const struct vmsd_desc *d = record;
    put_list_number(w, d->fields, &w->fieldlist_numbers, d->fields_uid,
                    d->fields && list_is_plain(d->fields));
}

/* A description, then its lists the first time one is named (a list
 * shared by two descriptions is written once). */
static void put_desc(struct writer *w, const struct vmsd_desc *d)
{
    begin(w, "D");
    put_members(w, &desc_record, d);
    put_char(w, '\n');
    if (d->subsections
        && !vmsd_uid_index_get(&w->sublist_numbers, d->subsections_uid)) {
        vmsd_uid_index_put(&w->sublist_numbers, d->subsections_uid,
                           (void *)(uintptr_t)++w->n_sublists);
        put_sublist(w, d->subsections);
    }
    if (d->fields
        && !vmsd_uid_index_get(&w->fieldlist_numbers, d->fields_uid)) {
        vmsd_uid_index_put(&w->fieldlist_numbers, d->fields_uid,
                           (void *)(uintptr_t)++w->n_fieldlists);
        put_fieldlist(w, d->fields);
    }
}

/* What decides each device type's description: TypeInfos, the
 * DeviceClass.vmsd assignments and the calls of the unit's functions. */
static void put_qom(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    PUT_EACH(w, "T", &qom_type_record, m->types, m->n_types);
    for (size_t i = 0; i < m->n_class_vmsds; i++) {
        begin(w, "C");
        put_name(w, m->class_vmsds[i].function);
        put_int(w, m->class_vmsds[i].conditional);
        put_ref(w, &m->class_vmsds[i].vmsd);
        if (m->class_vmsds[i].data_member)
            put_name(w, m->class_vmsds[i].data_member);
        put_char(w, '\n');
    }
    PUT_EACH(w, "K", &call_record, m->calls, m->n_calls);
}

/* "COUNT" then each part: "c NAME" a constant, "m NAME" a member. */
static void put_template_string(struct writer *w,
                                const struct vmsd_template_string *t)
{
    put_uint(w, t->n_parts);
    for (size_t i = 0; i < t->n_parts; i++) {
        vmsd_strbuf_puts(w->b, t->parts[i].member ? " m" : " c");
        put_name(w, t->parts[i].text);
    }
}

static void put_template(struct writer *w, const struct vmsd_template *t)
{
    begin(w, "R *");
    put_name(w, t->function);
    put_uint(w, t->param);
    put_loc(w, t->loc);
    put_name(w, t->class_init);
    put_int(w, t->data_is_struct);
    put_template_string(w, &t->name);
    put_template_string(w, &t->parent);
    for (size_t i = 0; i < t->n_guards; i++) {
        put_int(w, t->guards[i].set);
        put_name(w, t->guards[i].member);
    }
    put_char(w, '\n');
}

/* Each member: "NAME = STRING", "NAME @ REF" or "NAME ?". */
static void put_struct_call(struct writer *w, const struct vmsd_struct_call *c)
{
    begin(w, "R @");
    put_name(w, c->caller);
    put_name(w, c->callee);
    put_uint(w, c->arg);
    put_loc(w, c->loc);
    put_int(w, !c->uncertain);
    for (size_t i = 0; i < c->n_members; i++) {
        const struct vmsd_struct_member *member = &c->members[i];
        put_name(w, member->member);
        if (member->string) {
            vmsd_strbuf_puts(w->b, " =");
            put_name(w, member->string);
        } else if (member->vmsd.uid) {
            vmsd_strbuf_puts(w->b, " @");
            put_ref(w, &member->vmsd);
        } else {
            vmsd_strbuf_puts(w->b, " ?");
        }
    }
    put_char(w, '\n');
}

/* The types the units' code registers, and the registrations the plugin
 * could not work out. */
static void put_registrations(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    for (size_t i = 0; i < m->n_registrations; i++) {
        const struct vmsd_registration *r = &m->registrations[i];
        begin(w, "R");
        put_name(w, r->name);
        put_name(w, r->parent);
        put_name(w, r->class_init);
        put_loc(w, r->loc);
        for (size_t k = 0; k < r->n_data; k++) {
            put_name(w, r->data[k].member);
            put_ref(w, &r->data[k].vmsd);
        }
        put_char(w, '\n');
    }
    for (size_t i = 0; i < m->n_templates; i++)
        put_template(w, &m->templates[i]);
    for (size_t i = 0; i < m->n_struct_calls; i++)
        put_struct_call(w, &m->struct_calls[i]);
    PUT_EACH(w, "U", &unfollowed_record, m->unfollowed, m->n_unfollowed);
}

/* What the unit's structs say of its descriptions and QOM types:
 * "Y UID NAME...", "I TYPE STRUCT STRUCT_SIZE INSTANCE_SIZE",
 * "O STRUCT SIZE FIRST LOC". */
static void put_fit(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    for (size_t i = 0; i < m->n_desc_structs; i++) {
        const struct vmsd_desc_structs *y = &m->desc_structs[i];
        begin(w, "Y");
        put_uint(w, desc_number(w, y->desc));
        for (size_t k = 0; k < y->n_names; k++)
            put_name(w, y->names[k]);
        put_char(w, '\n');
    }
    PUT_EACH(w, "I", &instance_record, m->instances, m->n_instances);
    PUT_EACH(w, "O", &struct_head_record, m->struct_heads,
             m->n_struct_heads);
}

/* What decides each machine type's compat properties, alias and
 * status (docs/machines.md). */
static void put_machines(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    PUT_EACH(w, "M", &machine_set_record, m->machine_members,
             m->n_machine_members);
    PUT_EACH(w, "P", &compat_add_record, m->compat_adds, m->n_compat_adds);
    for (size_t i = 0; i < m->n_property_arrays; i++) {
        const struct vmsd_property_array *a = &m->property_arrays[i];
        begin(w, "G");
        put_members(w, &property_array_record, a);
        for (size_t k = 0; k < a->n_entries; k++)
            put_members(w, &compat_property_record, &a->entries[k]);
        put_char(w, '\n');
    }
    PUT_EACH(w, "V", &macro_value_record, m->macro_values,
             m->n_macro_values);
}

/* What needed functions test and what device properties set:
 * "X FUNCTION HOW (STRUCT OFFSET)...", "W ARRAY (NAME OFFSET DEFAULT)...",
 * "W * FUNCTION ARRAY". */
static void put_properties(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    for (size_t i = 0; i < m->n_predicates; i++) {
        const struct vmsd_predicate *x = &m->predicates[i];
        begin(w, "X");
        put_name(w, x->function);
        put_letter(w, x->how);
        for (size_t k = 0; k < x->n_reads; k++) {
            put_name(w, x->reads[k].structure);
            put_uint(w, x->reads[k].offset);
        }
        put_char(w, '\n');
    }
    for (size_t i = 0; i < m->n_device_props; i++) {
        const struct vmsd_device_props *a = &m->device_props[i];
        begin(w, "W");
        put_name(w, a->array);
        for (size_t k = 0; k < a->n_props; k++) {
            put_name(w, a->props[k].name);
            put_uint(w, a->props[k].offset);
            put_letter(w, a->props[k].bool_default);
        }
        put_char(w, '\n');
    }
    for (size_t i = 0; i < m->n_props_sets; i++) {
        begin(w, "W *");
        put_name(w, m->props_sets[i].function);
        put_name(w, m->props_sets[i].array);
        put_char(w, '\n');
    }
}

/* What each function creates and calls (Q), what runs when a type is
 * instantiated and what its class says (J): docs/facts.md. */
static void put_creates(struct writer *w)
{
    const struct vmsd_model *m = w->model;
    for (size_t i = 0; i < m->n_creators; i++) {
        const struct vmsd_creator *c = &m->creators[i];
        begin(w, "Q");
        put_name(w, c->function);
        put_int(w, c->global);
        for (size_t j = 0; j < c->n_items; j++) {
            put_letter(w, c->items[j].kind);
            put_name(w, c->items[j].name);
        }
        put_char(w, '\n');
    }
    for (size_t i = 0; i < m->n_hooks; i++) {
        const struct vmsd_hook *h = &m->hooks[i];
        begin(w, "J");
        put_name(w, h->owner);
        put_letter(w, h->kind);
        switch (h->kind) {
        case VMSD_HOOK_ABSTRACT:
            break;
        case VMSD_HOOK_USER_CREATABLE:
            put_int(w, h->flag);
            break;
        case VMSD_HOOK_MEMBER_STRING:
            put_name(w, h->name);
            put_name(w, h->value);
            break;
        default:
            put_name(w, h->name);
        }
        put_char(w, '\n');
    }
}

static void write_facts(struct vmsd_strbuf *b, const struct vmsd_model *model,
                        const char *unit)
{
    struct writer w = { .b = b, .model = model };
    vmsd_uid_index_reserve(&w.desc_numbers, model->n_descs);
    vmsd_uid_index_reserve(&w.sublist_numbers, model->n_sublists);
    vmsd_uid_index_reserve(&w.fieldlist_numbers, model->n_fieldlists);
    /* Two names for each description and field (name and symbol, name
     * and info), more than most units write: the table is sized once
     * rather than grown through every power of two. */
    size_t n_fields = 0;
    for (size_t i = 0; i < model->n_fieldlists; i++)
        n_fields += model->fieldlists[i]->n_fields;
    reserve_written(&w.names_written, 2 * (model->n_descs + n_fields));

    vmsd_strbuf_puts(b, VMSD_FACTS_FORMAT);
    put_int(&w, VMSD_FACTS_VERSION);
    put_name(&w, unit);
    put_char(&w, '\n');
    for (size_t i = 0; i < model->n_files; i++) {
        begin(&w, "F");
        put_name(&w, model->files[i]);
        put_char(&w, '\n');
    }
    /* Declarations only are left out: a reference carries its symbol,
     * which is all the whole program needs to find the definition.
     * The D records number the descriptions from 1, before any
     * reference does. */
    for (size_t i = 0; i < model->n_descs; i++)
        if (model->descs[i]->defined)
            desc_number(&w, model->descs[i]->uid);
    for (size_t i = 0; i < model->n_descs; i++)
        if (model->descs[i]->defined)
            put_desc(&w, model->descs[i]);
    put_qom(&w);
    put_registrations(&w);
    put_fit(&w);
    put_machines(&w);
    put_properties(&w);
    /* Last, so that a reader that has no use for them can pass over
     * them to the document's end (version 8). */
    put_creates(&w);
    vmsd_strbuf_puts(b, "E\n");
    vmsd_table_free(w.names_written.slots, w.names_written.capacity,
                    sizeof *w.names_written.slots);
    vmsd_uid_index_free(&w.desc_numbers);
    vmsd_uid_index_free(&w.sublist_numbers);
    vmsd_uid_index_free(&w.fieldlist_numbers);
}

char *vmsd_facts_write(const struct vmsd_model *model, const char *unit)
{
    struct vmsd_strbuf b = { 0 };
    write_facts(&b, model, unit);
    return vmsd_strbuf_take(&b);
}

void vmsd_facts_stream(const struct vmsd_model *model, const char *unit,
                       void (*sink)(const char *text, size_t len, void *arg),
                       void *arg)
{
    struct vmsd_strbuf b = { 0 };
    b.flush = sink;
    b.flush_arg = arg;
    b.flush_at = 65536;
    write_facts(&b, model, unit);
    vmsd_strbuf_flush(&b);
    free(b.data);
}

/* Reading: one pass over the text, every number checked for its range
 * and every name for its bounds, since a facts section is whatever the
 * linker put there. */

/* A name of the document as read: where its bytes are, and the copy
 * the model keeps once a record keeps it, which every later record
 * naming it shares (most names recur: "^N"). */
struct read_name {
    struct name_span span;
    char *copy;                 /* NUL-ended; NULL: none yet */
};

/* What a reader keeps from one document to the next: its tables, grown
 * to the largest document's, and what is left of the piece of the
 * names' arena it copies names into. */
struct vmsd_facts_scratch {
    struct read_name *names;
    size_t names_room;
    const char **files;
    size_t files_room;
    char *names_next, *names_end;
};

struct reader {
    const char *text, *p, *end;
    struct vmsd_model *model;
    struct vmsd_arena *names_arena;     /* where the names are copied */
    struct vmsd_arena *fields_arena;    /* where the field lists' fields
                                           go; NULL: the model's arena */
    const char *(*file)(void *arg, const char *file);
    void *file_arg;
    struct vmsd_arena *arrays;  /* where the model's arrays of records
                                   grow; NULL: on the heap */
    struct vmsd_facts_scratch *scratch;
    size_t n_names;             /* the scratch's names, by number */
    size_t n_files;             /* the scratch's files, as places name
                                   them, by number */
    struct vmsd_fieldlist *fields;  /* the list "f" records go to */
    bool field_places;          /* version 5: fields have places */
    bool fit;                   /* version 6: the fit records and members */
    bool creations;             /* Q and J records go into the model */
    bool creations_last;        /* version 8: nothing but Q and J after
                                   the first of them */
    bool in_creations;          /* a Q or J record has been read */
    struct vmsd_loc last_field_loc;
    bool field_placed;          /* the field being read has a place */
    struct vmsd_loc last_loc;   /* version 7: the place before, with a
                                   file, that a place counts from */
    struct name_places *name_places;    /* not in the reader, whose
                                           initializer zeroes it all */
    uint32_t n_descs, n_sublists, n_fieldlists;   /* version 7's ids */
    int version;
    long long value;            /* the last integer read_int read */
    char *error;
    size_t error_size;
};

/* Fails with the line the reader stopped on (counted only then). */
static bool bad(struct reader *r, const char *what)
{
    size_t line = 1;
    for (const char *q = r->text; q < r->p; q++)
        line += *q == '\n';
    return vmsd_fail(r->error, r->error_size, "line %zu: %s", line, what);
}

static bool at(struct reader *r, char c)
{
    return r->p < r->end && *r->p == c;
}

static bool take(struct reader *r, char c)
{
    if (!at(r, c))
        return false;
    r->p++;
    return true;
}

/* The space before each value. */
static bool space(struct reader *r)
{
    return take(r, ' ') || bad(r, "a value is missing");
}

/* Decimal digits right here, as much as an unsigned long long holds. */
static bool digits(struct reader *r, unsigned long long *out)
{
    unsigned long long v = 0;
    const char *first = r->p;
    for (; r->p < r->end && *r->p >= '0' && *r->p <= '9'; r->p++) {
        unsigned digit = (unsigned)(*r->p - '0');
        if (v > (ULLONG_MAX - digit) / 10)
            return bad(r, "a number is too long");
        v = v * 10 + digit;
    }
    if (r->p == first)
        return bad(r, "a number is missing");
    *out = v;
    return true;
}

/* A decimal integer in [MIN, MAX] right here. */
static bool number_checked(struct reader *r, long long min, long long max,
                           long long *out)
{
    bool negative = take(r, '-');
    unsigned long long v;
    if (!digits(r, &v))
        return false;
    /* The value, not its digits, against the range: "-0" is below a
     * range that starts at 1, and every number is outside an empty one
     * (a place's file when the document names no file). */
    if (v > (unsigned long long)LLONG_MAX + negative)
        return bad(r, "a number is out of range");
    long long value = negative ? (long long)(0ULL - v) : (long long)v;
    if (value < min || value > max)
        return bad(r, "a number is out of range");
    *out = value;
    return true;
}

/* number_checked, but the numbers of a few digits (nearly all: names'
 * lengths and numbers, lines) read in line; a sign, nine digits or more,
 * and a number out of range go to number_checked, which reads them
 * again and says what is wrong. */
static inline bool number(struct reader *r, long long min, long long max,
                          long long *out)
{
    const char *p = r->p;
    long long v = 0;
    int n = 0;
    for (; n < 9 && p + n < r->end && p[n] >= '0' && p[n] <= '9'; n++)
        v = v * 10 + (p[n] - '0');
    if (n == 0 || n == 9 || v < min || v > max)
        return number_checked(r, min, max, out);
    r->p = p + n;
    *out = v;
    return true;
}

/* " VALUE", an integer in [MIN, MAX], into *OUT of any integer type
 * (through the reader's scratch 'value'). */
static bool read_int(struct reader *r, long long min, long long max)
{
    return space(r) && number(r, min, max, &r->value);
}

/* " VALUE", any uint64_t (a field's .size, which is a size_t). */
_Static_assert(ULLONG_MAX == UINT64_MAX, "digits() reads a whole uint64_t");
static bool read_uint64(struct reader *r, uint64_t *out)
{
    unsigned long long v;
    if (!space(r))
        return false;
    if (at(r, '-'))
        return bad(r, "a number is out of range");
    if (!digits(r, &v))
        return false;
    *out = v;
    return true;
}

#define READ_INT(r, min, max, out)                                        \
    (read_int((r), (min), (max))                                          \
     && ((*(out) = (__typeof__(*(out)))(r)->value), true))

/* ITEMS (N elements of SIZE bytes, an array of the model's records)
 * with room for one more, on the heap or in the reader's arena. */
static void *grow_array(struct reader *r, void *items, size_t n, size_t size)
{
    return r->arrays ? vmsd_arena_grow(r->arrays, items, n, size)
                     : vmsd_grow(items, n, size);
}

/* VMSD_APPEND for the model's arrays. */
#define READ_APPEND(r, items, n)                                          \
    ((items) = (__typeof__(items))grow_array((r), (items), (n),           \
                                             sizeof *(items)),            \
     memset(&(items)[(n)], 0, sizeof *(items)), &(items)[(n)++])

/* The pieces names are cut from: a name needs no alignment, and most
 * are a few bytes, where the arena rounds each allocation up to 16.
 * Under AddressSanitizer each name is an allocation of its own, as the
 * arena's are, so that an overrun is caught. */
#ifdef __SANITIZE_ADDRESS__
#define NAMES_PIECE 0
#else
#define NAMES_PIECE ((size_t)4 << 10)
#endif

/* Room for a name of LEN bytes and its NUL, in the names' arena. */
static char *name_room(struct reader *r, size_t len)
{
    struct vmsd_facts_scratch *scratch = r->scratch;
    if (len + 1 > (size_t)(scratch->names_end - scratch->names_next)) {
        size_t size = len + 1 > NAMES_PIECE ? len + 1 : NAMES_PIECE;
        scratch->names_next = vmsd_arena_alloc(r->names_arena, size);
        scratch->names_end = scratch->names_next + size;
    }
    char *name = scratch->names_next;
    scratch->names_next += len + 1;
    return name;
}

/* ITEMS, a table of the scratch's of *ROOM elements of SIZE bytes, with
 * room for element N: doubled, or made FIRST long. */
static void *scratch_room(void *items, size_t *room, size_t n, size_t first,
                          size_t size)
{
    if (n < *room)
        return items;
    *room = *room ? 2 * *room : first;
    return vmsd_xrealloc(items, *room * size);
}

/* A name (see put_name); *OUT is the model's copy, or NULL: one copy
 * a name, shared by every record that names it.  With OUT NULL (a record
 * left out), the name is only checked and numbered: the names a record
 * writes are numbered whether it is kept or not. */
static inline bool name_here(struct reader *r, bool nullable, char **out)
{
    long long n, shared = 0;
    struct read_name *name;
    struct name_span span;      /* the name's: kept at hand, not read back
                                   from the table just written */
    if (out)
        *out = NULL;
    if (take(r, '-'))
        return nullable || bad(r, "a name is missing");
    struct name_span *before = name_place(r->name_places);
    if (take(r, '^')) {
        if (!number(r, 0, LLONG_MAX, &n))
            return false;
        if ((size_t)n >= r->n_names)
            return bad(r, "a name refers to one not yet written");
        name = &r->scratch->names[n];
        span = name->span;
    } else {
        if (!number(r, 0, LLONG_MAX, &n))
            return bad(r, "a name is not LENGTH:BYTES");
        if (r->version >= 7 && take(r, '+')) {
            shared = n;
            if ((size_t)shared > before->len)
                return bad(r, "a name shares more bytes than the name "
                           "before it has");
            if (!number(r, 0, LLONG_MAX, &n))
                return bad(r, "a name is not LENGTH:BYTES");
        }
        if (!take(r, ':'))
            return bad(r, "a name is not LENGTH:BYTES");
        if ((unsigned long long)n > (size_t)(r->end - r->p))
            return bad(r, "a name runs past the end");
        struct name_span s = { r->p, (size_t)n };
        char *joined = NULL;
        if (memchr(s.start, '\0', s.len))
            return bad(r, "a name holds a NUL byte");
        r->p += n;
        if (shared) {
            /* Its bytes are not together in the text: joined in the
             * names' arena, even for a record left out, since later
             * names may repeat it or share its bytes. */
            size_t len = (size_t)shared + s.len;
            joined = name_room(r, len);
            memcpy(joined, before->start, (size_t)shared);
            memcpy(joined + shared, s.start, s.len);
            joined[len] = '\0';
            s = (struct name_span){ joined, len };
        }
        /* A unit writes a few hundred names: room for them at once. */
        struct vmsd_facts_scratch *scratch = r->scratch;
        scratch->names = scratch_room(scratch->names, &scratch->names_room,
                                      r->n_names, 512,
                                      sizeof *scratch->names);
        name = &scratch->names[r->n_names++];
        *name = (struct read_name){ s, joined };
        span = s;
    }
    *before = span;
    if (!out)
        return true;
    if (!name->copy) {
        name->copy = name_room(r, span.len);
        memcpy(name->copy, span.start, span.len);
        name->copy[span.len] = '\0';
    }
    *out = name->copy;
    return true;
}

static inline bool read_name(struct reader *r, bool nullable, char **out)
{
    return space(r) && name_here(r, nullable, out);
}

static bool loc_here(struct reader *r, struct vmsd_loc *loc)
{
    long long file = -1, line, column;
    memset(loc, 0, sizeof *loc);
    if ((!at(r, ':') && !number(r, 0, (long long)r->n_files - 1, &file))
        || !take(r, ':') || !number(r, 0, UINT_MAX, &line) || !take(r, ':')
        || !number(r, 0, UINT_MAX, &column))
        return bad(r, "a place is not FILE:LINE:COLUMN");
    loc->file = file < 0 ? NULL : r->scratch->files[file];
    loc->line = (unsigned)line;
    loc->column = (unsigned)column;
    return true;
}

/* " LOC"; from version 7 also "+LINES:COLUMN" or "-LINES:COLUMN", in
 * the file of the place before it that has one, LINES after or before
 * its line (see put_loc). */
static bool read_loc(struct reader *r, struct vmsd_loc *loc)
{
    if (!space(r))
        return false;
    long long lines, column;
    bool after = r->version >= 7 && take(r, '+');
    if (!after && (r->version < 7 || !at(r, '-'))) {
        if (!loc_here(r, loc))
            return false;
    } else {
        if (!number(r, after ? 0 : -(long long)UINT_MAX, after ? UINT_MAX : 0,
                    &lines)
            || !take(r, ':') || !number(r, 0, UINT_MAX, &column))
            return bad(r, "a place is not FILE:LINE:COLUMN or "
                       "+LINES:COLUMN");
        if (!r->last_loc.file)
            return bad(r, "a place counts from no place before it");
        if (lines < -(long long)r->last_loc.line
            || lines > (long long)UINT_MAX - r->last_loc.line)
            return bad(r, "a place's line is out of range");
        *loc = r->last_loc;
        loc->line = (unsigned)(loc->line + lines);
        loc->column = (unsigned)column;
    }
    if (loc->file)
        r->last_loc = *loc;
    return true;
}

static bool read_ref(struct reader *r, struct vmsd_ref *ref)
{
    memset(ref, 0, sizeof *ref);
    if (!space(r))
        return false;
    if (take(r, 'N')) {
        ref->is_null = true;
        return true;
    }
    long long uid;
    return number(r, 0, UINT32_MAX, &uid)
           && ((ref->uid = (uint32_t)uid), true)
           && read_name(r, uid == 0, &ref->symbol)
           && read_loc(r, &ref->loc);
}

static bool read_bool(struct reader *r, bool *out)
{
    return READ_INT(r, 0, 1, out);
}

static bool read_file(struct reader *r)
{
    char *name;
    struct vmsd_facts_scratch *scratch = r->scratch;
    if (!read_name(r, false, &name))
        return false;
    scratch->files = scratch_room(scratch->files, &scratch->files_room,
                                  r->n_files, 16, sizeof *scratch->files);
    scratch->files[r->n_files++] = r->file(r->file_arg, name);
    return true;
}

/* A list's id: from version 7 its S or L record's number, not
 * written. */
static bool read_list_uid(struct reader *r, uint32_t *count, uint32_t *uid)
{
    if (r->version < 7)
        return READ_INT(r, 1, UINT32_MAX, uid);
    *uid = ++*count;
    return true;
}

static bool read_sublist(struct reader *r)
{
    uint32_t uid;
    bool too_long;
    if (!read_list_uid(r, &r->n_sublists, &uid) || !read_bool(r, &too_long))
        return false;
    struct vmsd_sublist *list = vmsd_model_add_sublist(r->model, uid);
    if (!list)
        return bad(r, "a subsection list's id is used twice");
    list->too_long = too_long;
    while (!at(r, '\n')) {
        if (list->n_slots == VMSD_MAX_LIST_SLOTS)
            return bad(r, "a list holds more slots than a list can");
        if (!read_ref(r, vmsd_sublist_append(r->model, list)))
            return false;
    }
    return true;
}

/* The list "f" records go to from here on. */
static bool start_fieldlist(struct reader *r, uint32_t uid, bool terminated)
{
    r->fields = vmsd_model_add_fieldlist(r->model, uid);
    if (!r->fields)
        return bad(r, "a field list's id is used twice");
    r->fields->terminated = terminated;
    return true;
}

static bool read_fieldlist(struct reader *r)
{
    uint32_t uid;
    bool terminated;
    if (!read_list_uid(r, &r->n_fieldlists, &uid)
        || !read_bool(r, &terminated) || !start_fieldlist(r, uid, terminated))
        return false;
    if (at(r, '\n'))
        return true;
    /* An entry after the end marker: only where there is one. */
    if (!terminated)
        return bad(r, "a list without its end has an entry after it");
    return read_name(r, false, &r->fields->after_end)
           && read_loc(r, &r->fields->after_end_loc);
}

/* A value of M's kind, " VALUE", into RECORD. */
static bool read_value(struct reader *r, const struct facts_member *m,
                       void *record)
{
    switch (m->kind) {
    case VMSD_KIND_NAME:
    case VMSD_KIND_OPT_NAME:
        return read_name(r, m->kind == VMSD_KIND_OPT_NAME,
                         AT(char *, record, m));
    case VMSD_KIND_INT:
        return READ_INT(r, INT_MIN, INT_MAX, AT(int, record, m));
    case VMSD_KIND_U32:
    case VMSD_KIND_UID:
        return READ_INT(r, 0, UINT32_MAX, AT(uint32_t, record, m));
    case VMSD_KIND_U64:
        return read_uint64(r, AT(uint64_t, record, m));
    case VMSD_KIND_COUNT:
        return READ_INT(r, 0, LLONG_MAX, AT(size_t, record, m));
    case VMSD_KIND_BOOL:
        return read_bool(r, AT(bool, record, m));
    case VMSD_KIND_LOC:
        return read_loc(r, AT(struct vmsd_loc, record, m));
    case VMSD_KIND_REF:
        return read_ref(r, AT(struct vmsd_ref, record, m));
    case VMSD_KIND_DESC:
    case VMSD_KIND_LINKAGE:
    case VMSD_KIND_MARKER:
        break;
    }
    abort();                    /* an own value's */
}

/* A tag's value right here, after its letter. */
static bool read_tag(struct reader *r, const struct facts_member *m,
                     void *record)
{
    long long v;
    unsigned long long u;
    switch (m->kind) {
    case VMSD_KIND_INT:
        if (!number(r, INT_MIN, INT_MAX, &v))
            return false;
        *AT(int, record, m) = (int)v;
        return true;
    case VMSD_KIND_U64:
        if (at(r, '-'))
            return bad(r, "a number is out of range");
        if (!digits(r, &u))
            return false;
        *AT(uint64_t, record, m) = u;
        return true;
    case VMSD_KIND_OPT_NAME:
        return name_here(r, false, AT(char *, record, m));
    case VMSD_KIND_REF:
        return read_ref(r, AT(struct vmsd_ref, record, m))
               && (AT(struct vmsd_ref, record, m)->symbol
                   || bad(r, "a nested description has no symbol"));
    default:
        abort();                /* records.def has no such tag */
    }
}

/* RECORD's values, then, when UNKNOWN is not NULL (a record with tags),
 * its tags up to the end of the line; UNKNOWN says a tag that is not
 * one. */
static bool read_members(struct reader *r, struct facts_record *of,
                         void *record, const char *unknown)
{
    const struct facts_record *f = ready(of);
    for (size_t i = 0; i < f->n_values; i++) {
        const struct facts_member *m = f->values[i];
        if (!(m->read ? m->read(r, record, 0) : read_value(r, m, record)))
            return false;
    }
    while (unknown && !at(r, '\n')) {
        if (!space(r))
            return false;
        if (r->p == r->end)
            return bad(r, "a value is missing");
        unsigned char letter = (unsigned char)*r->p;
        const struct facts_member *m = letter < 128 ? f->tags[letter] : NULL;
        if (!m || m->since > r->version)
            return bad(r, unknown);
        r->p++;
        if (!(m->read ? m->read(r, record, (char)letter)
                      : read_tag(r, m, record)))
            return false;
    }
    return true;
}

/* A field's place right here (see put_field_loc): "lDELTA", the line
 * DELTA lines from the field's before (in its file and column), or
 * "pFILE:LINE:COLUMN". */
static bool read_field_loc(struct reader *r, void *record, char tag)
{
    struct vmsd_loc *loc = &((struct vmsd_field *)record)->loc;
    const struct vmsd_loc before = r->last_field_loc;
    long long delta;
    r->field_placed = true;
    if (tag == 'p')
        return loc_here(r, loc);
    if (!number(r, -(long long)before.line,
                (long long)UINT_MAX - before.line, &delta))
        return false;
    *loc = before;
    loc->line = (unsigned)(before.line + delta);
    return true;
}

/* "xFUNCTION" (from version 6) or "e". */
static bool read_field_exists(struct reader *r, void *record, char tag)
{
    struct vmsd_field *f = record;
    f->has_field_exists = true;
    if (tag == 'e')
        return true;
    if (!r->fit) {
        r->p--;
        return bad(r, "a field has an unknown member");
    }
    return name_here(r, false, &f->field_exists);
}

/* A field appended to the list "f" records go to. */
static struct vmsd_field *append_field(struct reader *r)
{
    struct vmsd_fieldlist *list = r->fields;
    if (!r->fields_arena)
        return vmsd_fieldlist_append(r->model, list);
    list->fields = vmsd_arena_grow(r->fields_arena, list->fields,
                                   list->n_fields, sizeof *list->fields);
    return memset(&list->fields[list->n_fields++], 0, sizeof *list->fields);
}

static bool read_field(struct reader *r)
{
    if (!r->fields)
        return bad(r, "a field comes before any field list");
    struct vmsd_field *f = append_field(r);
    r->field_placed = false;
    if (!read_members(r, &field_record, f,
                      "a field has an unknown member"))
        return false;
    /* Without a place: the line after the field's before. */
    if (r->field_places && !r->field_placed) {
        if (r->last_field_loc.line == UINT_MAX)
            return bad(r, "a field's line is out of range");
        f->loc = r->last_field_loc;
        f->loc.line++;
    }
    r->last_field_loc = f->loc;
    return true;
}

/* From version 7 not written: the D record's number. */
static bool read_desc_uid(struct reader *r, void *record, char tag)
{
    (void)tag;
    if (r->version < 7)
        return READ_INT(r, 1, UINT32_MAX, &((struct vmsd_desc *)record)->uid);
    ((struct vmsd_desc *)record)->uid = ++r->n_descs;
    return true;
}

static bool read_desc_attributes(struct reader *r, void *record, char tag)
{
    static const char linkages[] = "sge", markers[] = "-01";
    struct vmsd_desc *d = record;
    (void)tag;
    if (!space(r))
        return false;
    const char *linkage = r->end - r->p >= 3 ? memchr(linkages, r->p[0], 3)
                                             : NULL;
    const char *marker = linkage ? memchr(markers, r->p[1], 3) : NULL;
    if (!linkage || !marker || (r->p[2] != 'u' && r->p[2] != '-'))
        return bad(r, "a description's attributes are not "
                   "LINKAGE MARKER UNREADABLE");
    d->linkage = (enum vmsd_linkage)(linkage - linkages);
    d->marker = (enum vmsd_marker)(marker - markers);
    d->name_unreadable = r->p[2] == 'u';
    r->p += 3;
    return true;
}

/* A description's list: its id, 0 for none; from version 7 "+" for
 * the next list of its kind, and LETTER (if any) for a plain field
 * list that starts here (see put_list_number). */
static bool read_list_number(struct reader *r, uint32_t *count, char letter,
                             uint32_t *uid)
{
    if (r->version >= 7 && r->end - r->p >= 2 && r->p[0] == ' '
        && (r->p[1] == '+' || (letter && r->p[1] == letter))) {
        r->p += 2;
        if (r->p[-1] == '+') {
            *uid = *count + 1;
            return true;
        }
        *uid = ++*count;
        return start_fieldlist(r, *uid, true);
    }
    return READ_INT(r, 0, UINT32_MAX, uid);
}

static bool read_desc_subsections(struct reader *r, void *record, char tag)
{
    (void)tag;
    return read_list_number(r, &r->n_sublists, 0,
                            &((struct vmsd_desc *)record)->subsections_uid);
}

static bool read_desc_fields(struct reader *r, void *record, char tag)
{
    (void)tag;
    return read_list_number(r, &r->n_fieldlists, '*',
                            &((struct vmsd_desc *)record)->fields_uid);
}

/* Read into a description of its own, then into the model's of its uid
 * (which references may have made already). */
static bool read_desc(struct reader *r)
{
    struct vmsd_desc read = { .defined = true };
    if (!read_members(r, &desc_record, &read, NULL))
        return false;
    struct vmsd_desc *d = vmsd_model_desc(r->model, read.uid);
    if (d->symbol)
        return bad(r, "a description's id is used twice");
    *d = read;
    return true;
}

static bool read_type(struct reader *r)
{
    return read_members(r, &qom_type_record,
                        READ_APPEND(r, r->model->types, r->model->n_types),
                        NULL);
}

static bool read_class_vmsd(struct reader *r)
{
    struct vmsd_class_vmsd *c = READ_APPEND(r, r->model->class_vmsds,
                                            r->model->n_class_vmsds);
    return read_name(r, false, &c->function)
           && read_bool(r, &c->conditional) && read_ref(r, &c->vmsd)
           && (at(r, '\n') || read_name(r, false, &c->data_member));
}

static bool read_call(struct reader *r)
{
    return read_members(r, &call_record,
                        READ_APPEND(r, r->model->calls, r->model->n_calls),
                        NULL);
}

static bool read_template_string(struct reader *r,
                                 struct vmsd_template_string *t)
{
    size_t n;
    if (!READ_INT(r, 0, 4096, &n))
        return false;
    for (size_t i = 0; i < n; i++) {
        struct vmsd_template_part *part = READ_APPEND(r, t->parts, t->n_parts);
        if (!space(r))
            return false;
        if (!take(r, 'c') && !(part->member = take(r, 'm')))
            return bad(r, "a template's part is not \"c NAME\" or "
                       "\"m NAME\"");
        if (!read_name(r, false, &part->text))
            return false;
    }
    return true;
}

/* "R * FUNCTION PARAM LOC CLASS_INIT DATA NAME PARENT [SET MEMBER]..." */
static bool read_template(struct reader *r)
{
    struct vmsd_template *t = READ_APPEND(r, r->model->templates,
                                          r->model->n_templates);
    if (!read_name(r, false, &t->function)
        || !READ_INT(r, 0, UINT_MAX, &t->param) || !read_loc(r, &t->loc)
        || !read_name(r, true, &t->class_init)
        || !read_bool(r, &t->data_is_struct)
        || !read_template_string(r, &t->name)
        || !read_template_string(r, &t->parent))
        return false;
    while (!at(r, '\n')) {
        struct vmsd_guard *g = READ_APPEND(r, t->guards, t->n_guards);
        if (!read_bool(r, &g->set) || !read_name(r, false, &g->member))
            return false;
    }
    return true;
}

/* "Y UID NAME...": the structs a description of the document is of. */
static bool read_desc_structs(struct reader *r)
{
    uint32_t uid;
    if (!READ_INT(r, 1, UINT32_MAX, &uid))
        return false;
    struct vmsd_desc *d = vmsd_model_find_desc(r->model, uid);
    if (!d || !d->symbol)
        return bad(r, "a struct match names no description of the unit");
    struct vmsd_desc_structs *y = READ_APPEND(r, r->model->desc_structs,
                                              r->model->n_desc_structs);
    y->desc = uid;
    while (!at(r, '\n')) {
        char *name;
        if (!read_name(r, false, &name))
            return false;
        *READ_APPEND(r, y->names, y->n_names) = name;
    }
    return true;
}

/* "R @ CALLER CALLEE ARG LOC CERTAIN [MEMBER VALUE]..." */
static bool read_struct_call(struct reader *r)
{
    struct vmsd_struct_call *c = READ_APPEND(r, r->model->struct_calls,
                                             r->model->n_struct_calls);
    bool certain;
    if (!read_name(r, false, &c->caller) || !read_name(r, false, &c->callee)
        || !READ_INT(r, 0, UINT_MAX, &c->arg) || !read_loc(r, &c->loc)
        || !read_bool(r, &certain))
        return false;
    c->uncertain = !certain;
    while (!at(r, '\n')) {
        struct vmsd_struct_member *m = READ_APPEND(r, c->members,
                                                   c->n_members);
        if (!read_name(r, false, &m->member) || !space(r))
            return false;
        if (take(r, '=')) {
            if (!read_name(r, false, &m->string))
                return false;
        } else if (take(r, '@')) {
            if (!read_ref(r, &m->vmsd))
                return false;
            if (!m->vmsd.symbol)
                return bad(r, "a struct member is not a description's "
                           "address");
        } else if (!take(r, '?')) {
            return bad(r, "a struct member is not \"= NAME\", \"@ REF\" "
                       "or \"?\"");
        }
    }
    return true;
}

static bool read_registration(struct reader *r)
{
    if (r->end - r->p >= 2 && r->p[0] == ' ' && r->p[1] == '*') {
        r->p += 2;
        return read_template(r);
    }
    if (r->end - r->p >= 2 && r->p[0] == ' ' && r->p[1] == '@') {
        r->p += 2;
        return read_struct_call(r);
    }
    struct vmsd_registration *reg = READ_APPEND(r, r->model->registrations,
                                                r->model->n_registrations);
    if (!read_name(r, false, &reg->name) || !read_name(r, true, &reg->parent)
        || !read_name(r, true, &reg->class_init) || !read_loc(r, &reg->loc))
        return false;
    while (!at(r, '\n')) {
        struct vmsd_data_member *d = READ_APPEND(r, reg->data, reg->n_data);
        if (!read_name(r, false, &d->member) || !read_ref(r, &d->vmsd))
            return false;
        if (!d->vmsd.symbol)
            return bad(r, "a class_data member is not a description's "
                       "address");
    }
    return true;
}

static bool read_unfollowed(struct reader *r)
{
    return read_members(r, &unfollowed_record,
                        READ_APPEND(r, r->model->unfollowed,
                                    r->model->n_unfollowed), NULL);
}

static bool read_instance(struct reader *r)
{
    return read_members(r, &instance_record,
                        READ_APPEND(r, r->model->instances,
                                    r->model->n_instances), NULL);
}

static bool read_struct_head(struct reader *r)
{
    return read_members(r, &struct_head_record,
                        READ_APPEND(r, r->model->struct_heads,
                                    r->model->n_struct_heads), NULL);
}

static bool read_machine_member(struct reader *r)
{
    return read_members(r, &machine_set_record,
                        READ_APPEND(r, r->model->machine_members,
                                    r->model->n_machine_members), NULL);
}

static bool read_compat_add(struct reader *r)
{
    return read_members(r, &compat_add_record,
                        READ_APPEND(r, r->model->compat_adds,
                                    r->model->n_compat_adds), NULL);
}

/* "G SYMBOL GLOBAL (DRIVER PROPERTY VALUE)..." */
static bool read_property_array(struct reader *r)
{
    struct vmsd_property_array *a = READ_APPEND(r, r->model->property_arrays,
                                                r->model->n_property_arrays);
    if (!read_members(r, &property_array_record, a, NULL))
        return false;
    while (!at(r, '\n'))
        if (!read_members(r, &compat_property_record,
                          READ_APPEND(r, a->entries, a->n_entries), NULL))
            return false;
    return true;
}

/* "X FUNCTION HOW (STRUCT OFFSET)..." */
static bool read_predicate(struct reader *r)
{
    struct vmsd_predicate *x = READ_APPEND(r, r->model->predicates,
                                           r->model->n_predicates);
    if (!read_name(r, false, &x->function) || !space(r))
        return false;
    if (r->p == r->end || !*r->p || !strchr("=!&?", *r->p))
        return bad(r, "a needed function's form is not =, !, & or ?");
    x->how = *r->p++;
    while (!at(r, '\n')) {
        struct vmsd_member_read *m = READ_APPEND(r, x->reads, x->n_reads);
        if (!read_name(r, false, &m->structure)
            || !read_uint64(r, &m->offset))
            return false;
    }
    return true;
}

/* "W ARRAY (NAME OFFSET DEFAULT)..." or "W * FUNCTION ARRAY" */
static bool read_device_props(struct reader *r)
{
    if (r->end - r->p >= 2 && r->p[0] == ' ' && r->p[1] == '*') {
        r->p += 2;
        struct vmsd_props_set *s = READ_APPEND(r, r->model->props_sets,
                                               r->model->n_props_sets);
        return read_name(r, false, &s->function)
               && read_name(r, false, &s->array);
    }
    struct vmsd_device_props *a = READ_APPEND(r, r->model->device_props,
                                              r->model->n_device_props);
    if (!read_name(r, false, &a->array))
        return false;
    while (!at(r, '\n')) {
        struct vmsd_device_property *p = READ_APPEND(r, a->props, a->n_props);
        if (!read_name(r, false, &p->name) || !read_uint64(r, &p->offset)
            || !space(r))
            return false;
        if (r->p == r->end || !*r->p || !strchr("01-", *r->p))
            return bad(r, "a property's default is not 0, 1 or -");
        p->bool_default = *r->p++;
    }
    return true;
}

static bool read_macro_value(struct reader *r)
{
    return read_members(r, &macro_value_record,
                        READ_APPEND(r, r->model->macro_values,
                                    r->model->n_macro_values), NULL);
}

/* Where a creation record's name goes: into the model, or, when the
 * reader leaves the creation records out, nowhere (read all the same). */
static char **creation_name(struct reader *r, char **slot)
{
    return r->creations ? slot : NULL;
}

/* "Q FUNCTION GLOBAL (KIND NAME)*" */
static bool read_creator(struct reader *r)
{
    struct vmsd_creator left_out = { 0 };
    struct vmsd_creator *c = r->creations
        ? READ_APPEND(r, r->model->creators, r->model->n_creators) : &left_out;
    if (!read_name(r, false, creation_name(r, &c->function))
        || !read_bool(r, &c->global))
        return false;
    while (!at(r, '\n')) {
        if (!space(r))
            return false;
        if (r->p == r->end || !strchr("tpmcrs", *r->p) || !*r->p)
            return bad(r, "a creation is not t, p, m, c, r or s and a "
                       "name");
        struct vmsd_create_item item = { .kind = *r->p++ };
        if (!read_name(r, false, creation_name(r, &item.name)))
            return false;
        if (r->creations)
            *READ_APPEND(r, c->items, c->n_items) = item;
    }
    return true;
}

/* "J OWNER KIND ...": what follows KIND depends on it. */
static bool read_hook(struct reader *r)
{
    struct vmsd_hook left_out = { 0 };
    struct vmsd_hook *h = r->creations
        ? READ_APPEND(r, r->model->hooks, r->model->n_hooks) : &left_out;
    if (!read_name(r, false, creation_name(r, &h->owner)) || !space(r))
        return false;
    if (r->p == r->end || !*r->p || !strchr("iarmus", *r->p))
        return bad(r, "a hook is not i, a, r, m, u or s");
    h->kind = *r->p++;
    switch (h->kind) {
    case VMSD_HOOK_ABSTRACT:
        return true;
    case VMSD_HOOK_USER_CREATABLE:
        return read_bool(r, &h->flag);
    case VMSD_HOOK_MEMBER_STRING:
        return read_name(r, false, creation_name(r, &h->name))
               && read_name(r, false, creation_name(r, &h->value));
    default:
        return read_name(r, false, creation_name(r, &h->name));
    }
}

/* The records by letter (looked up for every record). */
static const struct {
    bool (*read)(struct reader *);
    int since;                  /* the first version that has it */
} records[128] = {
    ['F'] = { read_file, 4 }, ['D'] = { read_desc, 4 },
    ['S'] = { read_sublist, 4 }, ['L'] = { read_fieldlist, 4 },
    ['f'] = { read_field, 4 }, ['T'] = { read_type, 4 },
    ['C'] = { read_class_vmsd, 4 }, ['K'] = { read_call, 4 },
    ['Y'] = { read_desc_structs, 6 }, ['I'] = { read_instance, 6 },
    ['O'] = { read_struct_head, 6 },
    ['R'] = { read_registration, 6 }, ['U'] = { read_unfollowed, 6 },
    ['M'] = { read_machine_member, 6 }, ['P'] = { read_compat_add, 6 },
    ['G'] = { read_property_array, 6 }, ['V'] = { read_macro_value, 6 },
    ['Q'] = { read_creator, 6 }, ['J'] = { read_hook, 6 },
    ['X'] = { read_predicate, 6 }, ['W'] = { read_device_props, 6 },
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Version 8: nothing but blanks between the end record and the NUL
 * that ends the document (or the end of the text), so that a reader
 * passing over the creation records finds the same end. */
static bool document_ends(struct reader *r)
{
    const char *q = r->p;
    while (q < r->end && is_space(*q))
        q++;
    return q == r->end || *q == '\0'
           || bad(r, "the document goes on past its end record");
}

/* Version 8, creation records left out: they run to the end record,
 * which ends the document, so only that end is looked for and checked
 * (the first NUL, or the end of the text, after the end record and
 * blanks).  What they hold is no command's business but the
 * containment graph's, whose commands read them whole. */
static bool pass_over_creations(struct reader *r)
{
    const char *stop = memchr(r->p, '\0', (size_t)(r->end - r->p));
    const char *q = stop ? stop : r->end;
    while (q > r->p && is_space(q[-1]))
        q--;
    if (q - r->p < 2 || q[-1] != 'E' || q[-2] != '\n' || q == r->end
        || *q != '\n')
        return bad(r, "the facts end before their end record (truncated?)");
    r->p = q + 1;
    return true;
}

/* Records up to the end record "E". */
static bool read_records(struct reader *r)
{
    while (r->p < r->end) {
        char letter = *r->p++;
        if (letter == 'E')
            return (take(r, '\n') || bad(r, "the end record is not \"E\""))
                   && (!r->creations_last || document_ends(r));
        bool creation = letter == 'Q' || letter == 'J';
        if (r->creations_last && r->in_creations && !creation) {
            r->p--;
            return bad(r, "a record follows the creation records (Q, J), "
                       "which come last");
        }
        r->in_creations |= creation;
        if (creation && r->creations_last && !r->creations)
            return pass_over_creations(r);
        names_begin(r->name_places, letter);
        unsigned char k = (unsigned char)letter;
        if (k >= sizeof records / sizeof *records || !records[k].read
            || records[k].since > r->version) {
            r->p--;
            return bad(r, "not a record");
        }
        if (!records[k].read(r))
            return false;
        if (!take(r, '\n'))
            return bad(r, "a record goes on past its last value");
    }
    return bad(r, "the facts end before their end record (truncated?)");
}

/* "vmsdcheck-facts VERSION UNIT"; an older plugin wrote JSON.  *UNIT
 * is the unit's name among the document's names. */
static bool read_header(struct reader *r, char **unit)
{
    size_t n = strlen(VMSD_FACTS_FORMAT);
    long long version;
    if (at(r, '{'))
        return vmsd_fail(r->error, r->error_size, "facts of an older "
                         "vmsdcheck (JSON, version 3 or before): rebuild the "
                         "objects with this vmsdcheck's plugin");
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, VMSD_FACTS_FORMAT, n))
        return vmsd_fail(r->error, r->error_size, "not vmsdcheck facts");
    r->p += n;
    if (!space(r) || !number(r, 0, INT_MAX, &version))
        return false;
    if (version < VMSD_FACTS_OLDEST_READ || version > VMSD_FACTS_VERSION)
        return vmsd_fail(r->error, r->error_size, "facts version %lld; this "
                         "vmsdcheck reads versions %d to %d (rebuild the "
                         "objects with its plugin)", version,
                         VMSD_FACTS_OLDEST_READ, VMSD_FACTS_VERSION);
    r->version = (int)version;
    r->field_places = version >= 5;
    r->fit = version >= 6;
    r->creations_last = version >= 8;
    return read_name(r, false, unit)
           && (take(r, '\n') || bad(r, "the header goes on past the unit"));
}

/* One document into R's model; *UNIT its unit's name (R's names'). */
static bool read_document(struct reader *r, const char *text, size_t length,
                          const char **unit, size_t *used, char *error,
                          size_t error_size)
{
    struct name_places places;
    char *name = NULL;
    names_init(&places);
    r->text = r->p = text;
    r->end = text + length;
    r->name_places = &places;
    r->error = error;
    r->error_size = error_size;
    bool ok = read_header(r, &name) && read_records(r);
    *unit = ok ? name : NULL;
    *used = (size_t)(r->p - text);
    return ok;
}

/* The files of a model read on its own: interned in it. */
static const char *model_file(void *model, const char *file)
{
    return vmsd_model_adopt_file(model, file);
}

bool vmsd_facts_read(const char *text, size_t length,
                     struct vmsd_model *model, char **unit, size_t *used,
                     char *error, size_t error_size)
{
    return vmsd_facts_read_parts(text, length, true, model, unit, used,
                                 error, error_size);
}

bool vmsd_facts_read_parts(const char *text, size_t length, bool creations,
                           struct vmsd_model *model, char **unit,
                           size_t *used, char *error, size_t error_size)
{
    struct vmsd_facts_scratch scratch = { 0 };
    struct reader r = { .model = model,
                        .names_arena = vmsd_model_arena(model),
                        .file = model_file, .file_arg = model,
                        .scratch = &scratch, .creations = creations };
    const char *name;
    bool ok = read_document(&r, text, length, &name, used, error,
                            error_size);
    *unit = vmsd_strdup(name);      /* the caller's */
    free(scratch.names);
    free(scratch.files);
    return ok;
}

bool vmsd_facts_read_unit(struct vmsd_facts_reading *how, const char *text,
                          size_t length, struct vmsd_model *model,
                          const char **unit, size_t *used, char *error,
                          size_t error_size)
{
    if (!how->scratch)
        how->scratch = vmsd_xcalloc(1, sizeof *how->scratch);
    struct reader r = { .model = model, .names_arena = how->lasting,
                        .fields_arena = how->lasting,
                        .file = how->file, .file_arg = how->file_arg,
                        .arrays = vmsd_model_arena(model),
                        .scratch = how->scratch,
                        .creations = how->creations };
    return read_document(&r, text, length, unit, used, error, error_size);
}

void vmsd_facts_reading_end(struct vmsd_facts_reading *how)
{
    if (how->scratch) {
        free(how->scratch->names);
        free(how->scratch->files);
        free(how->scratch);
    }
    how->scratch = NULL;
}
