/* The gate's rules on what a description carries on the wire:
 * version-lowered, minimum-version-raised, backward-version-raised,
 * field-removed, field-added, field-moved, field-size-changed,
 * field-info-changed, backward-field-added, all found in one walk over
 * each description the base and the change both have.
 *
 * A description travels as its fields' bytes, in order, no names.  The
 * stream's version decides which fields travel: a field goes when its
 * version_id is at most that version, or, with a field_exists test,
 * when the test says so (migration/vmstate.c).  A section or a
 * subsection carries its version in the stream: a destination running
 * the change reads a base stream at the base's version_id.  A nested
 * description (VMSTATE_STRUCT and the like) carries none: each side
 * saves and loads it at its own version_id.  So the fields the change
 * reads must be the fields the base sends, in the base's order, of the
 * base's sizes; and the same lists compared the other way are what the
 * base reads of the change's stream.  A field renamed in place with its
 * size kept changes nothing on the wire (docs/gate.md). */
#include "baseline.h"
#include "check.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The padding QEMU's VMSTATE_UNUSED sends: bytes only, any split. */
static bool is_unused(const struct vmsd_base_field *f)
{
    return strcmp(f->name, "unused") == 0;
}

/* Bytes a field sends: its size, times its elements for an array; 0 when
 * unknown.  A field that nests a description sends that description
 * instead, which is compared on its own (QEMU's script skips it too). */
static uint64_t wire_bytes(const struct vmsd_base_field *f)
{
    if (f->nested)
        return 0;
    return f->num > 0 ? f->size * (uint64_t)f->num : f->size;
}

/* The fields of a description a stream of VERSION carries, in order;
 * 'partner' is the index of the same field in the other list (its name
 * and occurrence of that name), or NONE. */
#define NONE ((size_t)-1)
struct wire {
    const struct vmsd_base_field **items;
    size_t *partner;
    bool *moved;
    size_t n;
};

static struct wire on_wire(const struct vmsd_base_desc *d, int version)
{
    struct wire w = { vmsd_xcalloc(d->n_fields + 1, sizeof *w.items),
                      vmsd_xcalloc(d->n_fields + 1, sizeof *w.partner),
                      vmsd_xcalloc(d->n_fields + 1, sizeof *w.moved), 0 };
    for (size_t i = 0; i < d->n_fields; i++) {
        const struct vmsd_base_field *f = &d->fields[i];
        if (!f->name || (f->flags & VMSD_VMS_MUST_EXIST)
            || (!f->field_exists && f->version_id > version))
            continue;
        w.partner[w.n] = NONE;
        w.items[w.n++] = f;
    }
    return w;
}

static void wire_free(struct wire *w)
{
    free(w->items);
    free(w->partner);
    free(w->moved);
}

/* Whether field I of W pairs at all: padding does not, but padding
 * behind a test (VMSTATE_UNUSED_TEST) does: the test, not its bytes,
 * decides whether it travels, so it pairs like a field. */
static bool pairs(const struct wire *w, size_t i)
{
    return !is_unused(w->items[i]) || w->items[i]->field_exists;
}

/* The fields of one name in OLD, in order, and how many of that name
 * NOW has had so far. */
struct namesakes {
    size_t *at;
    size_t n, seen;
};

/* Pair the fields of OLD and NOW by name and the how-manieth field of
 * that name each is ("a", "a", "b" are a/0, a/1, b/0), then mark as
 * moved the pairs outside a longest run that keeps the base's order
 * (patience sorting: n log n), so that one field moved is one finding. */
