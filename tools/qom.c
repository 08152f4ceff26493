/* Device types, their descriptions, and -dump-vmstate's JSON. */
#include "qom.h"
#include "program.h"
#include "report.h"

#include "../checker/baseline.h"
#include "../checker/json-name.h"
#include "../checker/strbuf.h"
#include "../checker/strset.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <jansson.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A function of a unit that sets a class's vmsd or hands the class on,
 * and, once asked, what it sets. */
struct qom_function {
    const struct vmsd_class_vmsd *direct;       /* its last unguarded
                                                   assignment */
    const struct vmsd_class_vmsd *guarded;      /* its last guarded one */
    const struct vmsd_call **calls;     /* the calls it hands the class to */
    size_t n_calls;
    enum { FUNCTION_UNSEEN, FUNCTION_ON_PATH, FUNCTION_DONE } state;
    const struct vmsd_class_vmsd *sets;
    bool conditional;
    size_t where;
};

/* UNIT's function NAME, or NULL when it has none. */
static struct qom_function *unit_function(const struct qom_units *units,
                                          size_t unit, const char *name)
{
    struct vmsd_strset_slot *slot =
        vmsd_strset_find_name(&units->bodies[unit], name);
    return slot ? slot->value : NULL;
}

/* UNIT's function NAME, made if new (in the units' arena), and where
 * its name leads (the first unit that has it, for calls of other
 * units). */
static struct qom_function *add_function(struct qom_units *units,
                                         size_t unit, const char *name)
{
    struct vmsd_strset_slot *slot =
        vmsd_strset_add_name(&units->functions, name);
    if (!slot->value)
        slot->value = (void *)(uintptr_t)(unit + 1);
    slot = vmsd_strset_add_name(&units->bodies[unit], name);
    if (!slot->value)
        slot->value = vmsd_arena_alloc(&units->arena,
                                       sizeof(struct qom_function));
    return slot->value;
}

void qom_units_init(struct qom_units *units,
                    const struct vmsd_model *const *models, size_t n)
{
    memset(units, 0, sizeof *units);
    units->models = models;
    units->n = n;
    vmsd_arena_use_reserve(&units->arena);      /* filled densely */
    /* Every key is a name of the models, which outlive the sets. */
    units->functions.borrows_keys = true;
    units->bodies = vmsd_xcalloc(n + 1, sizeof *units->bodies);
    size_t n_functions = 0;     /* at most */
    for (size_t u = 0; u < n; u++) {
        units->bodies[u].borrows_keys = true;
        n_functions += models[u]->n_class_vmsds + models[u]->n_calls;
    }
    vmsd_strset_reserve(&units->functions, n_functions);
    for (size_t u = 0; u < n; u++) {
        const struct vmsd_model *m = models[u];
        for (size_t i = 0; i < m->n_class_vmsds; i++) {
            const struct vmsd_class_vmsd *c = &m->class_vmsds[i];
            struct qom_function *f = add_function(units, u, c->function);
            if (c->conditional)
                f->guarded = c;
            else
                f->direct = c;
        }
        for (size_t i = 0; i < m->n_calls; i++) {
            struct qom_function *f = add_function(units, u,
                                                  m->calls[i].caller);
            f->calls = vmsd_arena_grow(&units->arena, f->calls, f->n_calls,
                                       sizeof *f->calls);
            f->calls[f->n_calls++] = &m->calls[i];
        }
    }
}

void qom_units_free(struct qom_units *units)
{
    for (size_t u = 0; u < units->n; u++)
        vmsd_strset_free(&units->bodies[u]);
    free(units->bodies);
    vmsd_strset_free(&units->functions);
    vmsd_arena_free(&units->arena);
}

/* The unit a call's callee is in: the caller's, else (with external
 * linkage) the one that defines it; N when none does. */
static size_t callee_unit(const struct qom_units *units, size_t unit,
                          const struct vmsd_call *call)
{
    if (unit_function(units, unit, call->callee) || !call->global)
        return unit;
    struct vmsd_strset_slot *slot =
        vmsd_strset_find_name(&units->functions, call->callee);
    return slot ? (size_t)(uintptr_t)slot->value - 1 : units->n;
}

/* F's call of a helper was answered by HELPER. */
static void take_from(struct qom_function *f, const struct qom_function *helper)
{
    if (!helper->sets)
        return;
    f->sets = helper->sets;
    f->conditional = helper->conditional;
    f->where = helper->where;
}

static void begin(struct qom_function *f, size_t unit)
{
    f->state = FUNCTION_ON_PATH;
    f->where = unit;
    f->sets = f->direct;
}

