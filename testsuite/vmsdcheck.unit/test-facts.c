/* The facts format: a model survives writing and reading back, documents
 * can follow each other, and bad input is refused with a reason. */
#include "unit.h"

#include "facts.h"
#include "strbuf.h"
#include "xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

static void build(struct vmsd_model *m)
{
    vmsd_model_init(m);
    struct vmsd_desc *p = vmsd_model_desc(m, 10);
    p->symbol = vmsd_model_strdup(m, "vmstate_dev");
    p->name = vmsd_model_strdup(m, "dev \"quoted\" \\ tab\t\nline");
    p->linkage = VMSD_LINK_GLOBAL;
    p->defined = true;
    p->version_id = 3;
    p->minimum_version_id = 2;
    p->loc.file = vmsd_model_intern_file(m, "hw/dev.c");
    p->loc.line = 40;
    p->loc.column = 33;
    p->subsections_uid = 20;
    p->fields_uid = 30;

    struct vmsd_desc *s = vmsd_model_desc(m, 11);
    s->symbol = vmsd_model_strdup(m, "vmstate_elsewhere");
    s->linkage = VMSD_LINK_EXTERN;

    struct vmsd_sublist *list = vmsd_model_add_sublist(m, 20);
    struct vmsd_ref *r = vmsd_sublist_append(m, list);
    r->uid = 11;
    r->symbol = vmsd_model_strdup(m, "vmstate_elsewhere");
    r->loc = p->loc;
    vmsd_sublist_append(m, list)->is_null = true;

    p->needed = vmsd_model_strdup(m, "dev_needed");
    p->marker = VMSD_MARKER_SET;

    struct vmsd_fieldlist *fields = vmsd_model_add_fieldlist(m, 30);
    fields->terminated = true;
    fields->after_end = vmsd_model_strdup(m, "late");
    fields->after_end_loc = (struct vmsd_loc){ p->loc.file, 47, 9, 0 };
    struct vmsd_field *head = vmsd_fieldlist_append(m, fields);
    head->name = vmsd_model_strdup(m, "head");
    head->loc = (struct vmsd_loc){ p->loc.file, 44, 9, 0 };
    struct vmsd_field *f = vmsd_fieldlist_append(m, fields);
    f->name = vmsd_model_strdup(m, "ring");
    f->loc = (struct vmsd_loc){ p->loc.file, 45, 9, 0 };
    f->flags = 8;
    f->has_field_exists = true;
    f->field_exists = vmsd_model_strdup(m, "dev_extra_needed");
    f->version_id = 2;
    f->size = 40;
    f->num = 4;
    f->info = vmsd_model_strdup(m, "vmstate_info_qtailq");
    f->vmsd.uid = 11;
    f->vmsd.symbol = vmsd_model_strdup(m, "vmstate_elsewhere");

    /* A device type, its class_init's vmsd (under a condition), and the
     * call that hands the class to a helper of another unit. */
    struct vmsd_qom_type *t = VMSD_APPEND(m->types, m->n_types);
    t->name = vmsd_model_strdup(m, "dev");
    t->parent = vmsd_model_strdup(m, "device");
    t->class_init = vmsd_model_strdup(m, "dev_class_init");
    t->loc = p->loc;
    struct vmsd_class_vmsd *c = VMSD_APPEND(m->class_vmsds,
                                            m->n_class_vmsds);
    c->function = vmsd_model_strdup(m, "dev_class_init");
    c->vmsd.uid = 10;
    c->vmsd.symbol = vmsd_model_strdup(m, "vmstate_dev");
    c->vmsd.loc = p->loc;
    c->conditional = true;
    struct vmsd_call *call = VMSD_APPEND(m->calls, m->n_calls);
    call->caller = vmsd_model_strdup(m, "dev_class_init");
    call->callee = vmsd_model_strdup(m, "common_class_init");
    call->global = true;
    /* What functions create and call, and the hooks of types. */
    struct vmsd_creator *cr = VMSD_APPEND(m->creators, m->n_creators);
    cr->function = vmsd_model_strdup(m, "board_init");
    cr->global = true;
    static const char kinds[] = "tpmc";
    static const char *const names[] = { "soc", "soc.i2c-%s", "soc_name",
                                         "helper" };
    for (int i = 0; i < 4; i++) {
        struct vmsd_create_item *item = VMSD_APPEND(cr->items, cr->n_items);
        item->kind = kinds[i];
        item->name = vmsd_model_strdup(m, names[i]);
    }
    static const char hook_kinds[] = "iarmus";
    for (int i = 0; i < 6; i++) {
        struct vmsd_hook *h = VMSD_APPEND(m->hooks, m->n_hooks);
        h->owner = vmsd_model_strdup(m, i < 2 ? "dev" : "dev_class_init");
        h->kind = hook_kinds[i];
        h->name = hook_kinds[i] == 'a' || hook_kinds[i] == 'u' ? NULL
                  : vmsd_model_strdup(m, hook_kinds[i] == 's' ? "soc_name"
                                                             : "dev_realize");
        h->value = hook_kinds[i] == 's' ? vmsd_model_strdup(m, "soc-a1")
                                        : NULL;
        h->flag = hook_kinds[i] == 'u';
    }

    /* A needed function's member read, a Property array and the
     * class_init that sets it. */
    struct vmsd_predicate *x = VMSD_APPEND(m->predicates, m->n_predicates);
    x->function = vmsd_model_strdup(m, "dev_extra_needed");
    x->how = '!';
    for (int i = 0; i < 2; i++) {
        struct vmsd_member_read *r = VMSD_APPEND(x->reads, x->n_reads);
        r->structure = vmsd_model_strdup(m, "DevState");
        r->offset = 20 + (uint64_t)i * 4;
    }
    struct vmsd_device_props *props = VMSD_APPEND(m->device_props,
                                                  m->n_device_props);
    props->array = vmsd_model_strdup(m, "dev_props");
    static const char defaults[] = "01-";
    for (int i = 0; i < 3; i++) {
        struct vmsd_device_property *dp = VMSD_APPEND(props->props,
                                                      props->n_props);
        dp->name = vmsd_model_strdup(m, i ? "x-more" : "x-extra");
        dp->offset = 20 + (uint64_t)i * 4;
        dp->bool_default = defaults[i];
    }
    struct vmsd_props_set *set = VMSD_APPEND(m->props_sets, m->n_props_sets);
    set->function = vmsd_model_strdup(m, "dev_class_init");
    set->array = vmsd_model_strdup(m, "dev_props");

    /* A type registered by code, whose class_data names a description,
     * a class_init that takes it from there, and a registration the
     * plugin could not follow. */
    struct vmsd_class_vmsd *from_data = VMSD_APPEND(m->class_vmsds,
                                                    m->n_class_vmsds);
    from_data->function = vmsd_model_strdup(m, "part_class_init");
    from_data->data_member = vmsd_model_strdup(m, "vmsd");
    struct vmsd_registration *reg = VMSD_APPEND(m->registrations,
                                                m->n_registrations);
    reg->name = vmsd_model_strdup(m, "part-one");
    reg->parent = vmsd_model_strdup(m, "dev");
    reg->class_init = vmsd_model_strdup(m, "part_class_init");
    reg->loc = (struct vmsd_loc){ p->loc.file, 60, 9, 0 };
    struct vmsd_data_member *d = VMSD_APPEND(reg->data, reg->n_data);
    d->member = vmsd_model_strdup(m, "vmsd");
    d->vmsd.uid = 10;
    d->vmsd.symbol = vmsd_model_strdup(m, "vmstate_dev");
    d->vmsd.loc = (struct vmsd_loc){ p->loc.file, 55, 17, 0 };
    /* A helper's template, and a call handing it a struct. */
    struct vmsd_template *tp = VMSD_APPEND(m->templates, m->n_templates);
    tp->function = vmsd_model_strdup(m, "family_register");
    tp->param = 1;
    tp->loc = (struct vmsd_loc){ p->loc.file, 80, 5, 0 };
    tp->data_is_struct = true;
    struct vmsd_template_part *part = VMSD_APPEND(tp->name.parts,
                                                  tp->name.n_parts);
    part->text = vmsd_model_strdup(m, "generic_name");
    part->member = true;
    part = VMSD_APPEND(tp->name.parts, tp->name.n_parts);
    part->text = vmsd_model_strdup(m, "-base-type");
    struct vmsd_guard *g = VMSD_APPEND(tp->guards, tp->n_guards);
    g->member = vmsd_model_strdup(m, "base_name");
    struct vmsd_struct_call *sc = VMSD_APPEND(m->struct_calls,
                                              m->n_struct_calls);
    sc->caller = vmsd_model_strdup(m, "register_paint");
    sc->callee = vmsd_model_strdup(m, "family_register");
    sc->arg = 1;
    sc->loc = (struct vmsd_loc){ p->loc.file, 90, 5, 0 };
    struct vmsd_struct_member *sm = VMSD_APPEND(sc->members, sc->n_members);
    sm->member = vmsd_model_strdup(m, "generic_name");
    sm->string = vmsd_model_strdup(m, "paint");
    sm = VMSD_APPEND(sc->members, sc->n_members);
    sm->member = vmsd_model_strdup(m, "vmsd");
    sm->vmsd = d->vmsd;
    sm = VMSD_APPEND(sc->members, sc->n_members);
    sm->member = vmsd_model_strdup(m, "instance_init");
    struct vmsd_struct_call *uncertain = VMSD_APPEND(m->struct_calls,
                                                     m->n_struct_calls);
    uncertain->caller = vmsd_model_strdup(m, "register_paint");
    uncertain->callee = vmsd_model_strdup(m, "family_register");
    uncertain->uncertain = true;
    struct vmsd_unfollowed *u = VMSD_APPEND(m->unfollowed, m->n_unfollowed);
    u->function = vmsd_model_strdup(m, "register_cpu");
    u->reason = vmsd_model_strdup(m, "name");
    u->loc = (struct vmsd_loc){ p->loc.file, 70, 5, 0 };
    vmsd_model_resolve(m);
}