static void pair_fields(struct wire *old, struct wire *now)
{
    struct vmsd_strset names = { .borrows_keys = true };
    for (size_t i = 0; i < old->n; i++) {
        if (!pairs(old, i))
            continue;
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(
            &names, old->items[i]->name);
        struct namesakes *same = slot->value;
        if (!same)
            same = slot->value = vmsd_xcalloc(1, sizeof *same);
        *VMSD_APPEND(same->at, same->n) = i;
    }
    for (size_t i = 0; i < now->n; i++) {
        struct vmsd_strset_slot *slot = pairs(now, i)
            ? vmsd_strset_find_name(&names, now->items[i]->name) : NULL;
        struct namesakes *same = slot ? slot->value : NULL;
        if (same && same->seen < same->n)
            now->partner[i] = same->at[same->seen];
        if (same)
            same->seen++;
    }
    for (size_t i = 0; i < names.capacity; i++) {
        struct namesakes *same = names.slots[i].value;
        if (same)
            free(same->at);
        free(same);
    }
    vmsd_strset_free(&names);
    for (size_t i = 0; i < now->n; i++)
        if (now->partner[i] != NONE)
            old->partner[now->partner[i]] = i;

    /* tails[k]: the NOW index ending the best run of length k + 1. */
    size_t *tails = vmsd_xcalloc(now->n + 1, sizeof *tails);
    size_t *before = vmsd_xcalloc(now->n + 1, sizeof *before);
    size_t runs = 0;
    for (size_t i = 0; i < now->n; i++) {
        size_t o = now->partner[i];
        if (o == NONE)
            continue;
        size_t lo = 0, hi = runs;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (now->partner[tails[mid]] < o)
                lo = mid + 1;
            else
                hi = mid;
        }
        before[i] = lo ? tails[lo - 1] : NONE;
        tails[lo] = i;
        if (lo == runs)
            runs++;
        now->moved[i] = true;   /* until the run claims it */
    }
    for (size_t i = runs ? tails[runs - 1] : NONE; i != NONE; i = before[i])
        now->moved[i] = false;
    for (size_t i = 0; i < now->n; i++)
        if (now->partner[i] != NONE)
            old->moved[now->partner[i]] = now->moved[i];
    free(tails);
    free(before);
}

/* The comparison of one description of the base with the change's. */
struct pair {
    const struct vmsd_check *check;
    const struct vmsd_base_desc *old, *now;
    int now_version;            /* the version the change reads at */
    bool nested;                /* loaded at each side's own version */
};

static bool runs(const struct pair *p, enum vmsd_rule rule)
{
    return vmsd_rule_runs(p->check->config, rule);
}

/* Where a finding about a field of the change goes: its entry, else the
 * description (a base report or facts without places). */
static struct vmsd_loc now_place(const struct pair *p,
                                 const struct vmsd_base_field *f)
{
    return f && f->loc.line ? f->loc : p->now->loc;
}

/* Say that finding F is about the description (and FIELD, when not
 * NULL) and where the base defines it, at which version. */
static void note_base(const struct pair *p, struct vmsd_finding *f,
                      const char *field)
{
    vmsd_finding_about(f, p->now->name, field);
    vmsd_finding_note(p->check, f, p->old->loc, "the base defines %q here, "
                      "at version %d", p->old->name, p->old->version_id);
}

/* Say what finding F is about and where the base has it: the base's
 * field when it has one with a place, else its description. */
static void finish_field(const struct pair *p, struct vmsd_finding *f,
                         const struct vmsd_base_field *field,
                         const struct vmsd_base_field *old_field)
{
    if (!old_field || !old_field->loc.line) {
        note_base(p, f, field->name);
        return;
    }
    vmsd_finding_about(f, p->now->name, field->name);
    vmsd_finding_note(p->check, f, old_field->loc, "the base has %q here",
                      old_field->name);
}

/* How the base's stream version is said in a message. */
static const char *nested_words(const struct pair *p)
{
    return p->nested ? " (a nested description travels at each side's own "
                       "version)" : "";
}

static void removed(const struct pair *p, const struct vmsd_base_field *o,
                    bool last, const struct vmsd_base_field *at)
{
    if (!runs(p, VMSD_RULE_FIELD_REMOVED))
        return;
    struct vmsd_finding *f = vmsd_finding_begin(p->check,
        VMSD_RULE_FIELD_REMOVED, now_place(p, at), "field %q of %q, which "
        "the base sends at version %d%s, is no longer read%s: %s", o->name,
        p->now->name, p->old->version_id, nested_words(p),
        o->field_exists ? " (the base sends it when its field_exists test "
                          "says so)" : "",
        last ? "its bytes stay in the stream where the loader expects the "
               "next subsection or section"
             : "the fields after it load from its bytes");
    finish_field(p, f, o, o);
    uint64_t bytes = wire_bytes(o);
    if (bytes)
        vmsd_finding_remedy(p->check, f, "keep the field, or put "
                            "VMSTATE_UNUSED(%z) in its place so that its %z "
                            "bytes are still read", (size_t)bytes,
                            (size_t)bytes);
    else
        vmsd_finding_remedy(p->check, f, "keep the field, or put "
                            "VMSTATE_UNUSED of its size in its place");
    vmsd_finding_end(p->check, f);
}