/* What F (of UNIT) sets: its unguarded assignment, else the first helper
 * it hands the class to that sets one, else its guarded assignment.
 * Each function is worked out once and remembered, and a helper already
 * on the way (helpers that call each other) adds nothing: over all the
 * program's types the walk costs O(functions + calls) of its units,
 * however deep or meshed the helpers are.  Its own stack, as deep as
 * the longest chain of helpers. */
static void work_out(const struct qom_units *units, size_t unit,
                     struct qom_function *f)
{
    struct frame {
        size_t unit;
        struct qom_function *f;
        size_t next_call;
    } *stack = NULL;
    size_t depth = 0;
    begin(f, unit);
    *VMSD_APPEND(stack, depth) = (struct frame){ unit, f, 0 };
    while (depth) {
        struct frame *top = &stack[depth - 1];
        struct qom_function *at = top->f;
        if (!at->sets && top->next_call < at->n_calls) {
            const struct vmsd_call *call = at->calls[top->next_call++];
            size_t in = callee_unit(units, top->unit, call);
            struct qom_function *helper = in == units->n ? NULL
                : unit_function(units, in, call->callee);
            if (!helper || helper->state == FUNCTION_ON_PATH)
                continue;
            if (helper->state == FUNCTION_DONE) {
                take_from(at, helper);
                continue;
            }
            begin(helper, in);
            *VMSD_APPEND(stack, depth) = (struct frame){ in, helper, 0 };
            continue;
        }
        if (!at->sets && at->guarded) {
            at->sets = at->guarded;
            at->conditional = true;
        }
        at->state = FUNCTION_DONE;
        if (--depth)
            take_from(stack[depth - 1].f, at);
    }
    free(stack);
}

const struct vmsd_class_vmsd *qom_class_vmsd(const struct qom_units *units,
                                             size_t unit, const char *function,
                                             bool *conditional, size_t *where)
{
    *conditional = false;
    *where = unit;
    struct qom_function *f = function
        ? unit_function(units, unit, function) : NULL;
    if (!f)
        return NULL;
    if (f->state == FUNCTION_UNSEEN)
        work_out(units, unit, f);
    *conditional = f->conditional;
    *where = f->where;
    return f->sets;
}

/* The JSON -dump-vmstate writes for a description (dump_vmstate_vmsd in
 * QEMU's migration/savevm.c) repeats a nested description at each use,
 * so what it writes can grow exponentially with its input (a description
 * whose two fields nest the same one, a few levels deep).  The JSON of
 * each description is built once and shared, and what the text would
 * hold is measured (memoised per description) before it is written:
 * building and measuring cost O(descriptions + fields + subsections); the
 * text is written only within DUMP_MAX_ENTRIES, nesting within
 * DUMP_MAX_NESTING (docs/dump-vmstate.md). */
#define DUMP_MAX_ENTRIES 1000000u
#define DUMP_MAX_NESTING 64

/* What a description's JSON holds, nested descriptions included. */
struct extent {
    uint64_t entries;           /* descriptions and fields written */
    int height;                 /* levels of nesting below it */
};

struct dumped {
    json_t *json;               /* NULL while it is being built */
    struct extent extent;
};

struct dump {
    const struct program *program;
    const char *type;           /* the device type being written */
    struct vmsd_uid_index dumped;       /* uid -> struct dumped */
    bool failed;                /* said on stderr */
};

static json_t *json_vmsd(struct dump *dump, const struct vmsd_desc *d,
                         int depth, struct extent *extent);

