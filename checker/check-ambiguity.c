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
#include "strbuf.h"
#include "xalloc.h"

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
    bool leads_on;                      /* what follows owner can follow
                                           the description's end: every
                                           later field may be absent, or
                                           owner loads it at that slot */
};

struct contexts {
    struct context *items;
    size_t n;
    size_t walk;                        /* the walk that last followed the
                                           description (0: none) */
    size_t depth;                       /* at the least depth it was */
};

/* A subsection list's named entries in name order, and where a scan of
 * it from each slot stops, so that what can come after a description is
 * found by name rather than by going through the rest of the list for
 * every description: a list of 100,000 subsections costs about what
 * 100,000 lists of one do. */
struct named_slot {
    const char *name;
    uint64_t head;                      /* name_head(name) */
    uint32_t list;                      /* the list's uid */
    size_t slot;
    const struct vmsd_desc *target;
};

struct list_index {
    size_t length;                      /* the entries the loader sees */
    struct named_slot *by_name;         /* by name, then slot */
    size_t n_named;
    size_t stop[];                      /* [k], k <= length: the first slot
                                           from k on that ends a scan (an
                                           unknown entry, or one always
                                           sent); length when none does */
};

/* One step up the chain, for the notes. */
struct step {
    const struct vmsd_desc *desc;       /* the description that ended */
    const struct context *context;      /* where it was loaded from */
};

struct walk {
    const struct vmsd_check *check;
    size_t number;                      /* this claimer's walk, from 1 */
    struct contexts *loaded;            /* each loaded description's */
    size_t n_loaded;
    struct vmsd_uid_index contexts;     /* desc uid -> 1 + its index in
                                           loaded */
    struct vmsd_uid_index lists;        /* list uid -> struct list_index */
    const struct vmsd_desc *claimer;    /* X */
    struct step path[MAX_DEPTH];
    size_t depth;
    struct vmsd_strset reported;        /* list entries already reported
                                           for X, by address */
    struct named_slot *all_named;       /* every list's named entries, by
                                           name, list and slot */
    size_t n_all_named;
    bool collected;                     /* contexts and list indexes made:
                                           only once a walk is taken */
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

/* One past CONTAINER's last field that is always there (0 when every
 * field may be absent): field J is at the tail, every later field
 * possibly absent, when J + 1 is at least that. */
static size_t tail_from(const struct vmsd_desc *container)
{
    const struct vmsd_fieldlist *list = container->fields;
    for (size_t i = list->n_fields; i > 0; i--)
        if (!may_be_absent(&list->fields[i - 1], container))
            return i;
    return 0;
}

/* Known well enough to scan on: defined, with a name. */
static bool known(const struct vmsd_desc *s)
{
    return s && s->defined && s->name;
}

/* The first eight bytes of NAME as a number that orders as the bytes
 * do (zero past its end): most names differ there, so comparing two is
 * comparing two numbers. */
static uint64_t name_head(const char *name)
{
    uint64_t head = 0;
    for (int i = 0; i < 8; i++) {
        head <<= 8;
        if (*name)
            head |= (unsigned char)*name++;
    }
    return head;
}

/* strcmp's order of names A and B, of heads HA and HB. */
static int compare_names(uint64_t ha, const char *a, uint64_t hb,
                         const char *b)
{
    if (ha != hb)
        return ha < hb ? -1 : 1;
    if (!(ha & 0xff))
        return 0;               /* both end within their equal heads */
    return strcmp(a + 8, b + 8);
}

static struct named_slot named_slot(const struct vmsd_sublist *list,
                                    size_t slot)
{
    const struct vmsd_desc *s = list->slots[slot].target;
    return (struct named_slot){ s->name, name_head(s->name), list->uid,
                                slot, s };
}

static int compare_named(const void *pa, const void *pb)
{
    const struct named_slot *a = pa, *b = pb;
    int c = compare_names(a->head, a->name, b->head, b->name);
    if (c)
        return c;
    if (a->list != b->list)
        return a->list > b->list ? 1 : -1;
    return (a->slot > b->slot) - (a->slot < b->slot);
}

static struct list_index *index_list(const struct vmsd_sublist *list)
{
    size_t n = vmsd_sublist_length(list);
    /* One block: the index, its stops, then its named entries. */
    struct list_index *ix = vmsd_xcalloc(1, sizeof *ix
                                            + (n + 1) * sizeof *ix->stop
                                            + n * sizeof *ix->by_name);
    ix->length = n;
    ix->by_name = (struct named_slot *)(ix->stop + n + 1);
    ix->stop[n] = n;
    for (size_t k = n; k-- > 0;) {
        const struct vmsd_desc *s = list->slots[k].target;
        ix->stop[k] = known(s) && s->needed ? ix->stop[k + 1] : k;
        if (s && s->name)
            ix->by_name[ix->n_named++] = named_slot(list, k);
    }
    qsort(ix->by_name, ix->n_named, sizeof *ix->by_name, compare_named);
    return ix;
}

static const struct list_index *list_index(const struct walk *w,
                                           const struct vmsd_sublist *list)
{
    return list ? vmsd_uid_index_get(&w->lists, list->uid) : NULL;
}

/* The first of the N entries ITEMS, in name and list order, that is
 * not below NAME in list LIST: LIST 0, which no list's uid is, for the
 * first entry of NAME in any list. */
static const struct named_slot *lower_bound(const struct named_slot *items,
                                            size_t n, const char *name,
                                            uint32_t list)
{
    uint64_t head = name_head(name);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_names(items[mid].head, items[mid].name, head, name);
        if (c < 0 || (c == 0 && items[mid].list < list))
            lo = mid + 1;
        else
            hi = mid;
    }
    return &items[lo];
}

