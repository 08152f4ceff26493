/* The gate's rules on what a description carries on the wire:
 * version-lowered, minimum-version-raised, field-removed, field-added,
 * field-size-changed.
 *
 * A source running the base sends each description at the base's
 * version_id, its fields in order, each field's bytes and nothing else:
 * no names.  A destination running the change reads, in its own order,
 * every field whose version_id is at most the stream's version (or whose
 * field_exists test says so).  So the fields the change reads from a
 * base stream must be the base's fields, in the base's order, of the
 * base's sizes.  A field renamed in place with its size kept changes
 * nothing on the wire, and a field added with a version_id above the
 * base's is not read from a base stream (docs/gate.md). */
#include "baseline.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* The padding QEMU's VMSTATE_UNUSED sends: bytes only, any split. */
static bool is_unused(const struct vmsd_base_field *f)
{
    return f->name && strcmp(f->name, "unused") == 0;
}

/* A field and the next ones of a list, as the walk sees them. */
struct cursor {
    const struct vmsd_base_field **items;
    size_t n, at;
};

/* The fields of D that a stream of version VERSION carries: all of them
 * for the base (its own version), those not newer than VERSION for the
 * change. */
static struct cursor on_wire(const struct vmsd_base_desc *d, int version)
{
    struct cursor c = { vmsd_xcalloc(d->n_fields + 1, sizeof *c.items),
                        0, 0 };
    for (size_t i = 0; i < d->n_fields; i++) {
        const struct vmsd_base_field *f = &d->fields[i];
        if (!f->name || (f->flags & VMSD_VMS_MUST_EXIST)
            || (!f->field_exists && f->version_id > version))
            continue;
        c.items[c.n++] = f;
    }
    return c;
}

/* Where a field named NAME stands in C from its current place on, or
 * C->n when it does not. */
static size_t find_ahead(const struct cursor *c, const char *name)
{
    size_t i = c->at;
    while (i < c->n && strcmp(c->items[i]->name, name) != 0)
        i++;
    return i;
}

/* Bytes of a run of "unused" fields from the cursor on (consumed). */
static uint64_t unused_run(struct cursor *c)
{
    uint64_t bytes = 0;
    while (c->at < c->n && is_unused(c->items[c->at]))
        bytes += c->items[c->at++]->size;
    return bytes;
}

/* The comparison of one description of the base with the change's. */
struct pair {
    const struct vmsd_check *check;
    enum vmsd_rule rule;        /* the one rule being checked */
    const struct vmsd_base_desc *old, *now;
};

/* Say what finding F is about, where the base has it, and hand it on. */
static void finish_field(const struct pair *p, struct vmsd_finding *f,
                         const char *field)
{
    vmsd_finding_about(f, p->now->name, field);
    vmsd_finding_note(p->check, f, p->old->loc, "the base defines %q here",
                      p->old->name);
    vmsd_finding_end(p->check, f);
}

static void removed(const struct pair *p, const struct vmsd_base_field *f)
{
    if (p->rule != VMSD_RULE_FIELD_REMOVED || f->field_exists)
        return;
    finish_field(p, vmsd_finding_begin(p->check, p->rule, p->now->loc,
        "field %q of %q is in the base and no longer read from its stream "
        "(version %d): removed or moved, so what follows loads from the "
        "wrong bytes", f->name, p->now->name, p->old->version_id), f->name);
}

static void added(const struct pair *p, const struct vmsd_base_field *f)
{
    if (p->rule != VMSD_RULE_FIELD_ADDED || f->field_exists)
        return;
    finish_field(p, vmsd_finding_begin(p->check, p->rule, p->now->loc,
        "field %q of %q is read from a stream of the base's version %d, "
        "which does not carry it: give it version_id %d (and raise the "
        "description's) or a field_exists test", f->name, p->now->name,
        p->old->version_id, p->old->version_id + 1), f->name);
}

/* A size of 0 is unknown (not a constant, a variable-length field, or
 * facts older than version 3) and compares with anything. */
static void resized(const struct pair *p, const char *field,
                    uint64_t now_size, uint64_t old_size)
{
    if (p->rule != VMSD_RULE_FIELD_SIZE_CHANGED || !now_size || !old_size
        || now_size == old_size)
        return;
    finish_field(p, vmsd_finding_begin(p->check, p->rule, p->now->loc,
        "field %q of %q is %z bytes on the wire, the base's %z", field,
        p->now->name, (size_t)now_size, (size_t)old_size), field);
}

/* Bytes a field sends: its size, times its elements for an array.  A
 * field that nests a description sends that description instead, so its
 * size says nothing of the wire (QEMU's script skips it too). */
static uint64_t wire_bytes(const struct vmsd_base_field *f)
{
    if (f->nested)
        return 0;
    return f->num > 0 ? f->size * (uint64_t)f->num : f->size;
}