static void added(const struct pair *p, const struct vmsd_base_field *n)
{
    enum vmsd_rule rule = n->field_exists ? VMSD_RULE_BACKWARD_FIELD_ADDED
                                          : VMSD_RULE_FIELD_ADDED;
    if (!runs(p, rule))
        return;
    struct vmsd_finding *f;
    if (n->field_exists) {
        /* A test of a device property the tool has worked out. */
        const struct vmsd_program_facts *prog = p->check->program;
        const struct vmsd_sub_sends *sends = NULL;
        const struct vmsd_machine_sends *machine = NULL;
        enum vmsd_sends sent = n->name && !p->nested
            ? vmsd_sub_sends_find(prog->sub_sends, prog->n_sub_sends,
                                  p->now->name, n->name, true, true, &sends,
                                  &machine)
            : VMSD_SENDS_UNKNOWN;
        if (sent == VMSD_SENDS_NO) {
            if (p->check->compared)
                p->check->compared->kept_back++;
            return;
        }
        f = vmsd_finding_begin(p->check, rule, now_place(p, n), "field %q "
            "of %q is sent whenever its field_exists test says so, and the "
            "base, which does not have it, cannot read it", n->name,
            p->now->name);
        finish_field(p, f, n, NULL);
        if (sent == VMSD_SENDS_YES) {
            vmsd_finding_note(p->check, f, now_place(p, n), "its test %q "
                "tests property %q of %q, which is %q on the released "
                "machine type %q (%s): the field can be sent there",
                sends->needed, sends->property, sends->device,
                machine->value ? machine->value
                : sends->property_default ? "on" : "off", machine->machine,
                machine->array ? machine->array : "its default; no compat "
                "property of that machine type sets it");
            vmsd_finding_remedy(p->check, f, "set %q of %q back for %q and "
                                "the older machine types in their compat "
                                "array, so that %q is false there",
                                sends->property, sends->device,
                                machine->machine, sends->needed);
            vmsd_finding_end(p->check, f);
            return;
        }
        vmsd_finding_remedy(p->check, f, "check that its test is false on "
                            "the machine types the base has (a compat "
                            "property of those machine types)");
    } else {
        f = vmsd_finding_begin(p->check, rule, now_place(p, n), "field %q "
            "of %q is read from a stream of version %d%s, which the base "
            "sends without it", n->name, p->now->name,
            p->nested ? p->now_version : p->old->version_id,
            nested_words(p));
        finish_field(p, f, n, NULL);
        if (p->nested)
            vmsd_finding_remedy(p->check, f, "a nested description's "
                                "version does not travel, so raising it "
                                "does not help: send %q in a subsection of "
                                "%q with a needed function", n->name,
                                p->now->name);
        else
            vmsd_finding_remedy(p->check, f, "give it version_id %d "
                                "(VMSTATE_*_V) and raise the version_id of "
                                "%q to %d; state that older machine types "
                                "must not send goes into a subsection with "
                                "a needed function instead",
                                p->old->version_id + 1, p->now->name,
                                p->old->version_id + 1);
    }
    vmsd_finding_end(p->check, f);
}

static void moved(const struct pair *p, const struct vmsd_base_field *n,
                  const struct vmsd_base_field *o)
{
    if (!runs(p, VMSD_RULE_FIELD_MOVED))
        return;
    struct vmsd_finding *f = vmsd_finding_begin(p->check,
        VMSD_RULE_FIELD_MOVED, now_place(p, n), "field %q of %q has moved: "
        "the base sends it at another place, so it and the fields between "
        "load from each other's bytes", n->name, p->now->name);
    finish_field(p, f, n, o);
    vmsd_finding_remedy(p->check, f, "keep %q at the base's place in the "
                        "list", n->name);
    vmsd_finding_end(p->check, f);
}

/* A size of 0 is unknown and compares with anything. */
static void resized(const struct pair *p, const struct vmsd_base_field *n,
                    const struct vmsd_base_field *o, uint64_t now_bytes,
                    uint64_t old_bytes)
{
    if (!runs(p, VMSD_RULE_FIELD_SIZE_CHANGED) || !now_bytes || !old_bytes
        || now_bytes == old_bytes)
        return;
    struct vmsd_finding *f = vmsd_finding_begin(p->check,
        VMSD_RULE_FIELD_SIZE_CHANGED, now_place(p, n), "field %q of %q is "
        "%z bytes on the wire, where the base sends %z", n->name,
        p->now->name, (size_t)now_bytes, (size_t)old_bytes);
    finish_field(p, f, n, o);
    vmsd_finding_remedy(p->check, f, "keep %z bytes where the base has "
                        "them (its type, or VMSTATE_UNUSED for what it no "
                        "longer needs); wider state goes into a subsection",
                        (size_t)old_bytes);
    vmsd_finding_end(p->check, f);
}