/* The first entry the loader sees named NAME, or NULL. */
static const struct named_slot *first_named(const struct list_index *ix,
                                            const char *name)
{
    const struct named_slot *e = ix ? lower_bound(ix->by_name, ix->n_named,
                                                  name, 0) : NULL;
    return e && e < ix->by_name + ix->n_named && strcmp(e->name, name) == 0
           ? e : NULL;
}

/* A subsection its parent never loads (its name does not extend the
 * parent's, or an earlier entry has it) runs no loop there. */
static bool loads_there(const struct list_index *ix,
                        const struct vmsd_desc *parent,
                        const struct vmsd_desc *sub, size_t slot)
{
    return sub->name && parent->name
           && vmsd_name_extends(sub->name, parent->name)
           && first_named(ix, sub->name)->slot == slot;
}

/* Where DESC is loaded from, or NULL when nothing loads it. */
static struct contexts *contexts_of(const struct walk *w,
                                    const struct vmsd_desc *desc)
{
    uintptr_t k = (uintptr_t)vmsd_uid_index_get(&w->contexts, desc->uid);
    return k ? &w->loaded[k - 1] : NULL;
}

static void add_context(struct walk *w, const struct vmsd_desc *loaded,
                        struct context context)
{
    struct contexts *c = contexts_of(w, loaded);
    if (!c) {
        c = VMSD_APPEND(w->loaded, w->n_loaded);
        vmsd_uid_index_put(&w->contexts, loaded->uid,
                           (void *)(uintptr_t)w->n_loaded);
    }
    c->items = vmsd_grow(c->items, c->n, sizeof *c->items);
    c->items[c->n++] = context;
}

/* Every list's named entries, in one array by name, list and slot. */
static void collect_named(struct walk *w, const struct vmsd_model *model)
{
    for (size_t i = 0; i < model->n_sublists; i++) {
        const struct vmsd_sublist *list = model->sublists[i];
        size_t n = vmsd_sublist_length(list);
        for (size_t k = 0; k < n; k++) {
            const struct vmsd_desc *s = list->slots[k].target;
            if (s && s->name)
                *VMSD_APPEND(w->all_named, w->n_all_named) =
                    named_slot(list, k);
        }
    }
    if (w->n_all_named)         /* qsort's array may not be NULL */
        qsort(w->all_named, w->n_all_named, sizeof *w->all_named,
              compare_named);
}

static void collect_contexts(struct walk *w, const struct vmsd_model *model)
{
    w->collected = true;
    for (size_t i = 0; i < model->n_sublists; i++)
        vmsd_uid_index_put(&w->lists, model->sublists[i]->uid,
                           index_list(model->sublists[i]));
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        size_t tail = d->fields ? tail_from(d) : 0;
        for (size_t j = 0; d->fields && j < d->fields->n_fields; j++) {
            const struct vmsd_field *f = &d->fields->fields[j];
            if (f->vmsd.target && !framed(f))
                add_context(w, f->vmsd.target,
                            (struct context){ d, f, 0, j + 1 >= tail });
        }
        if (!d->subsections || d->subsections->owner != d)
            continue;
        const struct list_index *ix = list_index(w, d->subsections);
        for (size_t j = 0; j < ix->length; j++) {
            const struct vmsd_desc *sub = d->subsections->slots[j].target;
            if (sub)
                add_context(w, sub, (struct context){
                    d, NULL, j, loads_there(ix, d, sub, j) });
        }
    }
}

