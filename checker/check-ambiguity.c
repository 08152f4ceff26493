/* load-ambiguity: a subsection the loader can hand to the wrong
 * description (docs/loader-model.md, "Claim by the wrong description";
 * docs/ambiguity.md).
 *
 * When a description X has loaded its fields, X's subsection loop looks
 * at the next subsection on the wire and takes it when its name extends
 * X's.  What can come next is what follows X's end:
 *   - X loaded by a field of container C, every later field of C possibly
 *     absent: C's subsections, the first ones possibly not sent; and when
 *     C may send none, what follows C;
 *   - X a subsection of P: X's later siblings, those between possibly not
 *     sent; and when none may be sent, what follows P.
 * A subsection S met that way whose name extends X's, and which X does
 * not list, fails the load ("does not exist"); one that X lists under
 * another description is loaded as that one. */
#include "check.h"
#include "names.h"

#include <stdlib.h>
#include <string.h>

/* How deep a chain of containers is followed. */
#define MAX_DEPTH 16

/* Framed containers write a marker before each element and after the
 * last, so an element's subsection loop never sees what follows. */
static const char *const framed_infos[] = {
    "vmstate_info_qtailq", "vmstate_info_qlist", "vmstate_info_gtree", NULL,
};

/* One place a description is loaded from. */
struct context {
    const struct vmsd_desc *owner;      /* the container or parent */
    const struct vmsd_field *field;     /* loaded by this field, or */
    size_t slot;                        /* by this slot of owner's list */
};

struct contexts {
    struct context *items;
    size_t n;
};

/* One step up the chain, for the notes. */
struct step {
    const struct vmsd_desc *desc;       /* the description that ended */
    const struct context *context;      /* where it was loaded from */
};

struct walk {
    const struct vmsd_check *check;
    struct vmsd_uid_index contexts;     /* desc uid -> struct contexts */
    const struct vmsd_desc *claimer;    /* X */
    struct step path[MAX_DEPTH];
    size_t depth;
    const struct vmsd_ref **reported;   /* list entries already reported
                                           for X */
    size_t n_reported;
};

static bool framed(const struct vmsd_field *field)
{
    for (const char *const *p = framed_infos; field->info && *p; p++)
        if (strcmp(field->info, *p) == 0)
            return true;
    return false;
}

/* Absent when the test says so, or in a stream older than the field. */
static bool may_be_absent(const struct vmsd_field *field,
                          const struct vmsd_desc *container)
{
    return field->has_field_exists
           || field->version_id > container->minimum_version_id;
}

static bool at_tail(const struct vmsd_desc *container,
                    const struct vmsd_field *field)
{
    const struct vmsd_fieldlist *list = container->fields;
    for (size_t i = (size_t)(field - list->fields) + 1; i < list->n_fields;
         i++)
        if (!may_be_absent(&list->fields[i], container))
            return false;
    return true;
}

static void add_context(struct walk *w, const struct vmsd_desc *loaded,
                        struct context context)
{
    struct contexts *c = vmsd_uid_index_get(&w->contexts, loaded->uid);
    if (!c) {
        c = vmsd_xcalloc(1, sizeof *c);
        vmsd_uid_index_put(&w->contexts, loaded->uid, c);
    }
    c->items = vmsd_grow(c->items, c->n, sizeof *c->items);
    c->items[c->n++] = context;
}

static void collect_contexts(struct walk *w, const struct vmsd_model *model)
{
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (d->fields)
            for (size_t j = 0; j < d->fields->n_fields; j++) {
                const struct vmsd_field *f = &d->fields->fields[j];
                if (f->vmsd.target && !framed(f))
                    add_context(w, f->vmsd.target,
                                (struct context){ d, f, 0 });
            }
        if (d->subsections && d->subsections->owner == d)
            for (size_t j = 0; j < vmsd_sublist_length(d->subsections); j++)
                if (d->subsections->slots[j].target)
                    add_context(w, d->subsections->slots[j].target,
                                (struct context){ d, NULL, j });
    }
}

static void free_contexts(struct walk *w, const struct vmsd_model *model)
{
    for (size_t i = 0; i < model->n_descs; i++) {
        struct contexts *c = vmsd_uid_index_get(&w->contexts,
                                                model->descs[i]->uid);
        if (c) {
            free(c->items);
            free(c);
        }
    }
    vmsd_uid_index_free(&w->contexts);
}

/* X's own subsection of that name, or NULL. */
static const struct vmsd_desc *listed_as(const struct vmsd_desc *x,
                                         const char *name)
{
    const struct vmsd_sublist *list = x->subsections;
    for (size_t i = 0; list && i < vmsd_sublist_length(list); i++) {
        const struct vmsd_desc *t = list->slots[i].target;
        if (t && t->name && strcmp(t->name, name) == 0)
            return t;
    }
    return NULL;
}

/* One finding per (X, list entry), however many paths lead there. */
static bool already_reported(struct walk *w, const struct vmsd_ref *entry)
{
    for (size_t i = 0; i < w->n_reported; i++)
        if (w->reported[i] == entry)
            return true;
    w->reported = vmsd_xrealloc(w->reported,
                                (w->n_reported + 1) * sizeof *w->reported);
    w->reported[w->n_reported++] = entry;
    return false;
}

