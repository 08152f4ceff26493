/* The gate's rules: what a change loses against its base build.
 * subsection-removed, section-removed, device-section-changed.
 *
 * A source running the base sends every subsection its needed() asks
 * for, by name.  A destination running the change looks the name up in
 * the parent's list: a name it no longer has fails the load ("does not
 * exist"), and a section it no longer has fails it too (unknown
 * section).  So every name the base could send must still be there.
 * Adding a name, reordering a list, or dropping a name the loader could
 * never accept breaks nothing. */
#include "baseline.h"
#include "check.h"
#include "compatdb.h"
#include "names.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The change's description named NAME. */
static const struct vmsd_desc *change_desc(const struct vmsd_check *check,
                                           const char *name)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(check->names, name);
    return slot ? slot->value : NULL;
}

/* The change's description with SYMBOL, if it is defined and named. */
static const struct vmsd_desc *same_symbol(const struct vmsd_check *check,
                                           const char *symbol)
{
    struct vmsd_strset_slot *slot =
        symbol ? vmsd_strset_find_name(check->symbols, symbol) : NULL;
    return slot ? slot->value : NULL;
}

/* Where the lost subsections of one parent may have gone: the names
 * the change's parent lists and the base's did not.  Built once per
 * parent, in O(n) for its n subsections, so that each lost subsection's
 * notes cost what they print, at most MAX_GUESSES + 1 of them: a parent
 * whose n subsections were all renamed costs O(n), not n^2 notes found
 * by n^3 steps. */
struct renames {
    const struct vmsd_desc *parent;     /* the change's; NULL: not built */
    struct vmsd_strset by_symbol;       /* symbol -> first new name's
                                           description of that variable */
    const struct vmsd_desc **fresh;     /* new names of variables the
                                           base's parent did not list */
    size_t n_fresh;
};

/* The guesses a lost subsection gets when no variable kept its name. */
#define MAX_GUESSES 3

static void build_renames(const struct vmsd_check *check, struct renames *r,
                          const struct vmsd_desc *parent,
                          const struct vmsd_base_desc *base_parent)
{
    struct vmsd_strset base_symbols = { .borrows_keys = true };
    for (size_t i = 0; i < base_parent->n_subs; i++)
        if (base_parent->subs[i].symbol)
            vmsd_strset_add_name(&base_symbols, base_parent->subs[i].symbol);
    r->parent = parent;
    r->by_symbol.borrows_keys = true;
    const struct vmsd_sublist *list = parent->subsections;
    size_t n = list ? vmsd_sublist_length(list) : 0;
    for (size_t i = 0; i < n; i++) {
        const struct vmsd_desc *sub = list->slots[i].target;
        if (!sub || !sub->defined || !sub->name
            || vmsd_base_has_pair(check->program->base, parent->name,
                                  sub->name))
            continue;
        if (sub->symbol) {
            struct vmsd_strset_slot *slot =
                vmsd_strset_add_name(&r->by_symbol, sub->symbol);
            if (!slot->value)
                slot->value = (void *)sub;
        }
        if (!sub->symbol || !vmsd_strset_find_name(&base_symbols, sub->symbol))
            *VMSD_APPEND(r->fresh, r->n_fresh) = sub;
    }
    vmsd_strset_free(&base_symbols);
}

static void free_renames(struct renames *r)
{
    vmsd_strset_free(&r->by_symbol);
    free(r->fresh);
    memset(r, 0, sizeof *r);
}

/* Notes at the likely new spelling of OLD: the same variable, renamed;
 * else the new names that are not another old variable's, the first
 * MAX_GUESSES of them and how many more. */
static void note_renames(const struct vmsd_check *check,
                         struct vmsd_finding *f, const struct renames *r,
                         const struct vmsd_base_sub *old)
{
    struct vmsd_strset_slot *same =
        old->symbol ? vmsd_strset_find_name(&r->by_symbol, old->symbol) : NULL;
    if (same) {
        const struct vmsd_desc *sub = same->value;
        vmsd_finding_note(check, f, sub->loc, "renamed to %q?", sub->name);
        return;
    }
    for (size_t i = 0; i < r->n_fresh && i < MAX_GUESSES; i++)
        vmsd_finding_note(check, f, r->fresh[i]->loc, "renamed to %q?",
                          r->fresh[i]->name);
    if (r->n_fresh > MAX_GUESSES)
        vmsd_finding_note(check, f, r->parent->loc, "or to one of the %zu "
                          "other new names of %q?", r->n_fresh - MAX_GUESSES,
                          r->parent->name);
}