static void free_walk(struct walk *w, const struct vmsd_model *model)
{
    for (size_t i = 0; i < w->n_loaded; i++)
        free(w->loaded[i].items);
    free(w->loaded);
    for (size_t i = 0; i < model->n_sublists; i++)
        free(vmsd_uid_index_get(&w->lists, model->sublists[i]->uid));
    vmsd_uid_index_free(&w->contexts);
    vmsd_uid_index_free(&w->lists);
    free(w->all_named);
    vmsd_strset_free(&w->reported);
}

/* The target of LIST's first entry named NAME, or NULL: found among
 * every list's entries, by name and list. */
static const struct vmsd_desc *first_in_list(const struct walk *w,
                                             const struct vmsd_sublist *list,
                                             const char *name)
{
    if (!list)
        return NULL;
    const struct named_slot *e = lower_bound(w->all_named, w->n_all_named,
                                             name, list->uid);
    return e < w->all_named + w->n_all_named && e->list == list->uid
           && strcmp(e->name, name) == 0 ? e->target : NULL;
}

/* One finding per (X, list entry), however many paths lead there. */
static bool already_reported(struct walk *w, const struct vmsd_ref *entry)
{
    size_t before = w->reported.count;
    vmsd_strset_add(&w->reported, (const char *)&entry, sizeof entry);
    return w->reported.count == before;
}

/* The needed functions a note names at the most: the rest are counted,
 * so that a note costs O(1) however long the list (naming every sibling
 * between, the findings of a list of n subsections would name n^2). */
#define MAX_NEEDED_NAMED 4

/* "a, b and c": the needed functions of slots [from, to) of LIST, the
 * first MAX_NEEDED_NAMED of them and how many more. */
static char *needed_list(const struct vmsd_sublist *list, size_t from,
                         size_t to)
{
    struct vmsd_strbuf b = { 0 };
    size_t named = to - from > MAX_NEEDED_NAMED ? MAX_NEEDED_NAMED
                                                : to - from;
    for (size_t i = from; i < from + named; i++) {
        if (i > from)
            vmsd_strbuf_puts(&b, i + 1 == to ? " and " : ", ");
        vmsd_strbuf_puts(&b, list->slots[i].target->needed);
    }
    if (from + named < to)
        vmsd_strbuf_printf(&b, " and %zu more", to - from - named);
    return vmsd_strbuf_take(&b);
}