/* "a, b and c": the needed functions of slots [from, to) of LIST. */
static char *needed_list(const struct vmsd_sublist *list, size_t from,
                         size_t to)
{
    size_t size = 1;
    for (size_t i = from; i < to; i++)
        size += strlen(list->slots[i].target->needed) + 6;
    char *out = vmsd_xcalloc(size, 1);
    for (size_t i = from; i < to; i++) {
        if (i > from)
            strcat(out, i + 1 == to ? " and " : ", ");
        strcat(out, list->slots[i].target->needed);
    }
    return out;
}

static void report(struct walk *w, const struct vmsd_desc *owner,
                   size_t slot, size_t first_unsent)
{
    const struct vmsd_check *check = w->check;
    const struct vmsd_desc *x = w->claimer;
    const struct vmsd_sublist *list = owner->subsections;
    const struct vmsd_desc *s = list->slots[slot].target;
    const struct vmsd_desc *as = listed_as(x, s->name);

    if (as == s || already_reported(w, &list->slots[slot]))
        return;
    struct vmsd_finding *f = as
        ? vmsd_finding_begin(check, VMSD_RULE_LOAD_AMBIGUITY,
              list->slots[slot].loc,
              "subsection %q of %q can reach the loader right after %q, "
              "which loads it as its own %q", s->name, owner->name,
              x->name, as->symbol)
        : vmsd_finding_begin(check, VMSD_RULE_LOAD_AMBIGUITY,
              list->slots[slot].loc,
              "subsection %q of %q can reach the loader right after %q, "
              "whose name it extends: the load fails (\"does not exist\")",
              s->name, owner->name, x->name);
    vmsd_finding_about(f, owner->name, s->name);
    vmsd_finding_note(check, f, x->loc, "%q ends here and claims every "
                      "subsection whose name starts with %q", x->symbol,
                      x->name);
    for (size_t i = 0; i < w->depth; i++) {
        const struct step *st = &w->path[i];
        const struct context *c = st->context;
        if (c->field)
            vmsd_finding_note(check, f, c->field->vmsd.loc,
                              "%q is loaded by field %q of %q, and every "
                              "field after it may be absent",
                              st->desc->symbol,
                              c->field->name ? c->field->name : "?",
                              vmsd_desc_label(c->owner));
        else
            vmsd_finding_note(check, f,
                              c->owner->subsections->slots[c->slot].loc,
                              "%q is a subsection of %q", st->desc->symbol,
                              vmsd_desc_label(c->owner));
    }
    if (first_unsent < slot) {
        char *fns = needed_list(list, first_unsent, slot);
        vmsd_finding_note(check, f, list->slots[first_unsent].loc,
                          "when %s return%s false", fns,
                          slot - first_unsent == 1 ? "s" : "");
        free(fns);
    }
    vmsd_finding_end(check, f);
}

/* A subsection its parent never loads (its name does not extend the
 * parent's, or an earlier entry has it) runs no loop there. */
static bool loads_there(const struct vmsd_desc *sub,
                        const struct context *ctx)
{
    const struct vmsd_sublist *list = ctx->owner->subsections;
    if (!sub->name || !ctx->owner->name
        || !vmsd_name_extends(sub->name, ctx->owner->name))
        return false;
    for (size_t i = 0; i < ctx->slot; i++) {
        const struct vmsd_desc *t = list->slots[i].target;
        if (t && t->name && strcmp(t->name, sub->name) == 0)
            return false;
    }
    return true;
}

static void follow(struct walk *w, const struct vmsd_desc *ended);

/* The subsections of OWNER's list from slot FROM on can come next; when
 * all of them may stay unsent, so can what follows OWNER. */
static void candidates(struct walk *w, const struct vmsd_desc *owner,
                       size_t from)
{
    const struct vmsd_sublist *list = owner->subsections;
    size_t n = list ? vmsd_sublist_length(list) : 0;
    const char *xname = w->claimer->name;

    for (size_t k = from; k < n; k++) {
        const struct vmsd_desc *s = list->slots[k].target;
        if (!s || !s->defined || !s->name)
            return;             /* unknown: stop rather than guess */
        if (s != w->claimer && vmsd_name_extends(s->name, xname))
            report(w, owner, k, from);
        if (!s->needed)
            return;             /* always sent: nothing later comes next */
    }
    follow(w, owner);
}

/* Everything that can come right after ENDED's end, given the path. */
static void follow(struct walk *w, const struct vmsd_desc *ended)
{
    const struct contexts *c = vmsd_uid_index_get(&w->contexts, ended->uid);
    if (!c || w->depth == MAX_DEPTH)
        return;
    for (size_t i = 0; i < c->n; i++) {
        const struct context *ctx = &c->items[i];
        for (size_t d = 0; d < w->depth; d++)
            if (w->path[d].context->owner == ctx->owner)
                goto next;      /* a cycle */
        if (ctx->field && !at_tail(ctx->owner, ctx->field))
            continue;
        if (!ctx->field && !loads_there(ended, ctx))
            continue;
        w->path[w->depth++] = (struct step){ ended, ctx };
        candidates(w, ctx->owner, ctx->field ? 0 : ctx->slot + 1);
        w->depth--;
    next:;
    }
}

void vmsd_check_load_ambiguity(const struct vmsd_check *check)
{
    if (check->config->severity[VMSD_RULE_LOAD_AMBIGUITY] == VMSD_OFF)
        return;
    const struct vmsd_model *model = check->program->model;
    struct walk w;
    memset(&w, 0, sizeof w);
    w.check = check;
    collect_contexts(&w, model);
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *x = model->descs[i];
        if (!x->defined || !x->name)
            continue;
        w.claimer = x;
        w.n_reported = 0;
        follow(&w, x);
    }
    free(w.reported);
    free_contexts(&w, model);
}