static uint64_t add_entries(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* Count NESTED, one level below, into EXTENT. */
static void take_nested(struct extent *extent, const struct extent *nested)
{
    extent->entries = add_entries(extent->entries, nested->entries);
    if (nested->height + 1 > extent->height)
        extent->height = nested->height + 1;
}

/* The members of RECORD's model struct AT that -dump-vmstate writes, in
 * its order; an array's (ARRAY) too.  QEMU prints a missing name with
 * printf's "%s", which glibc writes as "(null)" (acpi-ged's cpuhp stub
 * on aarch64). */
static json_t *json_members(const struct vmsd_record *record, const void *at,
                            bool array)
{
    json_t *out = json_object();
    for (int k = 1; k <= (int)record->n_members; k++) {
        for (size_t i = 0; i < record->n_members; i++) {
            const struct vmsd_member *m = &record->members[i];
            if (m->dump != k || (m->dump_array && !array))
                continue;
            const void *in = (const char *)at + m->model_offset;
            json_t *v;
            switch (m->kind) {
            case VMSD_KIND_NAME:
            case VMSD_KIND_OPT_NAME:
                v = vmsd_json_name(*(char *const *)in ? *(char *const *)in
                                                      : "(null)");
                break;
            case VMSD_KIND_INT:
                v = json_integer(*(const int *)in);
                break;
            case VMSD_KIND_U64:
                v = json_integer((json_int_t)*(const uint64_t *)in);
                break;
            case VMSD_KIND_BOOL:
                v = json_boolean(*(const bool *)in);
                break;
            default:
                abort();        /* records.def dumps no such member */
            }
            json_object_set_new(out, m->dump_key, v);
        }
    }
    return out;
}

static json_t *json_field(struct dump *dump, const struct vmsd_field *f,
                          int depth, struct extent *extent)
{
    json_t *out = json_members(&vmsd_field_record, f,
                               f->flags & VMSD_VMS_ARRAY);
    *extent = (struct extent){ 1, 0 };
    if (f->vmsd.target) {
        struct extent nested;
        json_t *d = json_vmsd(dump, f->vmsd.target, depth + 1, &nested);
        if (!d) {
            json_decref(out);
            return NULL;
        }
        json_object_set_new(out, "Description", d);
        take_nested(extent, &nested);
    }
    return out;
}

static json_t *build_vmsd(struct dump *dump, const struct vmsd_desc *d,
                          int depth, struct extent *extent)
{
    json_t *out = json_members(&vmsd_desc_record, d, false);
    *extent = (struct extent){ 1, 0 };
    if (d->fields) {
        json_t *fields = json_array();
        json_object_set_new(out, "Fields", fields);
        for (size_t i = 0; i < d->fields->n_fields; i++) {
            const struct vmsd_field *f = &d->fields->fields[i];
            if (!f->name)
                break;
            if (f->flags & VMSD_VMS_MUST_EXIST)
                continue;
            struct extent field_extent;
            json_t *field = json_field(dump, f, depth, &field_extent);
            if (!field) {
                json_decref(out);
                return NULL;
            }
            json_array_append_new(fields, field);
            /* The field is on the description's level. */
            extent->entries = add_entries(extent->entries,
                                          field_extent.entries);
            if (field_extent.height > extent->height)
                extent->height = field_extent.height;
        }
    }
    if (d->subsections) {
        json_t *subs = json_array();
        json_object_set_new(out, "Subsections", subs);
        size_t n = vmsd_sublist_length(d->subsections);
        for (size_t i = 0; i < n; i++) {
            const struct vmsd_desc *sub = d->subsections->slots[i].target;
            if (!sub)
                continue;
            struct extent nested;
            json_t *json = json_vmsd(dump, sub, depth + 1, &nested);
            if (!json) {
                json_decref(out);
                return NULL;
            }
            json_array_append_new(subs, json);
            take_nested(extent, &nested);
        }
    }
    return out;
}

#define VMSD_STRINGIFY(x) VMSD_STRINGIFY_(x)
#define VMSD_STRINGIFY_(x) #x

/* Say why the dump stops (WHY), at D or (NULL) at the type; NULL. */
static json_t *dump_refused(struct dump *dump, const struct vmsd_desc *d,
                            const char *why)
{
    struct vmsd_strbuf text = { 0 };
    vmsd_strbuf_puts(&text, "vmsdcheck: ");
    vmsd_put_shown(&text, dump->program->name);
    vmsd_strbuf_puts(&text, ": type ");
    vmsd_put_shown(&text, dump->type);
    if (d) {
        vmsd_strbuf_puts(&text, ": description ");
        vmsd_put_shown(&text, d->name ? d->name : "(null)");
    }
    vmsd_strbuf_printf(&text, "%s\n", why);
    fputs(text.data, stderr);
    free(text.data);
    dump->failed = true;
    return NULL;
}

/* D's JSON (a new reference) at DEPTH levels of nesting, and in *EXTENT
 * what it holds; NULL when it cannot be written (said on stderr). */
static json_t *json_vmsd(struct dump *dump, const struct vmsd_desc *d,
                         int depth, struct extent *extent)
{
    static const char too_deep[] = ": its description nests others more "
        "than " VMSD_STRINGIFY(DUMP_MAX_NESTING) " deep: not written";
    struct dumped *seen = vmsd_uid_index_get(&dump->dumped, d->uid);
    if (seen && !seen->json)
        return dump_refused(dump, d, " nests itself: QEMU's -dump-vmstate "
                            "would not end");
    if (seen && depth + seen->extent.height > DUMP_MAX_NESTING)
        return dump_refused(dump, NULL, too_deep);
    if (seen) {
        *extent = seen->extent;
        return json_incref(seen->json);
    }
    if (depth > DUMP_MAX_NESTING)
        return dump_refused(dump, NULL, too_deep);
    seen = vmsd_xcalloc(1, sizeof *seen);
    vmsd_uid_index_put(&dump->dumped, d->uid, seen);
    json_t *json = build_vmsd(dump, d, depth, extent);
    if (!json)
        return NULL;
    seen->json = json_incref(json);
    seen->extent = *extent;
    return json;
}

static void dump_free(struct dump *dump)
{
    for (size_t i = 0; i < dump->dumped.capacity; i++) {
        struct dumped *d = dump->dumped.values[i];
        if (d)
            json_decref(d->json);
        free(d);
    }
    vmsd_uid_index_free(&dump->dumped);
}

/* The type's place in the table BY_NAME, or NULL. */
static const struct program_type *type_named(const struct vmsd_strset *by_name,
                                             const char *name)
{
    struct vmsd_strset_slot *slot =
        name ? vmsd_strset_find_name(by_name, name) : NULL;
    return slot ? slot->value : NULL;
}

/* What a type's chain of parents makes of it. */
struct lineage {
    enum { LINEAGE_UNSEEN, LINEAGE_ON_PATH, LINEAGE_DONE } state;
    bool device;                /* it is "device" or descends from it */
    bool looped;                /* its chain of parents loops */
    /* What it migrates with: its class_init's, else the nearest
     * parent's (QOM runs the parents' class_init first). */
    const struct program_type *setter;
    /* The struct of its instances and their size (0, NULL: unknown):
     * its cast's struct when the sizes agree, else its parent's when it
     * does not change the size. */
    const char *instance;
    uint64_t instance_size;
};

/* The instances of AT, whose parent's are ABOVE. */
static void find_instance(const struct program_type *at,
                          const struct lineage *above, struct lineage *l)
{
    l->instance_size = at->instance_size ? at->instance_size
                                         : above->instance_size;
    if (at->cast_struct)
        l->instance = at->cast_struct_size
                      && at->cast_struct_size == l->instance_size
                      ? at->cast_struct : NULL;
    else
        l->instance = !at->instance_size
                      || at->instance_size == above->instance_size
                      ? above->instance : NULL;
}

/* Say that the parents of the types on PATH[FROM ...] loop. */
static void report_loop(const struct program *program,
                        const struct program_type *const *path, size_t from,
                        size_t to)
{
    struct vmsd_strbuf text = { 0 };
    vmsd_strbuf_puts(&text, "vmsdcheck: ");
    vmsd_put_shown(&text, program->name);
    vmsd_strbuf_puts(&text, ": type ");
    vmsd_put_shown(&text, path[from]->name);
    vmsd_strbuf_puts(&text, ": its chain of parents loops (");
    for (size_t i = from; i < to; i++) {
        vmsd_put_shown(&text, path[i]->name);
        vmsd_strbuf_puts(&text, " -> ");
    }
    vmsd_put_shown(&text, path[from]->name);
    vmsd_strbuf_puts(&text, "): not a device type\n");
    fputs(text.data, stderr);
    free(text.data);
}

/* Work out T's lineage, and on the way that of its ancestors: each type
 * is walked once, so all types cost O(types); no limit on the depth (a
 * stack of its own), and a loop is said once and ends the walk. */
static void trace(const struct program *program,
                  const struct vmsd_strset *by_name, struct lineage *lineages,
                  const struct program_type *t)
{
    const struct program_type **path = NULL;
    size_t n = 0;
    while (t && lineages[t - program->types].state == LINEAGE_UNSEEN) {
        lineages[t - program->types].state = LINEAGE_ON_PATH;
        *VMSD_APPEND(path, n) = t;
        t = type_named(by_name, t->parent);
    }
    struct lineage above = { 0 };
    if (t && lineages[t - program->types].state == LINEAGE_ON_PATH) {
        size_t from = 0;
        while (path[from] != t)
            from++;
        report_loop(program, path, from, n);
        above.looped = true;
    } else if (t) {
        above = lineages[t - program->types];
    }
    while (n--) {
        const struct program_type *at = path[n];
        struct lineage *l = &lineages[at - program->types];
        l->state = LINEAGE_DONE;
        l->looped = above.looped;
        l->device = !l->looped
                    && (above.device || strcmp(at->name, "device") == 0);
        l->setter = l->looped ? NULL : at->own_set ? at : above.setter;
        if (!l->looped)
            find_instance(at, &above, l);
        above = *l;
    }
    free(path);
}

static int compare_types(const void *pa, const void *pb)
{
    const struct program_type *const *a = pa, *const *b = pb;
    return strcmp((*a)->name, (*b)->name);
}

void qom_find_devices(struct program *program)
{
    struct vmsd_strset by_name = { .borrows_keys = true };
    vmsd_strset_reserve(&by_name, program->n_types);
    for (size_t i = 0; i < program->n_types; i++) {
        struct vmsd_strset_slot *slot =
            vmsd_strset_add_name(&by_name, program->types[i].name);
        if (!slot->value)       /* the first definition stays */
            slot->value = (void *)&program->types[i];
    }
    /* The device types, by name, then what each migrates with. */
    const struct program_type **types =
        vmsd_xcalloc(program->n_types + 1, sizeof *types);
    struct lineage *lineages =
        vmsd_xcalloc(program->n_types + 1, sizeof *lineages);
    size_t n = 0;
    for (size_t i = 0; i < program->n_types; i++) {
        const struct program_type *t = &program->types[i];
        if (type_named(&by_name, t->name) != t)
            continue;
        if (lineages[i].state == LINEAGE_UNSEEN)
            trace(program, &by_name, lineages, t);
        if (lineages[i].device)
            types[n++] = t;
    }
    qsort(types, n, sizeof *types, compare_types);
    program->devices = vmsd_xcalloc(n + 1, sizeof *program->devices);
    program->device_conditional = vmsd_xcalloc(n + 1, sizeof(bool));
    program->stateless_types = vmsd_xcalloc(n + 1, sizeof(const char *));
    for (size_t i = 0; i < n; i++) {
        const struct program_type *setter =
            lineages[types[i] - program->types].setter;
        if (!setter)
            program->stateless_types[program->n_stateless_types++] =
                types[i]->name;
        if (!setter || !setter->own_vmsd)
            continue;           /* QEMU's dump leaves it out too */
        program->devices[program->n_devices] =
            (struct vmsd_device){ .type = types[i]->name,
                                 .vmsd = setter->own_vmsd,
                                 .assigned = setter->assigned,
                                 .instance = lineages[types[i]
                                                      - program->types]
                                                 .instance };
        program->device_conditional[program->n_devices++] =
            setter->conditional;
    }
    free(types);
    free(lineages);
    vmsd_strset_free(&by_name);
}

char *qom_dump_vmstate(const struct program *program, const char *machine)
{
    if (!program->n_devices) {
        char *name = vmsd_shown(program->name);
        fprintf(stderr, "vmsdcheck: %s has no device type (no TypeInfo "
                "descending from \"device\" in its facts)\n", name);
        free(name);
        return NULL;
    }
    struct dump dump = { .program = program };
    json_t *root = json_object();
    json_object_set_new(root, "vmschkmachine",
                        json_pack("{s:s}", "Name", machine));
    uint64_t entries = 0;
    for (size_t i = 0; i < program->n_devices && !dump.failed; i++) {
        const struct vmsd_device *dev = &program->devices[i];
        const struct vmsd_desc *d = dev->vmsd;
        if (program->device_conditional[i]) {
            char *name = vmsd_shown(program->name);
            char *type = vmsd_shown(dev->type);
            char *taken = vmsd_shown(d->name ? d->name : "unknown");
            fprintf(stderr, "vmsdcheck: %s: type %s: the class sets vmsd "
                    "only under a condition; taken as %s\n", name, type,
                    taken);
            free(taken);
            free(type);
            free(name);
        }
        struct extent extent;
        dump.type = dev->type;
        json_t *json = json_vmsd(&dump, d, 0, &extent);
        if (!json)
            break;
        json_object_set_new(root, dev->type, json_pack(
            "{s:s, s:i, s:i, s:o}", "Name", dev->type,
            "version_id", d->version_id,
            "minimum_version_id", d->minimum_version_id,
            "Description", json));
        entries = add_entries(entries, extent.entries);
    }
    if (!dump.failed && entries > DUMP_MAX_ENTRIES) {
        struct vmsd_strbuf text = { 0 };
        vmsd_strbuf_puts(&text, "vmsdcheck: ");
        vmsd_put_shown(&text, program->name);
        vmsd_strbuf_printf(&text, ": the dump would write %s%" PRIu64
                           " descriptions and fields (a nested description "
                           "is written again at each use, as QEMU's "
                           "-dump-vmstate does): more than %u\n",
                           entries == UINT64_MAX ? "at least " : "", entries,
                           DUMP_MAX_ENTRIES);
        fputs(text.data, stderr);
        free(text.data);
        dump.failed = true;
    }
    char *text = dump.failed ? NULL : report_json_text(json_incref(root));
    json_decref(root);
    dump_free(&dump);
    return text;
}
