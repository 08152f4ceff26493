/* Models made from a fuzzer's bytes (model-gen.h). */
#include "model-gen.h"

#include "../checker/facts.h"
#include "../checker/model.h"
#include "../checker/xalloc.h"

#include <stdio.h>

struct bytes {
    const unsigned char *p, *end;
};

/* The next byte, as a number below N (0 once the bytes are used up). */
static unsigned next(struct bytes *b, unsigned n)
{
    return b->p < b->end ? *b->p++ % n : 0;
}

/* Names that extend each other ("p/m", "p/m-extra", "p/m/x"): what
 * the load-ambiguity walk compares. */
static char *pick_name(struct vmsd_model *m, struct bytes *b)
{
    static const char *const parts[] = { "p", "m", "m-extra", "x", "" };
    char name[64] = "";
    unsigned n = 1 + next(b, 4);
    for (unsigned i = 0; i < n; i++) {
        size_t len = 0;
        while (name[len])
            len++;
        snprintf(name + len, sizeof name - len, "%s%s", i ? "/" : "",
                 parts[next(b, 5)]);
    }
    return vmsd_model_strdup(m, name);
}

static char *numbered(struct vmsd_model *m, const char *prefix, unsigned i)
{
    char name[32];
    snprintf(name, sizeof name, "%s%u", prefix, i);
    return vmsd_model_strdup(m, name);
}

/* A reference to one of the N descriptions, or to one no unit defines. */
static void pick_ref(struct vmsd_model *m, struct bytes *b, unsigned n,
                     const char *file, struct vmsd_ref *ref)
{
    unsigned j = next(b, n + 1);
    ref->uid = j < n ? j + 1 : 9999;
    ref->symbol = numbered(m, "vmstate_", ref->uid);
    ref->loc = (struct vmsd_loc){ file, 1 + next(b, 200), 1, 0 };
}

static void add_fields(struct vmsd_model *m, struct bytes *b, unsigned n,
                       const char *file, struct vmsd_desc *d)
{
    static const char *const names[] = { "f", "g", "parent_obj", "f/x" };
    struct vmsd_fieldlist *list = vmsd_model_add_fieldlist(m, d->fields_uid);
    list->terminated = next(b, 8) != 0;
    unsigned count = next(b, 8);
    for (unsigned i = 0; i < count; i++) {
        struct vmsd_field *f = vmsd_fieldlist_append(m, list);
        f->name = next(b, 8) ? vmsd_model_strdup(m, names[next(b, 4)]) : NULL;
        f->flags = next(b, 2) ? VMSD_VMS_ARRAY : next(b, 256);
        f->flags |= next(b, 4) ? 0 : VMSD_VMS_MUST_EXIST;
        f->version_id = (int)next(b, 4);
        f->struct_version_id = (int)next(b, 4);
        f->num = (int)next(b, 4);
        f->size = next(b, 16);
        f->has_field_exists = next(b, 2);
        f->loc = (struct vmsd_loc){ file, d->loc.line + i + 1, 9, 0 };
        if (next(b, 3) == 0)
            pick_ref(m, b, n, file, &f->vmsd);
    }
}

static void add_subsections(struct vmsd_model *m, struct bytes *b,
                            unsigned n, const char *file, struct vmsd_desc *d)
{
    struct vmsd_sublist *list = vmsd_model_add_sublist(m, d->subsections_uid);
    unsigned count = next(b, 6);
    for (unsigned i = 0; i < count; i++) {
        struct vmsd_ref *slot = vmsd_sublist_append(m, list);
        if (next(b, 6) == 0)
            slot->is_null = true;
        else
            pick_ref(m, b, n, file, slot);
    }
}

/* Device types, the class_init functions' assignments and the calls
 * between helpers: parents and calls may form cycles. */