/* A VMStateInfo's name that means the same in every build: not a
 * compound literal's (QEMU's "&(const VMStateInfo) { ... }", named
 * "__compound_literal.N" by its place among the unit's literals). */
static bool info_named(const char *info)
{
    static const char literal[] = "__compound_literal.";
    return info && strncmp(info, literal, sizeof literal - 1) != 0;
}

/* The same bytes read by another VMStateInfo (.info): QEMU's _EQUAL and
 * _LE variants refuse values, a timer is not a counter.  Unknown on
 * either side (a nested description, a compound literal, a base report
 * without it): not compared. */
static void info_changed(const struct pair *p, const struct vmsd_base_field *n,
                         const struct vmsd_base_field *o)
{
    if (!runs(p, VMSD_RULE_FIELD_INFO_CHANGED) || !info_named(n->info)
        || !info_named(o->info) || strcmp(n->info, o->info) == 0
        || !wire_bytes(n) || wire_bytes(n) != wire_bytes(o))
        return;
    struct vmsd_finding *f = vmsd_finding_begin(p->check,
        VMSD_RULE_FIELD_INFO_CHANGED, now_place(p, n), "field %q of %q is "
        "read with %q, where the base writes it with %q: the same %z bytes, "
        "read another way", n->name, p->now->name, n->info, o->info,
        (size_t)wire_bytes(n));
    finish_field(p, f, n, o);
    vmsd_finding_remedy(p->check, f, "keep the base's %q, or check that %q "
                        "loads every value %q saves, both ways", o->info,
                        n->info, o->info);
    vmsd_finding_end(p->check, f);
}

/* A field both lists have, at the same place or not. */
static void compare_pair(const struct pair *p, const struct vmsd_base_field *n,
                         const struct vmsd_base_field *o)
{
    resized(p, n, o, wire_bytes(n), wire_bytes(o));
    info_changed(p, n, o);
}

/* Field I of W is compared in its gap: no pairing claims it and no test
 * decides whether it travels. */
static bool in_gap(const struct wire *w, size_t i)
{
    return w->partner[i] == NONE && !w->items[i]->field_exists;
}

/* Bytes of fields FROM..TO of W compared in their gap, and whether one
 * of them is padding. */
static uint64_t gap_bytes(const struct wire *w, size_t from, size_t to,
                          bool *padding, bool *unknown)
{
    uint64_t bytes = 0;
    for (size_t i = from; i < to; i++) {
        if (!in_gap(w, i))
            continue;
        *padding |= is_unused(w->items[i]);
        *unknown |= !wire_bytes(w->items[i]);
        bytes += wire_bytes(w->items[i]);
    }
    return bytes;
}

/* The next field from *AT on, before TO, compared in its gap; TO when
 * none. */
static size_t next_unpaired(const struct wire *w, size_t *at, size_t to)
{
    while (*at < to && !in_gap(w, *at))
        (*at)++;
    return *at;
}

/* Between two fields both lists keep in order, the fields one list has
 * and the other not.  Padding may be split, merged or given to new
 * fields of the same bytes; other fields pair in order, each pair a
 * rename in place; what is left is removed or added. */
static void compare_gap(const struct pair *p, const struct wire *old,
                        size_t o_from, size_t o_to, const struct wire *now,
                        size_t n_from, size_t n_to)
{
    const struct vmsd_base_field *next = n_to < now->n ? now->items[n_to]
                                                       : NULL;
    for (size_t i = o_from; i < o_to; i++)
        if (old->items[i]->field_exists && old->partner[i] == NONE)
            removed(p, old->items[i], i + 1 == old->n, next);
    for (size_t i = n_from; i < n_to; i++)
        if (now->items[i]->field_exists && now->partner[i] == NONE)
            added(p, now->items[i]);

    bool padding = false, unknown = false;
    uint64_t o_bytes = gap_bytes(old, o_from, o_to, &padding, &unknown);
    uint64_t n_bytes = gap_bytes(now, n_from, n_to, &padding, &unknown);
    size_t o = o_from, n = n_from;
    if (padding && !unknown && o_bytes == n_bytes)
        return;                 /* the same bytes, differently cut */
    while (next_unpaired(old, &o, o_to) < o_to
           && next_unpaired(now, &n, n_to) < n_to) {
        const struct vmsd_base_field *of = old->items[o++];
        const struct vmsd_base_field *nf = now->items[n++];
        compare_pair(p, nf, of);
    }
    for (; next_unpaired(old, &o, o_to) < o_to; o++)
        removed(p, old->items[o], o + 1 == old->n, next);
    for (; next_unpaired(now, &n, n_to) < n_to; n++)
        added(p, now->items[n]);
}