/* Is FILE one of UNITS?  A unit named without a directory (by a file
 * symbol) is FILE in any directory. */
static bool among_units(const struct vmsd_strset *units, const char *file)
{
    const char *slash = strrchr(file, '/');
    return vmsd_strset_find_name(units, file)
           || (slash && vmsd_strset_find_name(units, slash + 1));
}

/* The base's WHAT NAME, defined at LOC, is missing from the change: is
 * that because the change's build cannot see LOC's file?  A unit the
 * program lists without facts is unseen, and facts-missing names it.
 * A unit only its symbol table names without facts, or, when the
 * program cannot list its units, a file no unit with facts names, is
 * unseen too, and this says so: a gate must not call what it defined
 * gone, nor pass over it. */
static bool unseen(const struct vmsd_check *check, struct vmsd_loc loc,
                   const char *what, const char *name)
{
    const char *why, *detail = "", *close = "";
    if (!loc.file)
        return false;
    if (among_units(check->uncovered, loc.file))
        return true;                    /* facts-missing names the unit */
    if (among_units(check->unlisted, loc.file))
        why = "its symbol table names such a unit, without debug "
              "information or facts";
    else if (check->seen && !vmsd_strset_find_name(check->seen, loc.file)) {
        why = "the program cannot list its C units (";
        detail = check->program->units_unknown;
        close = ")";
    } else
        return false;
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_FACTS_MISSING, loc,
        "the base's %s %q, defined in %q, is not in this build, and whether "
        "%q was compiled without the plugin or removed cannot be told: %s%s%s; "
        "build with -g, or give the gate the objects and archives",
        what, name, loc.file, loc.file, why, detail, close);
    vmsd_finding_about(f, loc.file, name);
    vmsd_finding_end(check, f);
    return true;
}

static void report_subsection(const struct vmsd_check *check,
                              const struct vmsd_base_desc *parent,
                              const struct vmsd_base_sub *old,
                              struct renames *renames)
{
    if (unseen(check, old->loc, "subsection", old->name))
        return;
    const struct vmsd_desc *now = change_desc(check, parent->name);
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_SUBSECTION_REMOVED, now ? now->loc : parent->loc,
        "subsection %q of %q was in the base and is gone: migration from a "
        "version that sends it fails on load (%q has no subsection of that "
        "name)", old->name, parent->name, parent->name);
    vmsd_finding_about(f, parent->name, old->name);
    vmsd_finding_note(check, f, old->loc, "the base defines %q here",
                      old->name);
    if (now) {
        if (renames->parent != now)
            build_renames(check, renames, now, parent);
        note_renames(check, f, renames, old);
    }
    const struct vmsd_compat_entry *legacy =
        vmsd_compatdb_find(vmsd_check_allowlist(check), parent->name,
                           old->name);
    if (legacy) {
        struct vmsd_loc at = { legacy->file, legacy->line,
                               legacy->line ? 1 : 0, 0 };
        vmsd_finding_note(check, f, at, "%q is an allowlisted legacy "
                          "name: versions that shipped send it, so it must "
                          "stay, and so must its entry", old->name);
    }
    vmsd_finding_remedy(check, f, "keep %q in the subsections of %q under "
                        "that name; a subsection that no longer has state "
                        "to send keeps its entry with a needed function "
                        "that returns false", old->name, parent->name);
    vmsd_finding_end(check, f);
}

static void report_section(const struct vmsd_check *check,
                           const struct vmsd_base_desc *old)
{
    if (unseen(check, old->loc, "description", old->name))
        return;
    const struct vmsd_desc *now = same_symbol(check, old->symbol);
    struct vmsd_finding *f = vmsd_finding_begin(check,
        VMSD_RULE_SECTION_REMOVED, now ? now->loc : old->loc,
        "top-level description %q was in the base and is gone: if it is a "
        "section, migration from a version that sends it fails on load "
        "(unknown section)", old->name);
    vmsd_finding_about(f, old->name, NULL);
    vmsd_finding_note(check, f, old->loc, "the base defines %q here",
                      old->name);
    if (now && !vmsd_strset_find_name(&check->program->base->names, now->name))
        vmsd_finding_note(check, f, now->loc, "renamed to %q?",
                          now->name);
    vmsd_finding_remedy(check, f, "keep the name %q: a section is found by "
                        "it on load", old->name);
    vmsd_finding_end(check, f);
}

