/* The gate's rules over hand-built models: a base made from one model,
 * a change in another; and allowlist-stale decided from the models. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"
#include "db-file.h"
#include "model-build.h"

#include "baseline.h"
#include "compatdb.h"
#include "rules.h"

#include <stdlib.h>

struct collected {
    int count[VMSD_RULE_COUNT];
    char messages[8][256];
    size_t n_messages;
    char notes[8][256];
    size_t n_notes;
};

static void collect(const struct vmsd_finding *f, void *user)
{
    struct collected *c = user;
    c->count[f->rule]++;
    if (c->n_messages < 8)
        snprintf(c->messages[c->n_messages++], 256, "%s|%s|%s", f->message,
                 f->about[0] ? f->about[0] : "", f->about[1] ? f->about[1] : "");
    for (size_t i = 0; i < f->n_notes && c->n_notes < 8; i++)
        snprintf(c->notes[c->n_notes++], 256, "%u: %s", f->notes[i].loc.line,
                 f->notes[i].text);
}

/* 'dev' (line 10) with 'dev/a' (uid 2) and SECOND (uid 3, symbol
 * vmstate_b), a section 'other' (line 30), and 'nested' (line 40),
 * loaded by a field of 'other' and listing 'nested/x'. */
static void build(struct vmsd_model *m, const char *second,
                  const char *section)
{
    vmsd_model_init(m);
    struct vmsd_desc *dev = add_desc(m, 1, "vmstate_dev", "dev", 10);
    add_desc(m, 2, "vmstate_a", "dev/a", 20);
    if (second)
        add_desc(m, 3, "vmstate_b", second, 21);
    add_list(m, dev, 50, (uint32_t[]){ 2, second ? 3 : 0, 0 }, 3);
    struct vmsd_desc *other = add_desc(m, 4, "vmstate_other", section, 30);
    struct vmsd_desc *nested = add_desc(m, 5, "vmstate_nested", "nested", 40);
    add_desc(m, 6, "vmstate_nested_x", "nested/x", 41);
    add_list(m, nested, 51, (uint32_t[]){ 6, 0 }, 2);
    struct vmsd_fieldlist *fields = vmsd_model_add_fieldlist(m, 60);
    other->fields_uid = 60;
    fields->terminated = true;
    struct vmsd_field *f = vmsd_fieldlist_append(m, fields);
    f->name = vmsd_model_strdup(m, "inner");
    f->vmsd.uid = 5;
    f->vmsd.symbol = vmsd_model_strdup(m, "vmstate_nested");
    f->loc = (struct vmsd_loc){ "t.c", 33, 9, 77 };
    vmsd_model_resolve(m);
}

static struct collected gate(const struct vmsd_base_program *base,
                             struct vmsd_model *change,
                             const struct vmsd_compatdb *db)
{
    struct collected c;
    struct vmsd_check_config config;
    memset(&c, 0, sizeof c);
    vmsd_check_config_init(&config);
    config.allowlist = db;
    const struct vmsd_program_facts program = { .model = change,
                                                .base = base };
    vmsd_check_program(&program, &config, collect, &c);
    return c;
}

static void test_graph(void)
{
    struct vmsd_model m;
    struct vmsd_base_program base;
    build(&m, "dev/b", "other");
    vmsd_base_program_from_model(&base, "prog", &m);
    CHECK(base.n_descs == 6);
    CHECK(base.descs[0].top_level && base.descs[0].n_subs == 2);
    CHECK_STR(base.descs[0].subs[1].name, "dev/b");
    CHECK_STR(base.descs[0].subs[1].symbol, "vmstate_b");
    CHECK(!base.descs[1].top_level);            /* a subsection */
    CHECK(base.descs[3].top_level);             /* 'other' */
    CHECK(!base.descs[4].top_level);            /* nested by a field */
    CHECK(vmsd_base_has_pair(&base, "dev", "dev/b"));
    CHECK(vmsd_base_has_pair(&base, "nested", "nested/x"));
    CHECK(!vmsd_base_has_pair(&base, "dev", "nested/x"));
    /* A field's place, in the base's own copy of its file name. */
    CHECK(base.descs[3].n_fields == 1);
    CHECK_STR(base.descs[3].fields[0].loc.file, "t.c");
    CHECK(base.descs[3].fields[0].loc.file != m.descs[3]->loc.file);
    CHECK(base.descs[3].fields[0].loc.line == 33
          && base.descs[3].fields[0].loc.column == 9
          && base.descs[3].fields[0].loc.host == 0);

    /* A device type: its description's place and the assignment's. */
    const struct vmsd_device device = {
        .type = "dev-type", .vmsd = m.descs[0],
        .assigned = { "c.c", 12, 16, 5 } };
    vmsd_base_program_add_devices(&base, &device, 1);
    const struct vmsd_base_device *d = vmsd_base_find_device(&base,
                                                             "dev-type");
    CHECK(d && strcmp(d->vmsd, "dev") == 0 && d->loc.line == 10);
    CHECK_STR(d ? d->assigned.file : NULL, "c.c");
    CHECK(d && d->assigned.line == 12 && d->assigned.column == 16
          && d->assigned.host == 0);
    vmsd_base_program_free(&base);
    vmsd_model_free(&m);
}