/* Walk both lists in step, as the loader reads them. */
static void compare_fields(const struct pair *p)
{
    struct cursor old = on_wire(p->old, p->old->version_id);
    struct cursor now = on_wire(p->now, p->old->version_id);

    while (old.at < old.n && now.at < now.n) {
        const struct vmsd_base_field *o = old.items[old.at];
        const struct vmsd_base_field *n = now.items[now.at];
        if (strcmp(o->name, n->name) == 0 && !is_unused(o)) {
            resized(p, n->name, wire_bytes(n), wire_bytes(o));
            old.at++, now.at++;
        } else if (is_unused(o) || is_unused(n)) {
            /* Padding may be split or merged, or given to new fields of
             * the same bytes (or padding take the place of old ones). */
            uint64_t o_bytes = is_unused(o) ? unused_run(&old) : 0;
            uint64_t n_bytes = is_unused(n) ? unused_run(&now) : 0;
            struct cursor *named = !is_unused(o) ? &old
                                   : !is_unused(n) ? &now : NULL;
            uint64_t *named_bytes = named == &old ? &o_bytes : &n_bytes;
            uint64_t goal = named == &old ? n_bytes : o_bytes;
            while (named && *named_bytes < goal && named->at < named->n
                   && !is_unused(named->items[named->at]))
                *named_bytes += wire_bytes(named->items[named->at++]);
            resized(p, "unused", n_bytes, o_bytes);
        } else if (n->field_exists) {
            now.at++;           /* read or not: its test decides */
        } else if (o->field_exists) {
            old.at++;
        } else {
            size_t o_skip = find_ahead(&old, n->name) - old.at;
            size_t n_skip = find_ahead(&now, o->name) - now.at;
            bool o_found = old.at + o_skip < old.n;
            bool n_found = now.at + n_skip < now.n;
            if (o_found && (!n_found || o_skip <= n_skip)) {
                while (o_skip--)
                    removed(p, old.items[old.at++]);
            } else if (n_found) {
                while (n_skip--)
                    added(p, now.items[now.at++]);
            } else {
                /* Renamed in place: the wire cares for the bytes only. */
                resized(p, n->name, wire_bytes(n), wire_bytes(o));
                old.at++, now.at++;
            }
        }
    }
    while (old.at < old.n)
        removed(p, old.items[old.at++]);
    while (now.at < now.n)
        added(p, now.items[now.at++]);
    free(old.items);
    free(now.items);
}

static void compare_versions(const struct pair *p)
{
    const struct vmsd_check *check = p->check;
    struct vmsd_finding *f = NULL;
    if (p->rule == VMSD_RULE_VERSION_LOWERED
        && p->now->version_id < p->old->version_id)
        f = vmsd_finding_begin(check, p->rule, p->now->loc,
            "version_id of %q is %d, below the base's %d: a stream of "
            "version %d from the base fails to load", p->now->name,
            p->now->version_id, p->old->version_id, p->old->version_id);
    else if (p->rule == VMSD_RULE_MINIMUM_VERSION_RAISED
             && p->now->minimum_version_id > p->old->version_id)
        f = vmsd_finding_begin(check, p->rule, p->now->loc,
            "minimum_version_id of %q is %d, above the base's version_id "
            "%d: the stream the base sends fails to load",
            p->now->name, p->now->minimum_version_id, p->old->version_id);
    if (!f)
        return;
    vmsd_finding_about(f, p->now->name, NULL);
    vmsd_finding_note(check, f, p->old->loc, "the base defines %q here, at "
                      "version %d", p->old->name, p->old->version_id);
    vmsd_finding_end(check, f);
}

/* Each description of the base that the change still has (the same
 * name and variable), compared for RULE. */
static void each_kept(const struct vmsd_check *check, enum vmsd_rule rule,
                      void (*compare)(const struct pair *))
{
    const struct vmsd_base_program *base = check->program->base;
    for (size_t i = 0; base && i < base->n_descs; i++) {
        struct pair p = { check, rule, &base->descs[i], NULL };
        p.now = vmsd_base_find(check->now, p.old->name, p.old->symbol);
        if (p.now)
            compare(&p);
    }
}

void vmsd_check_version_lowered(const struct vmsd_check *check)
{
    each_kept(check, VMSD_RULE_VERSION_LOWERED, compare_versions);
}

void vmsd_check_minimum_version_raised(const struct vmsd_check *check)
{
    each_kept(check, VMSD_RULE_MINIMUM_VERSION_RAISED, compare_versions);
}

void vmsd_check_field_removed(const struct vmsd_check *check)
{
    each_kept(check, VMSD_RULE_FIELD_REMOVED, compare_fields);
}

void vmsd_check_field_added(const struct vmsd_check *check)
{
    each_kept(check, VMSD_RULE_FIELD_ADDED, compare_fields);
}

void vmsd_check_field_size_changed(const struct vmsd_check *check)
{
    each_kept(check, VMSD_RULE_FIELD_SIZE_CHANGED, compare_fields);
}