static size_t occurrences(const char *text, const char *word)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, word)); p++)
        n++;
    return n;
}

/* A document that does not read, and why (the whole message). */
struct broken {
    const char *text;
    size_t length;
    const char *error;
};

#define BROKEN(text, error) { text, sizeof text - 1, error }
#define HEAD "vmsdcheck-facts 6 3:u.c\n"
#define HEAD4 "vmsdcheck-facts 4 3:u.c\n"
#define HEAD5 "vmsdcheck-facts 5 3:u.c\n"
#define HEAD6 "vmsdcheck-facts 6 3:u.c\n"
#define HEAD7 "vmsdcheck-facts 7 3:u.c\n"
#define HEAD8 "vmsdcheck-facts 8 3:u.c\n"

/* One input for each way the reader refuses a document; nothing a
 * fuzzer finds may crash it, and none is refused without a reason. */
static const struct broken broken[] = {
    BROKEN("{\"format\":\"vmsdcheck-facts\",\"version\":3}",
           "facts of an older vmsdcheck (JSON, version 3 or before): "
           "rebuild the objects with this vmsdcheck's plugin"),
    BROKEN("vmsdcheck-fact 5 3:u.c\nE\n", "not vmsdcheck facts"),
    BROKEN("vmsdcheck-facts 9 3:u.c\nE\n",
           "facts version 9; this vmsdcheck reads versions 4 to 8 "
           "(rebuild the objects with its plugin)"),
    BROKEN("vmsdcheck-facts 3 3:u.c\nE\n",
           "facts version 3; this vmsdcheck reads versions 4 to 8 "
           "(rebuild the objects with its plugin)"),
    BROKEN("vmsdcheck-facts 5 3:u.c -\nE\n",
           "line 1: the header goes on past the unit"),
    BROKEN("vmsdcheck-facts 5 -\nE\n", "line 1: a name is missing"),
    BROKEN(HEAD "F 3:u.c\n",
           "line 3: the facts end before their end record (truncated?)"),
    BROKEN(HEAD "Ex\n", "line 2: the end record is not \"E\""),
    BROKEN(HEAD "Z 1\nE\n", "line 2: not a record"),
    BROKEN(HEAD "F 3:u.c 1\nE\n",
           "line 2: a record goes on past its last value"),
    BROKEN(HEAD "F\nE\n", "line 2: a value is missing"),
    /* Names. */
    BROKEN(HEAD "F 90:u.c\nE\n", "line 2: a name runs past the end"),
    BROKEN(HEAD "F 3:u\0c\nE\n", "line 2: a name holds a NUL byte"),
    BROKEN(HEAD "F ^1\nE\n", "line 2: a name refers to one not yet written"),
    BROKEN(HEAD "F 3u.c\nE\n", "line 2: a name is not LENGTH:BYTES"),
    BROKEN(HEAD "F -\nE\n", "line 2: a name is missing"),
    /* Numbers. */
    BROKEN(HEAD "D 4294967296 1:d s-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "D -0 1:d s-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "D 1 1:d s-- - :1:1 2147483648 0 - 0 0\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "D 123456789012345678901 1:d s-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a number is too long"),
    BROKEN(HEAD "D x 1:d s-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a number is missing"),
    BROKEN(HEAD "S 1 2 N\nE\n", "line 2: a number is out of range"),
    /* A field's size is a size_t: never negative, at most 2^64 - 1. */
    BROKEN(HEAD "D 1 1:d s-- - :1:1 0 0 - 0 2\nL 2 1\nf 1:a 1 -1 -\nE\n",
           "line 4: a number is out of range"),
    BROKEN(HEAD "D 1 1:d s-- - :1:1 0 0 - 0 2\nL 2 1\n"
           "f 1:a 1 18446744073709551616 -\nE\n",
           "line 4: a number is too long"),
    /* Places. */
    BROKEN(HEAD "F 3:u.c\nT 1:t - - 0:1\nE\n",
           "line 3: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD "F 3:u.c\nT 1:t - - 1:1:1\nE\n",
           "line 3: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD "T 1:t - - 0:1:1\nE\n",
           "line 2: a place is not FILE:LINE:COLUMN"),
    /* Descriptions and lists. */
    BROKEN(HEAD "D 1 1:d x-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a description's attributes are not LINKAGE MARKER "
           "UNREADABLE"),
    BROKEN(HEAD "D 1 1:d s-- - :1:1 0 0 - 0 0\nD 1 1:e g-- - :1:1 0 0 - 0 0"
           "\nE\n", "line 3: a description's id is used twice"),
    BROKEN(HEAD "D 1 - s-- - :1:1 0 0 - 0 0\nE\n",
           "line 2: a name is missing"),
    BROKEN(HEAD "S 1 0 2 - :1:1 N\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "S 1 0 N\nS 1 0 N\nE\n",
           "line 3: a subsection list's id is used twice"),
    BROKEN(HEAD "L 1 1\nL 1 1\nE\n", "line 3: a field list's id is used twice"),
    BROKEN(HEAD "L 1 0 4:late :7:9\nE\n", "line 2: a list without its end has an entry after it"),
    BROKEN(HEAD "L 1 1 4:late\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "f - 0 0 -\nE\n",
           "line 2: a field comes before any field list"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - z1\nE\n",
           "line 3: a field has an unknown member"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - x1\nE\n",
           "line 3: a name is not LENGTH:BYTES"),
    BROKEN(HEAD4 "L 1 1\nf - 0 0 - x1:t\nE\n",
           "line 3: a field has an unknown member"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - @ N\nE\n",
           "line 3: a nested description has no symbol"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - ", "line 3: a value is missing"),
    /* A field's place. */
    BROKEN(HEAD "L 1 1\nf - 0 0 - p0:1:1\nE\n",
           "line 3: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD "F 3:u.c\nL 1 1\nf - 0 0 - p0:1\nE\n",
           "line 4: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - p\nE\n",
           "line 3: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - l\nE\n", "line 3: a number is missing"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - lx\nE\n", "line 3: a number is missing"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - p:5:1\nf - 0 0 - l-6\nE\n",
           "line 4: a number is out of range"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - l4294967296\nE\n",
           "line 3: a number is out of range"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - p:4294967295:1\nf - 0 0 -\nE\n",
           "line 4: a field's line is out of range"),
    BROKEN(HEAD "L 1 1\nf - 0 0 - p:4294967295:1\nf - 0 0 - l1\nE\n",
           "line 4: a number is out of range"),
    /* Version 6: the structs. */
    BROKEN(HEAD5 "L 1 1\nf - 0 0 - o4\nE\n",
           "line 3: a field has an unknown member"),
    BROKEN(HEAD5 "Y 1\nE\n", "line 2: not a record"),
    BROKEN(HEAD6 "L 1 1\nf - 0 0 - o-4\nE\n",
           "line 3: a number is out of range"),
    BROKEN(HEAD6 "L 1 1\nf - 0 0 - t-\nE\n", "line 3: a name is missing"),
    BROKEN(HEAD6 "Y 7 1:S\nE\n",
           "line 2: a struct match names no description of the unit"),
    BROKEN(HEAD6 "I 1:t 1:S 4\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD6 "O 1:S 4 -\nE\n", "line 2: a value is missing"),
    /* Version 7: names against the one before in their place, places
     * against the place before, lists that follow. */
    BROKEN(HEAD7 "T 1:t - - :0:0\nT 2+1:u - - :0:0\nE\n",
           "line 3: a name shares more bytes than the name before it has"),
    BROKEN(HEAD7 "T 1:t - - :0:0\nT 1+:u - - :0:0\nE\n",
           "line 3: a name is not LENGTH:BYTES"),
    BROKEN(HEAD6 "T 1:t - - :0:0\nT 1+0:u - - :0:0\nE\n",
           "line 3: a name is not LENGTH:BYTES"),
    BROKEN(HEAD7 "T 1:t - - +5:1\nE\n",
           "line 2: a place counts from no place before it"),
    BROKEN(HEAD7 "F ^0\nT 1:t - - 0:5:1\nT 1:u - - -6:1\nE\n",
           "line 4: a place's line is out of range"),
    BROKEN(HEAD7 "F ^0\nT 1:t - - 0:4294967295:1\nT 1:u - - +1:1\nE\n",
           "line 4: a place's line is out of range"),
    BROKEN(HEAD7 "F ^0\nT 1:t - - 0:5:1\nT 1:u - - +1:x\nE\n",
           "line 4: a place is not FILE:LINE:COLUMN or +LINES:COLUMN"),
    BROKEN(HEAD7 "F ^0\nT 1:t - - 0:5:1\nT 1:u - - +-1:1\nE\n",
           "line 4: a place is not FILE:LINE:COLUMN or +LINES:COLUMN"),
    BROKEN(HEAD7 "F ^0\nT 1:t - - 0:5:1\nT 1:u - - 1:1\nE\n",
           "line 4: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD6 "F ^0\nT 1:t - - 0:5:1\nT 1:u - - +1:1\nE\n",
           "line 4: a place is not FILE:LINE:COLUMN"),
    BROKEN(HEAD6 "D 1 1:d s-- - :1:1 0 0 - 0 +\nE\n",
           "line 2: a number is missing"),
    BROKEN(HEAD6 "D 1 1:d s-- - :1:1 0 0 - 0 *\nE\n",
           "line 2: a number is missing"),
    BROKEN(HEAD7 "D 1:d s-- - :1:1 0 0 - * 0\nE\n",
           "line 2: a number is missing"),
    BROKEN(HEAD7 "D 1:d s-- - :1:1 0 0 - 0 +\nL 1\nD 1:e s-- - :1:1 0 0 - 0 x"
           "\nE\n", "line 4: a number is missing"),
    /* Version 4 fields have no place member. */
    BROKEN(HEAD4 "L 1 1\nf - 0 0 - p:1:1\nE\n",
           "line 3: a field has an unknown member"),
    BROKEN(HEAD4 "L 1 1\nf - 0 0 - l2\nE\n",
           "line 3: a field has an unknown member"),
    /* QOM. */
    BROKEN(HEAD "C - 0 N\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "K 1:a - 0\nE\n", "line 2: a name is missing"),
    /* Version 8: the creation records last, nothing after the end. */
    BROKEN(HEAD8 "Q 1:f 1\nF ^0\nE\n", "line 3: a record follows the "
           "creation records (Q, J), which come last"),
    BROKEN(HEAD8 "E\nF ^0\n",
           "line 3: the document goes on past its end record"),
    /* Creations and hooks. */
    BROKEN(HEAD "Q 1:f 1 x 1:a\nE\n",
           "line 2: a creation is not t, p, m, c, r or s and a name"),
    BROKEN(HEAD "Q 1:f 1 t\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "J 1:f z\nE\n", "line 2: a hook is not i, a, r, m, u or s"),
    BROKEN(HEAD "J 1:f u 2\nE\n", "line 2: a number is out of range"),
    BROKEN(HEAD "J 1:f s 1:m\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "C 1:f 0 0 - :0:0 -\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "R - - - :0:0\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "R 1:t - - :0:0 4:vmsd\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "R 1:t - - :0:0 4:vmsd 0 - :0:0\nE\n",
           "line 2: a class_data member is not a description's address"),
    BROKEN(HEAD "R 1:t - - :0:0 4:vmsd N\nE\n",
           "line 2: a class_data member is not a description's address"),
    BROKEN(HEAD "U 1:f - :0:0\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "R * 1:f 0 :0:0 - 0 1 x 1:a 0\nE\n",
           "line 2: a template's part is not \"c NAME\" or \"m NAME\""),
    BROKEN(HEAD "R * 1:f 0 :0:0 - 0 4097\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "R * 1:f 0 :0:0 - 2 0 0\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "R * 1:f 0 :0:0 - 0 0 0 1\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "R @ 1:f 1:g 0 :0:0 1 1:m !\nE\n",
           "line 2: a struct member is not \"= NAME\", \"@ REF\" or \"?\""),
    BROKEN(HEAD "R @ 1:f 1:g 0 :0:0 1 1:m @ N\nE\n",
           "line 2: a struct member is not a description's address"),
    BROKEN(HEAD "R @ 1:f 1:g 0 :0:0\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "U 1:f 4:name\nE\n", "line 2: a value is missing"),
    /* Machine types. */
    BROKEN(HEAD "M 1:f 5:alias 0 2 -\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "M 1:f 5:alias -1 0 -\nE\n",
           "line 2: a number is out of range"),
    BROKEN(HEAD "P 1:f 1:a 0\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "G 1:a 1 1:d 1:p\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "G - 1\nE\n", "line 2: a name is missing"),
    BROKEN(HEAD "V 1:N\nE\n", "line 2: a value is missing"),
    /* Device properties and needed functions. */
    BROKEN(HEAD "X 1:f + 1:S 0\nE\n",
           "line 2: a needed function's form is not =, !, & or ?"),
    BROKEN(HEAD "X 1:f = 1:S\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "X 1:f = 1:S -1\nE\n", "line 2: a number is out of range"),
    BROKEN(HEAD "W 1:a 1:p 4 2\nE\n",
           "line 2: a property's default is not 0, 1 or -"),
    BROKEN(HEAD "W 1:a 1:p 4\nE\n", "line 2: a value is missing"),
    BROKEN(HEAD "W * 1:f\nE\n", "line 2: a value is missing"),
};

/* TEXT does not read, for the reason WANT (the whole message). */
static void check_refused(const char *text, size_t length, const char *want)
{
    struct vmsd_model model;
    char error[256] = "", *unit;
    size_t used;
    vmsd_model_init(&model);
    CHECK(!vmsd_facts_read(text, length, &model, &unit, &used, error,
                           sizeof error));
    CHECK_STR(error, want);
    CHECK(unit == NULL);
    vmsd_model_free(&model);
}

/* TEXT, read with its creation records left out: true when taken. */
static bool read_without_creations(const char *text, size_t length,
                                   struct vmsd_model *model, size_t *used,
                                   char *error, size_t error_size)
{
    char *unit;
    vmsd_model_init(model);
    bool ok = vmsd_facts_read_parts(text, length, false, model, &unit, used,
                                    error, error_size);
    free(unit);
    return ok;
}

/* Version 8 writes the creation records last, so that a reader with no
 * use for them passes over them to the document's end: TEXT is the
 * document of build()'s model, TWO it twice (N bytes and a NUL each). */
static void check_creations_last(const char *text, const char *two,
                                 size_t n)
{
    const char *first = strstr(text, "\nQ ");
    CHECK(first && strstr(text, "\nW ") && strstr(text, "\nW ") < first
          && strstr(text, "\nX ") < first && strstr(text, "\nJ ") > first);
    for (const char *line = first + 1; *line; line = strchr(line, '\n') + 1)
        CHECK(*line == 'Q' || *line == 'J' || strcmp(line, "E\n") == 0);

    struct vmsd_model model;
    char error[256] = "";
    size_t used = 0;
    CHECK(read_without_creations(two, 2 * n + 2, &model, &used, error,
                                 sizeof error));
    CHECK_STR(error, "");
    CHECK(used == n && model.n_creators == 0 && model.n_hooks == 0
          && model.n_device_props == 1 && model.n_predicates == 1);
    vmsd_model_free(&model);

    /* Passed over, a broken creation record is not looked at; read, it
     * is refused. */
    static const char broken_creation[] = HEAD8 "F ^0\nQ 3:foo 9 z ^99\nE\n";
    CHECK(read_without_creations(broken_creation, sizeof broken_creation - 1,
                                 &model, &used, error, sizeof error));
    CHECK(model.n_files == 1);
    vmsd_model_free(&model);
    check_refused(broken_creation, sizeof broken_creation - 1,
                  "line 3: a number is out of range");

    /* The end record is looked for all the same. */
    static const char truncated[] = HEAD8 "F ^0\nQ 3:foo 1\nE";
    CHECK(!read_without_creations(truncated, sizeof truncated - 1, &model,
                                  &used, error, sizeof error));
    CHECK_STR(error, "line 3: the facts end before their end record "
              "(truncated?)");
    vmsd_model_free(&model);
    static const char blanks_after[] = HEAD8 "Q 3:foo 1\nE\n \n";
    CHECK(read_without_creations(blanks_after, sizeof blanks_after - 1,
                                 &model, &used, error, sizeof error));
    CHECK(used == sizeof HEAD8 - 1 + 12);
    vmsd_model_free(&model);
}

/* The name vmsd_facts_read_unit's caller gives a file: "shown:"
 * before it, in the lasting arena ARG. */
static const char *shown_file(void *arg, const char *file)
{
    size_t n = strlen(file);
    char *shown = vmsd_arena_alloc(arg, n + sizeof "shown:");
    memcpy(shown, "shown:", sizeof "shown:" - 1);
    memcpy(shown + sizeof "shown:" - 1, file, n + 1);
    return shown;
}

/* The two documents of TWO (N bytes and a NUL each) read for a program
 * (vmsd_facts_read_unit), one reading for both: each as BACK, read on
 * its own, has it, but that its names and its fields are in the lasting
 * arena, a name the same copy wherever the document repeats it, and its
 * places name their files as the caller's function does. */
static void check_read_unit(const char *two, size_t n,
                            const struct vmsd_model *back)
{
    struct vmsd_arena units = { 0 }, lasting = { 0 };
    struct vmsd_facts_reading how = { true, &lasting, shown_file, &lasting,
                                      NULL };
    struct vmsd_model unit[2];
    char error[256] = "";
    size_t pos = 0;
    for (int i = 0; i < 2; i++) {
        const char *name = NULL;
        size_t used = 0;
        vmsd_model_init_in(&unit[i], &units);
        CHECK(vmsd_facts_read_unit(&how, two + pos, 2 * n + 2 - pos,
                                   &unit[i], &name, &used, error,
                                   sizeof error));
        CHECK_STR(error, "");
        CHECK_STR(name, "../hw/dev.c");
        CHECK(used == n);
        pos += used + 1;
        vmsd_model_resolve(&unit[i]);
        const struct vmsd_model *m = &unit[i];
        CHECK(m->n_descs == back->n_descs && m->n_types == back->n_types
              && m->n_fieldlists == back->n_fieldlists
              && m->n_creators == back->n_creators && m->n_files == 0);
        const struct vmsd_desc *d = vmsd_model_find_desc(m, 1);
        CHECK(d && d->fields && d->fields->n_fields == 2
              && d->fields->fields[1].vmsd.symbol
              && strcmp(d->fields->fields[1].info,
                        "vmstate_info_qtailq") == 0);
        CHECK_STR(d ? d->loc.file : NULL, "shown:hw/dev.c");
        CHECK(d && d->subsections
              && d->subsections->slots[0].symbol
                 == d->fields->fields[1].vmsd.symbol);
        CHECK(m->n_types && m->n_class_vmsds
              && m->types[0].class_init == m->class_vmsds[0].function);
    }
    /* The second document's names are copies of their own. */
    CHECK(unit[0].n_types && unit[1].n_types
          && unit[0].types[0].name != unit[1].types[0].name);
    vmsd_facts_reading_end(&how);
    CHECK(how.scratch == NULL);
    for (int i = 0; i < 2; i++)
        vmsd_model_free_tables(&unit[i]);
    vmsd_arena_free(&units);
    vmsd_arena_free(&lasting);
}

/* A list longer than any the plugin writes (it writes a longer one
 * as too_long, without its slots). */
static void check_too_many_slots(void)
{
    struct vmsd_strbuf b = { 0 };
    vmsd_strbuf_puts(&b, HEAD "S 1 0");
    for (size_t i = 0; i <= VMSD_MAX_LIST_SLOTS; i++)
        vmsd_strbuf_puts(&b, " N");
    vmsd_strbuf_puts(&b, "\nE\n");
    check_refused(b.data, b.len,
                  "line 2: a list holds more slots than a list can");
    free(b.data);
}

/* TEXT read back into BACK (initialised here), without an error, and
 * resolved; the unit's name it gives, for the caller to free. */
static char *read_back(const char *text, struct vmsd_model *back)
{
    char error[256] = "", *unit = NULL;
    size_t used;
    vmsd_model_init(back);
    CHECK(vmsd_facts_read(text, strlen(text), back, &unit, &used, error,
                          sizeof error));
    CHECK_STR(error, "");
    vmsd_model_resolve(back);
    return unit;
}

static struct vmsd_field *field_at(struct vmsd_model *m,
                                   struct vmsd_fieldlist *list,
                                   const char *file, unsigned line,
                                   unsigned column)
{
    struct vmsd_field *f = vmsd_fieldlist_append(m, list);
    f->name = vmsd_model_strdup(m, "f");
    f->loc = (struct vmsd_loc){ file ? vmsd_model_intern_file(m, file)
                                     : NULL, line, column, 0 };
    return f;
}

/* Each field's place against the field's before: nothing for the next
 * line in its file and column, "lDELTA" for another line (back, or the
 * same), "pFILE:LINE:COLUMN" for another file or column; across lists;
 * and all read back as they were. */
static void check_field_places(void)
{
    static const struct { const char *file; unsigned line, column; } at[] = {
        { "a.c", 10, 9 },       /* p0:10:9, the first */
        { "a.c", 11, 9 },       /* the next line: nothing */
        { "a.c", 14, 9 },       /* l3 */
        { "a.c", 14, 9 },       /* l0 */
        { "a.c", 12, 9 },       /* l-2 */
        { "a.c", 13, 40 },      /* p0:13:40, another column */
        { "b.h", 14, 40 },      /* p1:14:40, another file */
        { NULL, 0, 0 },         /* p:0:0, no place */
        { "a.c", 30, 5 },       /* p0:30:5, in the second list */
        { "a.c", 31, 5 },       /* nothing */
    };
    static const char *const written[] = {
        " p0:10:9\n", " -\n", " l3\n", " l0\n", " l-2\n", " p0:13:40\n",
        " p1:14:40\n", " p:0:0\n", " p0:30:5\n", " -\n",
    };
    struct vmsd_model m, back;
    vmsd_model_init(&m);
    struct vmsd_desc *d = vmsd_model_desc(&m, 1);
    d->symbol = vmsd_model_strdup(&m, "vmstate_d");
    d->defined = true;
    d->fields_uid = 2;
    struct vmsd_desc *e = vmsd_model_desc(&m, 3);
    e->symbol = vmsd_model_strdup(&m, "vmstate_e");
    e->defined = true;
    e->fields_uid = 4;
    struct vmsd_fieldlist *lists[] = { vmsd_model_add_fieldlist(&m, 2),
                                       vmsd_model_add_fieldlist(&m, 4) };
    for (size_t i = 0; i < sizeof at / sizeof *at; i++)
        field_at(&m, lists[i >= 8], at[i].file, at[i].line, at[i].column);
    vmsd_model_resolve(&m);

    /* Each "f" record, in order, ends with its place member (or with
     * its info, "-", when it has none). */
    char *text = vmsd_facts_write(&m, "a.c");
    size_t k = 0;
    for (const char *line = text; *line; line = strchr(line, '\n') + 1) {
        if (strncmp(line, "f ", 2) != 0)
            continue;
        const char *end = strchr(line, '\n') + 1;
        size_t n = k < sizeof written / sizeof *written
                   ? strlen(written[k]) : 0;
        CHECK(n && (size_t)(end - line) >= n
              && strncmp(end - n, written[k], n) == 0);
        k++;
    }
    CHECK(k == sizeof at / sizeof *at);

    char *unit = read_back(text, &back);
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        const struct vmsd_fieldlist *list =
            vmsd_model_find_desc(&back, i < 8 ? 1 : 2)->fields;
        const struct vmsd_field *f = &list->fields[i < 8 ? i : i - 8];
        CHECK_STR(f->loc.file, at[i].file);
        CHECK(f->loc.line == at[i].line && f->loc.column == at[i].column);
    }
    char *again = vmsd_facts_write(&back, "a.c");
    CHECK_STR(again, text);
    free(again);
    free(unit);
    free(text);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

/* The machine records, written and read back as they were: a member
 * set (with a NULL value), a compat_props_add of an array and of what
 * is not a variable, an array with entries (one not a constant) and an
 * empty one, a macro's value. */
static void check_machine_records(void)
{
    struct vmsd_model m, back;
    vmsd_model_init(&m);
    struct vmsd_machine_member *mm = VMSD_APPEND(m.machine_members,
                                                 m.n_machine_members);
    *mm = (struct vmsd_machine_member){
        .owner = vmsd_model_strdup(&m, "init"),
        .member = vmsd_model_strdup(&m, "alias"),
        .value = vmsd_model_strdup(&m, "q 35"), .after_calls = 2,
        .conditional = true };
    mm = VMSD_APPEND(m.machine_members, m.n_machine_members);
    *mm = (struct vmsd_machine_member){
        .owner = vmsd_model_strdup(&m, "t"),
        .member = vmsd_model_strdup(&m, "abstract") };
    struct vmsd_compat_add *c = VMSD_APPEND(m.compat_adds, m.n_compat_adds);
    *c = (struct vmsd_compat_add){ vmsd_model_strdup(&m, "init"),
                                   vmsd_model_strdup(&m, "hw_compat_1_0"), 7,
                                   false };
    c = VMSD_APPEND(m.compat_adds, m.n_compat_adds);
    *c = (struct vmsd_compat_add){ vmsd_model_strdup(&m, "init"), NULL, 0,
                                   true };
    struct vmsd_property_array *a = VMSD_APPEND(m.property_arrays,
                                                m.n_property_arrays);
    a->symbol = vmsd_model_strdup(&m, "hw_compat_1_0");
    a->global = true;
    struct vmsd_global_property *e = VMSD_APPEND(a->entries, a->n_entries);
    *e = (struct vmsd_global_property){ vmsd_model_strdup(&m, "uart"),
                                        vmsd_model_strdup(&m, "fifo"),
                                        vmsd_model_strdup(&m, "off") };
    e = VMSD_APPEND(a->entries, a->n_entries);
    *e = (struct vmsd_global_property){ vmsd_model_strdup(&m, "uart"), NULL,
                                        vmsd_model_strdup(&m, "on") };
    a = VMSD_APPEND(m.property_arrays, m.n_property_arrays);
    a->symbol = vmsd_model_strdup(&m, "empty");
    struct vmsd_macro_value *v = VMSD_APPEND(m.macro_values,
                                             m.n_macro_values);
    *v = (struct vmsd_macro_value){ vmsd_model_strdup(&m, "QEMU_VERSION_MAJOR"),
                                    vmsd_model_strdup(&m, "11") };

    char *text = vmsd_facts_write(&m, "m.c");
    CHECK(strstr(text, "\nM 4:init 5:alias 2 1 4:q 35\nM 1:t 8:abstract 0 0 -\n"
                 "P ^1 13:hw_compat_1_0 7 0\nP ^1 - 0 1\n"
                 "G ^6 1 4:uart 4:fifo 3:off ^7 - 2:on\nG 5:empty 0\n"
                 "V 18:QEMU_VERSION_MAJOR 2:11\nE\n") != NULL);
    char *unit = read_back(text, &back);
    CHECK(back.n_machine_members == 2 && back.n_compat_adds == 2
          && back.n_property_arrays == 2 && back.n_macro_values == 1);
    CHECK_STR(back.machine_members[0].value, "q 35");
    CHECK(back.machine_members[0].after_calls == 2
          && back.machine_members[0].conditional);
    CHECK(back.machine_members[1].value == NULL);
    CHECK(back.compat_adds[0].after_calls == 7
          && back.compat_adds[1].array == NULL
          && back.compat_adds[1].conditional);
    CHECK(back.property_arrays[0].global && back.property_arrays[0].n_entries == 2
          && back.property_arrays[0].entries[1].property == NULL
          && !back.property_arrays[1].global
          && back.property_arrays[1].n_entries == 0);
    CHECK_STR(back.macro_values[0].value, "11");
    char *again = vmsd_facts_write(&back, "m.c");
    CHECK_STR(again, text);
    free(again);
    free(unit);
    free(text);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

/* Every number the writer writes, at the limits of its type, reads
 * back as it was: what the plugin writes, the tool reads. */
static void check_number_limits(void)
{
    static const uint64_t sizes[] = { 0, (uint64_t)INT64_MAX,
                                      (uint64_t)INT64_MAX + 1, UINT64_MAX };
    struct vmsd_model m, back;
    vmsd_model_init(&m);
    struct vmsd_desc *d = vmsd_model_desc(&m, UINT32_MAX);
    d->symbol = vmsd_model_strdup(&m, "vmstate_d");
    d->defined = true;
    d->version_id = INT_MAX;
    d->minimum_version_id = INT_MIN;
    d->loc = (struct vmsd_loc){ vmsd_model_intern_file(&m, "a.c"), UINT_MAX,
                                UINT_MAX, 0 };
    d->fields_uid = UINT32_MAX - 1;
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(&m,
                                                           UINT32_MAX - 1);
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        struct vmsd_field *f = vmsd_fieldlist_append(&m, list);
        f->name = vmsd_model_strdup(&m, "f");
        f->flags = UINT32_MAX;
        f->size = sizes[i];
        f->version_id = i % 2 ? INT_MIN : INT_MAX;
        f->struct_version_id = i % 2 ? INT_MAX : INT_MIN;
        f->num = i % 2 ? INT_MIN : INT_MAX;
        f->loc = (struct vmsd_loc){ d->loc.file, UINT_MAX - (unsigned)i,
                                    UINT_MAX, 0 };
    }
    vmsd_model_resolve(&m);
    char *text = vmsd_facts_write(&m, "a.c");
    CHECK(strstr(text, " 18446744073709551615 ") != NULL);

    char *unit = read_back(text, &back);
    const struct vmsd_desc *e = vmsd_model_find_desc(&back, 1);
    CHECK(e && e->version_id == INT_MAX && e->minimum_version_id == INT_MIN
          && e->loc.line == UINT_MAX && e->loc.column == UINT_MAX);
    for (size_t i = 0; e && e->fields && i < e->fields->n_fields; i++) {
        const struct vmsd_field *f = &e->fields->fields[i];
        CHECK(f->size == sizes[i] && f->flags == UINT32_MAX
              && f->num == (i % 2 ? INT_MIN : INT_MAX)
              && f->loc.line == UINT_MAX - i);
    }
    CHECK(e && e->fields && e->fields->n_fields == 4);
    char *again = vmsd_facts_write(&back, "a.c");
    CHECK_STR(again, text);
    free(again);
    free(unit);
    free(text);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

/* Version 4, which objects built earlier carry, still reads: its fields
 * have no place. */
/* The structs of descriptions and types, and the fields' offsets and
 * member types, read back as written. */
static void check_fit_records(void)
{
    struct vmsd_model m, back;
    vmsd_model_init(&m);
    struct vmsd_desc *d = vmsd_model_desc(&m, 5);
    d->symbol = vmsd_model_strdup(&m, "vmstate_d");
    d->defined = true;
    d->fields_uid = 6;
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(&m, 6);
    struct vmsd_field *f = vmsd_fieldlist_append(&m, list);
    f->name = vmsd_model_strdup(&m, "inner");
    f->offset = UINT64_MAX;
    f->member_type = vmsd_model_strdup(&m, "Inner");
    f->vmsd.symbol = vmsd_model_strdup(&m, "vmstate_inner");
    struct vmsd_desc_structs *y = VMSD_APPEND(m.desc_structs,
                                              m.n_desc_structs);
    y->desc = 5;
    *VMSD_APPEND(y->names, y->n_names) = vmsd_model_strdup(&m, "Outer");
    *VMSD_APPEND(y->names, y->n_names) = vmsd_model_strdup(&m, "Twin");
    struct vmsd_instance *in = VMSD_APPEND(m.instances, m.n_instances);
    in->type = vmsd_model_strdup(&m, "outer");
    in->structure = vmsd_model_strdup(&m, "Outer");
    in->structure_size = 72;
    in->instance_size = UINT64_MAX;
    struct vmsd_struct_head *o = VMSD_APPEND(m.struct_heads,
                                             m.n_struct_heads);
    o->name = vmsd_model_strdup(&m, "Outer");
    o->size = 72;
    o->first = vmsd_model_strdup(&m, "DeviceState");
    o->loc = (struct vmsd_loc){ vmsd_model_intern_file(&m, "a.c"), 3, 5, 0 };
    vmsd_model_resolve(&m);
    char *text = vmsd_facts_write(&m, "a.c");
    CHECK(strstr(text, " o18446744073709551615 t5:Inner") != NULL);
    CHECK(strstr(text, "\nY 1 5:Outer 4:Twin\nI 5:outer ^") != NULL);

    char *unit = read_back(text, &back);
    const struct vmsd_desc *got = vmsd_model_find_desc(&back, 1);
    CHECK(got && got->fields && got->fields->n_fields == 1
          && got->fields->fields[0].offset == UINT64_MAX);
    CHECK(got && got->fields
          && strcmp(got->fields->fields[0].member_type, "Inner") == 0);
    CHECK(back.n_desc_structs == 1 && back.desc_structs[0].desc == 1
          && back.desc_structs[0].n_names == 2
          && strcmp(back.desc_structs[0].names[1], "Twin") == 0);
    CHECK(back.n_instances == 1
          && strcmp(back.instances[0].structure, "Outer") == 0
          && back.instances[0].structure_size == 72
          && back.instances[0].instance_size == UINT64_MAX);
    CHECK(back.n_struct_heads == 1
          && strcmp(back.struct_heads[0].first, "DeviceState") == 0
          && back.struct_heads[0].loc.line == 3);
    char *again = vmsd_facts_write(&back, "a.c");
    CHECK_STR(again, text);
    free(again);
    free(unit);
    free(text);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

/* Version 6, which QEMU builds of the last plugin carry, reads into the
 * model version 7 is written from: docs/facts.md's example, as the
 * plugin writes it in either version. */
static void check_version_6(void)
{
    static const char v6[] = "vmsdcheck-facts 6 4:sd.c\nF ^0\n"
        "D 2249 12:vmstate_ring s-- 4:ring 0:7:33 0 0 - 0 2250\n"
        "L 2250 1\nf 1:v 1 4 19:vmstate_info_uint32 p0:9:40\n"
        "D 2251 6:sd_ocr s-- 11:sd-card/ocr 0:10:33 0 0 9:sd_needed 0 0\n"
        "D 2252 10:sd_vmstate g-- 7:sd-card 0:11:26 2 1 - 2254 2253\n"
        "S 2254 0 2251 ^5 0:17:60 N\nL 2253 1\nf 1:a 1 4 ^4 p0:14:9\n"
        "f ^2 8 4 - @ 2249 ^1 0:15:9 o4 t1:R\n"
        "T ^9 6:device 13:sd_class_init 0:26:23\n"
        "C ^13 0 2252 ^8 0:23:16\nK ^13 15:sd_class_common 1\n"
        "Y 2249 ^11\nY 2252 1:S\nO ^11 4 - 0:3:27\nE\n";
    static const char v8[] = "vmsdcheck-facts 8 4:sd.c\nF ^0\n"
        "D 12:vmstate_ring s-- 4:ring 0:7:33 0 0 - 0 *\n"
        "f 1:v 1 4 19:vmstate_info_uint32 p0:9:40\n"
        "D 6:sd_ocr s-- 11:sd-card/ocr +3:33 0 0 9:sd_needed 0 0\n"
        "D 3+7:vmstate g-- 7+0: +1:26 2 1 - + *\n"
        "S 0 2 ^5 +6:60 N\nf 1:a 1 4 ^4 p0:14:9\n"
        "f ^2 8 4 - @ 1 ^1 -2:9 o4 t1:R\n"
        "T ^9 6:device 13:sd_class_init +11:23\n"
        "C ^13 0 3 ^8 -3:16\nK ^13 15:sd_class_common 1\n"
        "Y 1 ^11\nY 3 1:S\nO ^11 4 - -20:27\nE\n";
    struct vmsd_model m, back;
    char error[256] = "", *unit;
    size_t used;
    vmsd_model_init(&m);
    CHECK(vmsd_facts_read(v6, sizeof v6 - 1, &m, &unit, &used, error,
                          sizeof error));
    CHECK_STR(error, "");
    vmsd_model_resolve(&m);
    char *text = vmsd_facts_write(&m, unit);
    CHECK_STR(text, v8);
    /* Read back, the same model: each name, place and id as it was. */
    char *unit_back = read_back(text, &back);
    const struct vmsd_desc *sd = vmsd_model_find_desc(&back, 3);
    CHECK(sd && strcmp(sd->symbol, "sd_vmstate") == 0
          && strcmp(sd->name, "sd-card") == 0 && sd->loc.line == 11
          && sd->loc.column == 26 && sd->subsections && sd->fields
          && sd->fields->n_fields == 2
          && sd->fields->fields[1].vmsd.uid == 1
          && sd->fields->fields[1].vmsd.loc.line == 15);
    CHECK(sd && sd->subsections && sd->subsections->slots[0].uid == 2
          && sd->subsections->slots[0].loc.line == 17
          && sd->subsections->slots[0].loc.column == 60);
    CHECK(back.n_struct_heads == 1 && back.struct_heads[0].loc.line == 3);
    char *again = vmsd_facts_write(&back, unit);
    CHECK_STR(again, v8);
    free(again);
    free(text);
    free(unit);
    free(unit_back);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

/* A plain field list (its end marker, nothing after it) has no L
 * record: the first description that names it says "*" and its fields
 * follow; a second names it by its number.  One without its end
 * marker has its L record ("+"). */
static void check_list_numbers(void)
{
    struct vmsd_model m, back;
    vmsd_model_init(&m);
    static const uint32_t uids[] = { 40, 41, 42 }, lists[] = { 7, 7, 8 };
    for (size_t i = 0; i < 3; i++) {
        struct vmsd_desc *d = vmsd_model_desc(&m, uids[i]);
        d->symbol = vmsd_model_strdup(&m, i == 0 ? "a" : i == 1 ? "b" : "c");
        d->defined = true;
        d->fields_uid = lists[i];
    }
    struct vmsd_fieldlist *plain = vmsd_model_add_fieldlist(&m, 7);
    plain->terminated = true;
    vmsd_fieldlist_append(&m, plain)->name = vmsd_model_strdup(&m, "x");
    vmsd_fieldlist_append(&m, vmsd_model_add_fieldlist(&m, 8))->name =
        vmsd_model_strdup(&m, "y");
    vmsd_model_resolve(&m);
    char *text = vmsd_facts_write(&m, "l.c");
    CHECK(strstr(text, "\nD 1:a s-- - :0:0 0 0 - 0 *\nf 1:x 0 0 - l0\n"
                 "D 1:b s-- - :0:0 0 0 - 0 1\n"
                 "D 1:c s-- - :0:0 0 0 - 0 +\nL 0\nf 1:y 0 0 - l0\nE\n")
          != NULL);
    char *unit = read_back(text, &back);
    for (uint32_t uid = 1; uid <= 3; uid++) {
        const struct vmsd_desc *d = vmsd_model_find_desc(&back, uid);
        CHECK(d && d->fields && d->fields->n_fields == 1
              && d->fields->terminated == (uid < 3));
        CHECK_STR(d && d->fields ? d->fields->fields[0].name : NULL,
                  uid < 3 ? "x" : "y");
    }
    char *again = vmsd_facts_write(&back, "l.c");
    CHECK_STR(again, text);
    free(again);
    free(text);
    free(unit);
    vmsd_model_free(&back);
    vmsd_model_free(&m);
}

static void check_version_4(void)
{
    static const char v4[] = HEAD4 "F ^0\n"
        "D 1 1:d s-- - 0:3:1 0 0 - 0 2\nL 2 1\nf 1:a 1 4 -\nf 1:b 1 4 -\nE\n";
    struct vmsd_model m;
    char error[256] = "", *unit;
    size_t used;
    vmsd_model_init(&m);
    CHECK(vmsd_facts_read(v4, sizeof v4 - 1, &m, &unit, &used, error,
                          sizeof error));
    CHECK_STR(error, "");
    vmsd_model_resolve(&m);
    const struct vmsd_desc *d = vmsd_model_find_desc(&m, 1);
    CHECK(d && d->fields && d->fields->n_fields == 2);
    CHECK(d && d->fields && !d->fields->fields[0].loc.file
          && d->fields->fields[0].loc.line == 0
          && d->fields->fields[1].loc.line == 0);
    CHECK(d && d->loc.line == 3);
    free(unit);
    vmsd_model_free(&m);
}

int main(void)
{
    struct vmsd_model m, back;
    char error[256], *unit;
    size_t used;

    build(&m);
    char *text = vmsd_facts_write(&m, "../hw/dev.c");

    /* Two documents, separated as the linker leaves them (NUL bytes). */
    size_t n = strlen(text);
    char *two = malloc(2 * n + 2);
    memcpy(two, text, n);
    two[n] = '\0';
    memcpy(two + n + 1, text, n);
    two[2 * n + 1] = '\0';

    vmsd_model_init(&back);
    CHECK(vmsd_facts_read(two, 2 * n + 2, &back, &unit, &used, error,
                          sizeof error));
    CHECK(used == n);
    CHECK_STR(unit, "../hw/dev.c");
    free(unit);
    vmsd_model_resolve(&back);

    check_creations_last(text, two, n);
    check_read_unit(two, n, &back);

    /* Each name is written once; again, it is a number. */
    CHECK(occurrences(text, "vmstate_elsewhere") == 1);
    CHECK(occurrences(text, "dev_class_init") == 1);
    CHECK(strstr(text, "\nK ^") != NULL);

    /* Write, read, write: the same text, so no member is lost or
     * changed on the way (every member of the model is in the facts). */
    char *again = vmsd_facts_write(&back, "../hw/dev.c");
    CHECK_STR(again, text);
    free(again);
    CHECK(back.n_types == 1 && back.n_class_vmsds == 2 && back.n_calls == 1);
    CHECK(back.n_class_vmsds == 2 && !back.class_vmsds[0].data_member
          && back.class_vmsds[1].vmsd.uid == 0);
    CHECK_STR(back.n_class_vmsds == 2 ? back.class_vmsds[1].data_member
                                      : NULL, "vmsd");
    CHECK(back.n_registrations == 1 && back.registrations[0].n_data == 1
          && back.registrations[0].loc.line == 60
          && back.registrations[0].data[0].vmsd.uid == 1
          && back.registrations[0].data[0].vmsd.loc.line == 55);
    CHECK_STR(back.n_registrations ? back.registrations[0].name : NULL,
              "part-one");
    CHECK(back.n_unfollowed == 1 && back.unfollowed[0].loc.line == 70);
    CHECK(back.n_templates == 1 && back.templates[0].param == 1
          && back.templates[0].data_is_struct
          && !back.templates[0].class_init
          && back.templates[0].name.n_parts == 2
          && back.templates[0].name.parts[0].member
          && !back.templates[0].name.parts[1].member
          && back.templates[0].parent.n_parts == 0
          && back.templates[0].n_guards == 1
          && !back.templates[0].guards[0].set);
    CHECK(back.n_struct_calls == 2 && back.struct_calls[0].arg == 1
          && !back.struct_calls[0].uncertain
          && back.struct_calls[0].n_members == 3
          && back.struct_calls[0].members[1].vmsd.uid == 1
          && !back.struct_calls[0].members[2].string
          && !back.struct_calls[0].members[2].vmsd.uid
          && back.struct_calls[1].uncertain
          && back.struct_calls[1].n_members == 0);
    CHECK_STR(back.n_struct_calls ? back.struct_calls[0].members[0].string
                                  : NULL, "paint");
    CHECK_STR(back.n_unfollowed ? back.unfollowed[0].reason : NULL, "name");
    CHECK(back.n_types && strcmp(back.types[0].parent, "device") == 0
          && strcmp(back.types[0].class_init, "dev_class_init") == 0
          && back.types[0].loc.line == 40);
    CHECK(back.n_class_vmsds && back.class_vmsds[0].conditional
          && back.class_vmsds[0].vmsd.uid == 1);
    CHECK(back.n_calls && back.calls[0].global
          && strcmp(back.calls[0].callee, "common_class_init") == 0);
    CHECK(back.n_creators == 1 && back.creators[0].n_items == 4
          && back.creators[0].global
          && back.creators[0].items[1].kind == 'p'
          && strcmp(back.creators[0].items[1].name, "soc.i2c-%s") == 0);
    CHECK(back.n_hooks == 6 && back.hooks[4].kind == 'u'
          && back.hooks[4].flag && back.hooks[5].kind == 's'
          && strcmp(back.hooks[5].value, "soc-a1") == 0);
    CHECK(strstr(text, "\nQ 10:board_init 1 t 3:soc p 10:soc.i2c-%s m 8:"
                 "soc_name c 6:helper\n") != NULL);
    CHECK(back.n_predicates == 1 && back.predicates[0].how == '!'
          && back.predicates[0].n_reads == 2
          && back.predicates[0].reads[1].offset == 24
          && strcmp(back.predicates[0].reads[1].structure, "DevState") == 0);
    CHECK(back.n_device_props == 1 && back.device_props[0].n_props == 3
          && back.device_props[0].props[0].bool_default == '0'
          && back.device_props[0].props[1].bool_default == '1'
          && back.device_props[0].props[2].bool_default == '-'
          && back.device_props[0].props[2].offset == 28
          && strcmp(back.device_props[0].props[1].name, "x-more") == 0);
    CHECK(back.n_props_sets == 1
          && strcmp(back.props_sets[0].array, "dev_props") == 0);
    CHECK(strstr(text, " x16:dev_extra_needed") != NULL
          && strstr(text, "\nX ^") != NULL);
    CHECK(strstr(text, "\nW * ") != NULL);

    /* Ids as written: the D records' numbers (vmstate_dev, 10, is 1),
     * then those only referred to (vmstate_elsewhere, 11, is 2). */
    struct vmsd_desc *p = vmsd_model_find_desc(&back, 1);
    CHECK(p && p->defined && p->linkage == VMSD_LINK_GLOBAL);
    CHECK_STR(p ? p->name : NULL, "dev \"quoted\" \\ tab\t\nline");
    CHECK(p && p->version_id == 3 && p->minimum_version_id == 2);
    CHECK_STR(p ? p->loc.file : NULL, "hw/dev.c");
    CHECK(p && p->loc.line == 40 && p->loc.column == 33);
    CHECK(p && p->subsections && p->subsections->n_slots == 2);
    CHECK(p && p->subsections && p->subsections->slots[1].is_null);
    /* The declared-only description is left out; its reference keeps
     * the symbol the whole program resolves it by. */
    CHECK(vmsd_model_find_desc(&back, 2) == NULL);
    CHECK(p && p->subsections && p->subsections->slots[0].uid == 2
          && !p->subsections->slots[0].target);
    CHECK_STR(p && p->subsections ? p->subsections->slots[0].symbol : NULL,
              "vmstate_elsewhere");
    CHECK_STR(p ? p->needed : NULL, "dev_needed");
    CHECK(p && p->marker == VMSD_MARKER_SET);
    CHECK(p && p->fields && p->fields->n_fields == 2 && p->fields->terminated);
    CHECK_STR(p && p->fields ? p->fields->after_end : NULL, "late");
    CHECK(p && p->fields && p->fields->after_end_loc.line == 47
          && p->fields->after_end_loc.column == 9);
    CHECK(p && p->fields && !vmsd_field_nests(&p->fields->fields[0])
          && !p->fields->fields[0].has_field_exists);
    CHECK(p && p->fields && vmsd_field_nests(&p->fields->fields[1])
          && p->fields->fields[1].has_field_exists
          && p->fields->fields[1].field_exists
          && strcmp(p->fields->fields[1].field_exists,
                    "dev_extra_needed") == 0
          && p->fields->fields[1].version_id == 2
          && p->fields->fields[1].flags == 8
          && p->fields->fields[1].size == 40
          && p->fields->fields[1].num == 4);
    CHECK(p && p->fields && p->fields->fields[0].size == 0
          && p->fields->fields[0].num == 0);
    CHECK_STR(p && p->fields ? p->fields->fields[1].info : NULL,
              "vmstate_info_qtailq");
    CHECK_STR(p && p->fields ? p->fields->fields[1].loc.file : NULL,
              "hw/dev.c");
    CHECK(p && p->fields && p->fields->fields[0].loc.line == 44
          && p->fields->fields[1].loc.line == 45
          && p->fields->fields[1].loc.column == 9);
    vmsd_model_free(&back);

    /* The second document reads the same, from where the first ended. */
    vmsd_model_init(&back);
    CHECK(vmsd_facts_read(two + used + 1, n + 1, &back, &unit, &used, error,
                          sizeof error));
    CHECK(back.n_descs == 1);
    free(unit);
    vmsd_model_free(&back);

    /* A unit that defines nothing still writes its facts: the mark that
     * it was compiled with the plugin. */
    struct vmsd_model decl_only;
    vmsd_model_init(&decl_only);
    vmsd_model_desc(&decl_only, 5)->linkage = VMSD_LINK_EXTERN;
    char *mark = vmsd_facts_write(&decl_only, "empty.c");
    CHECK_STR(mark, "vmsdcheck-facts 8 7:empty.c\nE\n");
    vmsd_model_free(&decl_only);
    vmsd_model_init(&decl_only);
    CHECK(vmsd_facts_read(mark, strlen(mark), &decl_only, &unit, &used,
                          error, sizeof error));
    CHECK(decl_only.n_descs == 0);
    CHECK_STR(unit, "empty.c");
    free(unit);
    free(mark);
    vmsd_model_free(&decl_only);

    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
        check_refused(broken[i].text, broken[i].length, broken[i].error);
    check_too_many_slots();
    check_field_places();
    check_machine_records();
    check_version_4();
    check_version_6();
    check_list_numbers();
    check_fit_records();
    check_number_limits();

    /* Names are bytes, written as they are: one that is not UTF-8
     * stays apart from the UTF-8 name it would have been mistaken for. */
    struct vmsd_model bytes;
    vmsd_model_init(&bytes);
    struct vmsd_desc *raw = vmsd_model_desc(&bytes, 1);
    raw->symbol = vmsd_model_strdup(&bytes, "vmstate_raw");
    raw->name = vmsd_model_strdup(&bytes, "p/\xff");
    raw->defined = true;
    struct vmsd_desc *utf = vmsd_model_desc(&bytes, 2);
    utf->symbol = vmsd_model_strdup(&bytes, "vmstate_utf");
    utf->name = vmsd_model_strdup(&bytes, "p/\xc3\xbf");
    utf->defined = true;
    struct vmsd_sublist *huge = vmsd_model_add_sublist(&bytes, 3);
    huge->too_long = true;
    raw->subsections_uid = 3;
    vmsd_model_resolve(&bytes);
    char *both = vmsd_facts_write(&bytes, "b.c");
    CHECK(strncmp(both, "vmsdcheck-facts 8 3:b.c\n", 24) == 0);
    CHECK(strstr(both, " 3:p/\xff ") != NULL);
    CHECK(strstr(both, " 4:p/\xc3\xbf ") != NULL);
    CHECK(strstr(both, "\nS 1\n") != NULL);
    vmsd_model_init(&back);
    CHECK(vmsd_facts_read(both, strlen(both), &back, &unit, &used, error,
                          sizeof error));
    CHECK_STR(vmsd_model_find_desc(&back, 1)->name, "p/\xff");
    CHECK_STR(vmsd_model_find_desc(&back, 2)->name, "p/\xc3\xbf");
    vmsd_model_resolve(&back);
    CHECK(vmsd_model_find_desc(&back, 1)->subsections
          && vmsd_model_find_desc(&back, 1)->subsections->too_long);
    free(unit);
    free(both);
    vmsd_model_free(&back);
    vmsd_model_free(&bytes);

    free(two);
    free(text);
    vmsd_model_free(&m);
    totals();
    return 0;
}