static void add_types(struct vmsd_model *m, struct bytes *b, unsigned n,
                      const char *file)
{
    unsigned types = next(b, 12), functions = 1 + next(b, 8);
    for (unsigned i = 0; i < types; i++) {
        struct vmsd_qom_type *t = VMSD_APPEND(m->types, m->n_types);
        unsigned parent = next(b, types + 2);
        t->name = i == 0 && next(b, 2) ? vmsd_model_strdup(m, "device")
                                       : numbered(m, "type", i);
        t->parent = parent == types ? vmsd_model_strdup(m, "device")
                    : parent > types ? NULL : numbered(m, "type", parent);
        t->class_init = next(b, 4) ? numbered(m, "fn", next(b, functions))
                                   : NULL;
        t->loc = (struct vmsd_loc){ file, 300 + i, 1, 0 };
    }
    unsigned sets = next(b, 12);
    for (unsigned i = 0; i < sets; i++) {
        struct vmsd_class_vmsd *c = VMSD_APPEND(m->class_vmsds,
                                                m->n_class_vmsds);
        c->function = numbered(m, "fn", next(b, functions));
        c->conditional = next(b, 2);
        if (next(b, 5))
            pick_ref(m, b, n, file, &c->vmsd);
    }
    unsigned calls = next(b, 16);
    for (unsigned i = 0; i < calls; i++) {
        struct vmsd_call *c = VMSD_APPEND(m->calls, m->n_calls);
        c->caller = numbered(m, "fn", next(b, functions));
        c->callee = numbered(m, "fn", next(b, functions));
        c->global = next(b, 2);
    }
    /* Types registered by code, some class_init functions taking their
     * description from class_data, registrations not followed (read
     * last, so that older inputs make the models they made). */
    unsigned registered = next(b, 8);
    for (unsigned i = 0; i < registered; i++) {
        struct vmsd_registration *r = VMSD_APPEND(m->registrations,
                                                  m->n_registrations);
        unsigned parent = next(b, types + 2);
        r->name = numbered(m, "registered", i);
        r->parent = parent == types ? vmsd_model_strdup(m, "device")
                    : parent > types ? NULL : numbered(m, "type", parent);
        r->class_init = numbered(m, "fn", next(b, functions));
        r->loc = (struct vmsd_loc){ file, 400 + i, 1, 0 };
        unsigned members = next(b, 3);
        for (unsigned k = 0; k < members; k++) {
            struct vmsd_data_member *d = VMSD_APPEND(r->data, r->n_data);
            d->member = vmsd_model_strdup(m, k ? "other" : "vmsd");
            pick_ref(m, b, n, file, &d->vmsd);
        }
    }
    for (size_t i = 0; i < m->n_class_vmsds; i++)
        if (!m->class_vmsds[i].vmsd.uid && next(b, 2))
            m->class_vmsds[i].data_member = vmsd_model_strdup(m, "vmsd");
    /* Helpers' templates and the calls handing them a struct: names
     * made of members that may be NULL, guards that may or may not
     * hold. */
    static const char *const members[] = { "base", "generic", "vmsd" };
    unsigned templates = next(b, 6);
    for (unsigned i = 0; i < templates; i++) {
        struct vmsd_template *t = VMSD_APPEND(m->templates, m->n_templates);
        t->function = numbered(m, "helper", next(b, 2));
        t->param = next(b, 2);
        t->loc = (struct vmsd_loc){ file, 600 + i, 1, 0 };
        t->class_init = next(b, 2) ? numbered(m, "fn", next(b, functions))
                                   : NULL;
        t->data_is_struct = next(b, 2);
        for (struct vmsd_template_string *str = &t->name;
             str <= &t->parent; str++) {
            unsigned parts = next(b, 3);
            for (unsigned k = 0; k < parts; k++) {
                struct vmsd_template_part *part =
                    VMSD_APPEND(str->parts, str->n_parts);
                part->member = next(b, 2);
                part->text = part->member
                    ? vmsd_model_strdup(m, members[next(b, 3)])
                    : k ? vmsd_model_strdup(m, "-x")
                        : numbered(m, "type", next(b, types + 1));
            }
        }
        unsigned guards = next(b, 3);
        for (unsigned k = 0; k < guards; k++) {
            struct vmsd_guard *g = VMSD_APPEND(t->guards, t->n_guards);
            g->member = vmsd_model_strdup(m, members[next(b, 3)]);
            g->set = next(b, 2);
        }
    }
    unsigned struct_calls = next(b, 4);
    for (unsigned i = 0; i < struct_calls; i++) {
        struct vmsd_struct_call *c = VMSD_APPEND(m->struct_calls,
                                                 m->n_struct_calls);
        c->caller = numbered(m, "fn", next(b, functions));
        c->callee = numbered(m, "helper", next(b, 2));
        c->arg = next(b, 2);
        c->loc = (struct vmsd_loc){ file, 700 + i, 1, 0 };
        c->uncertain = next(b, 4) == 0;
        for (unsigned k = 0; !c->uncertain && k < 3; k++) {
            unsigned kind = next(b, 4);     /* NULL, string, description, ? */
            if (!kind)
                continue;
            struct vmsd_struct_member *sm = VMSD_APPEND(c->members,
                                                        c->n_members);
            sm->member = vmsd_model_strdup(m, members[k]);
            if (kind == 1)
                sm->string = numbered(m, "type", next(b, types + 1));
            else if (kind == 2)
                pick_ref(m, b, n, file, &sm->vmsd);
        }
    }
    unsigned unfollowed = next(b, 3);
    for (unsigned i = 0; i < unfollowed; i++) {
        struct vmsd_unfollowed *u = VMSD_APPEND(m->unfollowed,
                                                m->n_unfollowed);
        u->function = numbered(m, "fn", next(b, functions));
        u->reason = vmsd_model_strdup(m, "name");
        u->loc = (struct vmsd_loc){ file, 500 + i, 1, 0 };
    }
}

char *fuzz_model_facts(const unsigned char *data, size_t size)
{
    struct bytes b = { data, data + size };
    struct vmsd_model m;
    vmsd_model_init(&m);
    const char *file = vmsd_model_intern_file(&m, "gen.c");
    unsigned n = 1 + next(&b, 32);
    for (unsigned i = 0; i < n; i++) {
        struct vmsd_desc *d = vmsd_model_desc(&m, i + 1);
        d->symbol = numbered(&m, "vmstate_", i + 1);
        d->linkage = next(&b, 4) ? VMSD_LINK_GLOBAL : VMSD_LINK_STATIC;
        d->defined = true;
        d->name = next(&b, 8) ? pick_name(&m, &b) : NULL;
        d->loc = (struct vmsd_loc){ file, 10 * (i + 1), 1, 0 };
        d->version_id = (int)next(&b, 4);
        d->minimum_version_id = (int)next(&b, 4);
        unsigned needed = next(&b, 3);
        d->needed = needed == 0 ? NULL
                    : vmsd_model_strdup(&m, needed == 1 ? "needed" : "?");
        d->marker = (enum vmsd_marker)next(&b, 3);
        if (next(&b, 2)) {
            d->subsections_uid = 1000 + i;
            add_subsections(&m, &b, n, file, d);
        }
        if (next(&b, 4)) {
            d->fields_uid = 2000 + i;
            add_fields(&m, &b, n, file, d);
        }
    }
    add_types(&m, &b, n, file);
    vmsd_model_resolve(&m);
    char *text = vmsd_facts_write(&m, "gen.c");
    vmsd_model_free(&m);
    return text;
}