/* A lost pair whose parent is gone too is reported with the parent,
 * when the parent is a section or a subsection of the base. */
static bool reported_with_parent(const struct vmsd_check *check,
                                 const struct vmsd_base_desc *parent)
{
    return !change_desc(check, parent->name)
           && (parent->top_level
               || vmsd_strset_find_name(&check->program->base->sub_names,
                                        parent->name));
}

typedef void base_desc_fn(const struct vmsd_check *check,
                          const struct vmsd_base_desc *old,
                          struct vmsd_strset *reported);

/* FN for each description of the base, with the set of what has been
 * reported; nothing without a base. */
static void each_base_desc(const struct vmsd_check *check, base_desc_fn *fn)
{
    const struct vmsd_base_program *base = check->program->base;
    if (!base)
        return;
    struct vmsd_strset reported = { 0 };
    for (size_t i = 0; i < base->n_descs; i++)
        fn(check, &base->descs[i], &reported);
    vmsd_strset_free(&reported);
}

static void section_gone(const struct vmsd_check *check,
                         const struct vmsd_base_desc *d,
                         struct vmsd_strset *reported)
{
    if (d->top_level && !change_desc(check, d->name)
        && !vmsd_strset_find_name(reported, d->name)) {
        vmsd_strset_add_name(reported, d->name);
        report_section(check, d);
    }
}

static void subsections_gone(const struct vmsd_check *check,
                             const struct vmsd_base_desc *d,
                             struct vmsd_strset *reported)
{
    if (reported_with_parent(check, d))
        return;
    struct renames renames = { 0 };
    for (size_t j = 0; j < d->n_subs; j++) {
        const struct vmsd_base_sub *s = &d->subs[j];
        bool lost = vmsd_name_extends(s->name, d->name)
                    && !vmsd_base_has_pair(check->now, d->name, s->name)
                    && !vmsd_strset_find_pair(reported, d->name, s->name);
        if (lost) {
            vmsd_strset_add_pair(reported, d->name, s->name);
            report_subsection(check, d, s, &renames);
        }
    }
    free_renames(&renames);
}

void vmsd_check_section_removed(const struct vmsd_check *check)
{
    each_base_desc(check, section_gone);
}

void vmsd_check_subsection_removed(const struct vmsd_check *check)
{
    each_base_desc(check, subsections_gone);
}

/* A device's section is named after the description its class sets:
 * a device type that now sets a description of another name sends and
 * expects another section, although both descriptions may still exist
 * (so section-removed does not see it). */
void vmsd_check_device_section(const struct vmsd_check *check)
{
    const struct vmsd_base_program *base = check->program->base;
    for (size_t i = 0; base && i < base->n_devices; i++) {
        const struct vmsd_base_device *old = &base->devices[i];
        const struct vmsd_base_device *now =
            vmsd_base_find_device(check->now, old->type);
        if (now && strcmp(now->vmsd, old->vmsd) == 0)
            continue;
        if (!now && !change_desc(check, old->vmsd))
            continue;           /* its description is gone: section-removed */
        if (unseen(check, old->loc, "device type", old->type))
            continue;
        struct vmsd_finding *f = now
            ? vmsd_finding_begin(check, VMSD_RULE_DEVICE_SECTION_CHANGED,
                  now->assigned.line ? now->assigned : now->loc,
                  "device type %q migrates with %q, in the base with %q: "
                  "its section is named after it, so a stream from the base "
                  "(section %q) fails to load, and the base fails on this "
                  "build's (section %q)", old->type, now->vmsd, old->vmsd,
                  old->vmsd, now->vmsd)
            : vmsd_finding_begin(check, VMSD_RULE_DEVICE_SECTION_CHANGED,
                  old->loc, "device type %q, which the base migrates with "
                  "%q, is gone: a machine with it cannot migrate to this "
                  "build", old->type, old->vmsd);
        vmsd_finding_about_device(f, old->type);
        if (now)
            vmsd_finding_note(check, f, now->loc, "%q is defined here",
                              now->vmsd);
        vmsd_finding_note(check, f, old->loc, "the base's %q is defined "
                          "here", old->vmsd);
        if (now)
            vmsd_finding_remedy(check, f, "let the class of %q set a "
                                "description named %q (its fields may "
                                "change under the rules of the field "
                                "checks)", old->type, old->vmsd);
        else
            vmsd_finding_remedy(check, f, "keep the device type %q, or "
                                "accept that machines with it cannot "
                                "migrate", old->type);
        vmsd_finding_end(check, f);
    }
}