static void test_gate(void)
{
    struct vmsd_model before, after;
    struct vmsd_base_program base;
    struct collected c;
    build(&before, "dev/b", "other");
    vmsd_base_program_from_model(&base, "prog", &before);

    /* The same build: nothing. */
    c = gate(&base, &before, NULL);
    CHECK(c.count[VMSD_RULE_SUBSECTION_REMOVED] == 0);
    CHECK(c.count[VMSD_RULE_SECTION_REMOVED] == 0);

    /* 'dev/b' renamed (same variable) and the section renamed. */
    build(&after, "dev/bee", "other2");
    c = gate(&base, &after, NULL);
    CHECK(c.count[VMSD_RULE_SUBSECTION_REMOVED] == 1);
    CHECK(c.count[VMSD_RULE_SECTION_REMOVED] == 1);
    CHECK_STR(c.messages[0], "subsection 'dev/b' of 'dev' was in the base "
              "and is gone: migration from a version that sends it fails on "
              "load ('dev' has no subsection of that name)|dev|dev/b");
    CHECK_STR(c.messages[1], "top-level description 'other' was in the base "
              "and is gone: if it is a section, migration from a version "
              "that sends it fails on load (unknown section)|other|");
    CHECK_STR(c.notes[0], "21: the base defines 'dev/b' here");
    CHECK_STR(c.notes[1], "21: renamed to 'dev/bee'?");
    CHECK_STR(c.notes[2], "10: to keep migration working: keep 'dev/b' in "
              "the subsections of 'dev' under that name; a subsection that no "
              "longer has state to send keeps its entry with a needed "
              "function that returns false "
              "(docs/gate.md#subsection-removed)");
    CHECK_STR(c.notes[3], "30: the base defines 'other' here");
    CHECK_STR(c.notes[4], "30: renamed to 'other2'?");
    CHECK_STR(c.notes[5], "30: to keep migration working: keep the name "
              "'other': a section is found by it on load "
              "(docs/gate.md#section-removed)");
    /* The new name, always sent, is what the base cannot load. */
    CHECK(c.count[VMSD_RULE_BACKWARD_SUBSECTION_ADDED] == 1);
    vmsd_model_free(&after);

    /* 'dev/b' removed: no rename to guess. */
    build(&after, NULL, "other");
    c = gate(&base, &after, NULL);
    CHECK(c.count[VMSD_RULE_SUBSECTION_REMOVED] == 1);
    CHECK(c.n_notes == 2);      /* the base's place and the remedy */
    vmsd_model_free(&after);

    vmsd_base_program_free(&base);
    vmsd_model_free(&before);

    /* A base name the loader never accepted: fixing it breaks nothing. */
    build(&before, "bad", "other");
    vmsd_base_program_from_model(&base, "prog", &before);
    build(&after, "dev/bad", "other");
    c = gate(&base, &after, NULL);
    CHECK(c.count[VMSD_RULE_SUBSECTION_REMOVED] == 0);
    vmsd_model_free(&after);
    vmsd_base_program_free(&base);
    vmsd_model_free(&before);
}