static void report(struct walk *w, const struct vmsd_desc *owner,
                   size_t slot, size_t first_unsent)
{
    const struct vmsd_check *check = w->check;
    const struct vmsd_desc *x = w->claimer;
    const struct vmsd_sublist *list = owner->subsections;
    const struct vmsd_desc *s = list->slots[slot].target;
    const struct vmsd_desc *as = first_in_list(w, x->subsections, s->name);

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
            vmsd_finding_note(check, f, c->field->loc,
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

static void follow(struct walk *w, const struct vmsd_desc *ended);

static int compare_slots(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return (a > b) - (a < b);
}

/* Report, in list order, the entries of OWNER's list in slots [from,
 * end) whose names extend X's: those that start with X's name. */
static void report_extensions(struct walk *w, const struct vmsd_desc *owner,
                              const struct list_index *ix, size_t from,
                              size_t end)
{
    const char *xname = w->claimer->name;
    size_t len = strlen(xname);
    size_t *slots = NULL, n = 0;
    for (const struct named_slot *e = lower_bound(ix->by_name, ix->n_named,
                                                  xname, 0);
         e < ix->by_name + ix->n_named && strncmp(e->name, xname, len) == 0;
         e++)
        if (e->name[len] && e->slot >= from && e->slot < end
            && owner->subsections->slots[e->slot].target != w->claimer)
            *VMSD_APPEND(slots, n) = e->slot;
    if (!n)
        return;
    qsort(slots, n, sizeof *slots, compare_slots);
    for (size_t i = 0; i < n; i++)
        report(w, owner, slots[i], from);
    free(slots);
}

/* The subsections of OWNER's list from slot FROM on can come next, up to
 * the first one always sent (included) or unknown (where it stops rather
 * than guess); when all of them may stay unsent, so can what follows
 * OWNER. */
static void candidates(struct walk *w, const struct vmsd_desc *owner,
                       size_t from)
{
    const struct list_index *ix = list_index(w, owner->subsections);
    if (ix && from < ix->length) {
        size_t stop = ix->stop[from];
        bool to_the_end = stop == ix->length;
        bool always_sent = !to_the_end
                           && known(owner->subsections->slots[stop].target);
        report_extensions(w, owner, ix, from, stop + always_sent);
        if (!to_the_end)
            return;
    }
    follow(w, owner);
}

/* Everything that can come right after ENDED's end, given the path.
 *
 * Bound: a description followed once in X's walk is followed again only
 * from a shallower depth, since what lies beyond it is the same and the
 * findings are one per (X, list entry).  Each description is followed at
 * most MAX_DEPTH times a walk, each of its contexts taken each time, so
 * X's walk costs O(MAX_DEPTH * (D + C)) for the D descriptions and C
 * contexts within MAX_DEPTH steps above X, plus the extensions of X's
 * name it reports: linear in the model, however the descriptions nest
 * (a lattice of any depth whose every level loads the one below four
 * times is walked once per level, not 4^depth times).  Walks are taken
 * only from descriptions may_claim() lets through; docs/robustness.md
 * has the bound over all of them. */
static void follow(struct walk *w, const struct vmsd_desc *ended)
{
    struct contexts *c = contexts_of(w, ended);
    if (!c || w->depth == MAX_DEPTH
        || (c->walk == w->number && c->depth <= w->depth))
        return;
    c->walk = w->number;
    c->depth = w->depth;
    for (size_t i = 0; i < c->n; i++) {
        const struct context *ctx = &c->items[i];
        for (size_t d = 0; d < w->depth; d++)
            if (w->path[d].context->owner == ctx->owner)
                goto next;      /* a cycle */
        if (!ctx->leads_on)
            continue;
        w->path[w->depth++] = (struct step){ ended, ctx };
        candidates(w, ctx->owner, ctx->field ? 0 : ctx->slot + 1);
        w->depth--;
    next:;
    }
}

/* E is the first entry of its list with its name. */
static bool first_of_name(const struct walk *w, const struct named_slot *e)
{
    return e == w->all_named || e[-1].list != e->list
           || compare_names(e[-1].head, e[-1].name, e->head, e->name) != 0;
}

/* Can any entry of any list be a finding for X: one whose name extends
 * X's, that is not X, and that X does not list itself under that name?
 * When none can, X's walk would find nothing and is not taken.  Costs
 * O(log L) and the entries extending X's name, each an O(log L) search
 * but X's own. */
static bool may_claim(const struct walk *w, const struct vmsd_desc *x)
{
    size_t len = strlen(x->name);
    const struct named_slot *end = w->all_named + w->n_all_named;
    for (const struct named_slot *e = lower_bound(w->all_named,
                                                  w->n_all_named, x->name, 0);
         e < end && strncmp(e->name, x->name, len) == 0; e++) {
        if (!e->name[len] || e->target == x)
            continue;
        if (x->subsections && e->list == x->subsections->uid
            && first_of_name(w, e))
            continue;           /* X lists it itself */
        if (first_in_list(w, x->subsections, e->name) != e->target)
            return true;
    }
    return false;
}

void vmsd_check_load_ambiguity(const struct vmsd_check *check)
{
    if (check->config->severity[VMSD_RULE_LOAD_AMBIGUITY] == VMSD_OFF)
        return;
    const struct vmsd_model *model = check->program->model;
    struct walk w;
    memset(&w, 0, sizeof w);
    w.check = check;
    collect_named(&w, model);
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *x = model->descs[i];
        /* Nothing can follow the end of what nothing loads. */
        if (!x->defined || !x->name || !(x->is_subsection || x->is_nested)
            || !may_claim(&w, x))
            continue;
        if (!w.collected)
            collect_contexts(&w, model);
        w.claimer = x;
        w.number = i + 1;
        vmsd_strset_free(&w.reported);
        follow(&w, x);
    }
    free_walk(&w, model);
}