/* Walk both lists as the loader reads them: the fields kept in order
 * are anchors, what lies between two anchors is compared as a gap.
 * Linear but for the pairing's n log n. */
static void compare_fields(const struct pair *p)
{
    struct wire old = on_wire(p->old, p->old->version_id);
    struct wire now = on_wire(p->now, p->now_version);
    pair_fields(&old, &now);

    size_t o = 0, n = 0;
    for (size_t i = 0; i <= now.n; i++) {
        if (i < now.n && (now.partner[i] == NONE || now.moved[i]))
            continue;
        size_t o_to = i < now.n ? now.partner[i] : old.n;
        compare_gap(p, &old, o, o_to, &now, n, i);
        for (size_t j = n; j < i; j++)
            if (now.moved[j])
                moved(p, now.items[j], old.items[now.partner[j]]);
        if (i < now.n)
            compare_pair(p, now.items[i], old.items[o_to]);
        o = o_to + 1, n = i + 1;
    }
    for (size_t i = 0; i < now.n; i++)
        if (now.moved[i])
            compare_pair(p, now.items[i], old.items[now.partner[i]]);
    wire_free(&old);
    wire_free(&now);
}

/* A version the base's stream cannot load at, or a base that cannot
 * load the change's. */
static void compare_versions(const struct pair *p)
{
    const struct vmsd_check *check = p->check;
    struct vmsd_finding *f;
    if (runs(p, VMSD_RULE_VERSION_LOWERED)
        && p->now->version_id < p->old->version_id) {
        f = vmsd_finding_begin(check, VMSD_RULE_VERSION_LOWERED, p->now->loc,
            "version_id of %q is %d, below the base's %d: a stream of "
            "version %d from the base fails to load (too new)", p->now->name,
            p->now->version_id, p->old->version_id, p->old->version_id);
        note_base(p, f, NULL);
        vmsd_finding_remedy(check, f, "keep version_id at %d or above",
                            p->old->version_id);
        vmsd_finding_end(check, f);
    }
    if (runs(p, VMSD_RULE_MINIMUM_VERSION_RAISED)
        && p->now->minimum_version_id > p->old->version_id) {
        f = vmsd_finding_begin(check, VMSD_RULE_MINIMUM_VERSION_RAISED,
            p->now->loc, "minimum_version_id of %q is %d, above the base's "
            "version_id %d: the stream the base sends fails to load (too "
            "old)", p->now->name, p->now->minimum_version_id,
            p->old->version_id);
        note_base(p, f, NULL);
        vmsd_finding_remedy(check, f, "keep minimum_version_id at %d or "
                            "below, and the fields of older versions with "
                            "their version_id", p->old->version_id);
        vmsd_finding_end(check, f);
    }
    if (runs(p, VMSD_RULE_BACKWARD_VERSION_RAISED) && !p->nested
        && p->now->version_id > p->old->version_id) {
        f = vmsd_finding_begin(check, VMSD_RULE_BACKWARD_VERSION_RAISED,
            p->now->loc, "version_id of %q is %d, above the base's %d: the "
            "base refuses the stream this build sends (too new), on every "
            "machine type", p->now->name, p->now->version_id,
            p->old->version_id);
        note_base(p, f, NULL);
        vmsd_finding_remedy(check, f, "QEMU keeps version_id %d and sends "
                            "new state in a subsection whose needed "
                            "function a compat property turns off for "
                            "older machine types; raise it only when "
                            "migration back to older versions may break",
                            p->old->version_id);
        vmsd_finding_end(check, f);
    }
}

/* Each description of the base that the change still has (the same
 * name and variable), compared at the versions QEMU loads it at, in one
 * walk for every rule of this file (each reports only when it runs);
 * counted for the gate's summary. */
void vmsd_check_kept_descriptions(const struct vmsd_check *check)
{
    const struct vmsd_base_program *base = check->program->base;
    for (size_t i = 0; base && i < base->n_descs; i++) {
        struct pair p = { check, &base->descs[i], NULL, 0, false };
        p.now = vmsd_base_find(check->now, p.old->name, p.old->symbol);
        if (!p.now)
            continue;
        p.nested = !p.old->top_level
                   && !vmsd_strset_find_name(&base->sub_names, p.old->name);
        p.now_version = p.nested ? p.now->version_id : p.old->version_id;
        if (check->compared) {
            check->compared->descriptions++;
            check->compared->fields += p.old->n_fields;
        }
        compare_versions(&p);
        compare_fields(&p);
    }
}