static void test_stale(void)
{
    struct vmsd_model now;
    struct vmsd_compatdb db;
    char error[256];
    build(&now, "dev_b", "other");
    vmsd_compatdb_init(&db);
    char *path = write_temp_file(
        "{ \"format\": \"vmsdcheck-allowlist\", \"version\": 1, \"entries\": ["
        " { \"parent\": \"dev\", \"subsection\": \"dev_b\", \"reason\": \"r\" },"
        " { \"parent\": \"dev\", \"subsection\": \"dev_gone\", \"reason\": \"r\" },"
        " { \"parent\": \"apic\", \"subsection\": \"apic_sipi\", \"reason\": \"r\" },"
        " { \"parent\": \"dev\", \"subsection\": \"dev/a\", \"reason\": \"r\" } ] }");
    CHECK(vmsd_compatdb_load(&db, path, error, sizeof error));
    unlink(path);
    free(path);

    struct vmsd_check_config config;
    struct collected c;
    bool inapplicable[4];
    struct vmsd_program_facts programs[] = { { .model = &now } };
    vmsd_check_config_init(&config);
    config.allowlist = &db;
    memset(&c, 0, sizeof c);
    vmsd_check_build(programs, 1, &config, collect, &c, inapplicable);
    CHECK(c.count[VMSD_RULE_ALLOWLIST_STALE] == 2);
    CHECK_STR(c.messages[0], "allowlist entry for parent 'dev', subsection "
              "'dev_gone' is stale: no input has that subsection under that "
              "parent any more|dev|dev_gone");
    CHECK(!inapplicable[0] && !inapplicable[1] && inapplicable[2]
          && !inapplicable[3]);

    /* A pair the base had is the gate's to report, not a stale entry. */
    struct vmsd_model before;
    struct vmsd_base_program base;
    build(&before, "dev_gone", "other");
    vmsd_base_program_from_model(&base, "prog", &before);
    programs[0].base = &base;
    memset(&c, 0, sizeof c);
    vmsd_check_build(programs, 1, &config, collect, &c, NULL);
    CHECK(c.count[VMSD_RULE_ALLOWLIST_STALE] == 1);   /* dev/a only */

    vmsd_base_program_free(&base);
    vmsd_model_free(&before);
    vmsd_compatdb_free(&db);
    vmsd_model_free(&now);
}

/* What the gate says of a wide list renamed: subsection-removed
 * findings, their "renamed to" notes in all and at the most in one, and
 * whether each names the new name of its own variable. */
struct renamed {
    size_t lost, notes, most;
    bool own;
};

static void count_renames(const struct vmsd_finding *f, void *user)
{
    struct renamed *r = user;
    if (f->rule != VMSD_RULE_SUBSECTION_REMOVED)
        return;
    char own[128];                      /* 'dev/oldK' -> 'dev/newK' */
    snprintf(own, sizeof own, "renamed to 'dev/new%s'?",
             f->about[1] + strlen("dev/old"));
    size_t n = 0;
    for (size_t i = 0; i < f->n_notes; i++)
        if (strstr(f->notes[i].text, "renamed to ")
            || strstr(f->notes[i].text, "other new names")) {
            n++;
            r->own = r->own && strcmp(f->notes[i].text, own) == 0;
        }
    r->lost++;
    r->notes += n;
    r->most = n > r->most ? n : r->most;
}

/* 'dev' with N subsections 'dev/<PREFIX>K' of variables vmstate_<VAR>K. */
static void build_wide(struct vmsd_model *m, size_t n, const char *prefix,
                       const char *var)
{
    vmsd_model_init(m);
    struct vmsd_desc *dev = add_desc(m, 1, "vmstate_dev", "dev", 10);
    uint32_t *uids = calloc(n + 1, sizeof *uids);
    for (size_t i = 0; i < n; i++) {
        char symbol[64], name[64];
        snprintf(symbol, sizeof symbol, "vmstate_%s%zu", var, i);
        snprintf(name, sizeof name, "dev/%s%zu", prefix, i);
        add_desc(m, (uint32_t)i + 2, symbol, name, 20);
        uids[i] = (uint32_t)i + 2;
    }
    add_list(m, dev, 1, uids, n + 1);
    free(uids);
    vmsd_model_resolve(m);
}

/* All 2,000 subsections of one parent renamed: each lost name gets its
 * own variable's new name, or a few guesses, never the whole list (which
 * made the notes n^2 and their search n^3: 18 s). */
static void test_wide_rename(void)
{
    const size_t n = 2000;
    struct vmsd_model before, after;
    struct vmsd_base_program base;
    struct vmsd_check_config config;
    vmsd_check_config_init(&config);
    build_wide(&before, n, "old", "old");
    vmsd_base_program_from_model(&base, "prog", &before);

    /* The same variables, renamed. */
    build_wide(&after, n, "new", "old");
    struct renamed r = { .own = true };
    struct vmsd_program_facts program = { .model = &after, .base = &base };
    vmsd_check_program(&program, &config, count_renames, &r);
    CHECK(r.lost == n && r.notes == n && r.most == 1 && r.own);
    vmsd_model_free(&after);

    /* New variables: three guesses and how many more. */
    build_wide(&after, n, "new", "new");
    r = (struct renamed){ .own = false };
    program.model = &after;
    vmsd_check_program(&program, &config, count_renames, &r);
    CHECK(r.lost == n && r.most == 4 && r.notes == 4 * n);
    vmsd_model_free(&after);

    vmsd_base_program_free(&base);
    vmsd_model_free(&before);
}

int main(void)
{
    test_graph();
    test_gate();
    test_wide_rename();
    test_stale();
    totals();
    return 0;
}
