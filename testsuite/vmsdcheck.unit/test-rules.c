/* The rules over a hand-built model: which findings, where, and what the
 * allowlist and severities change. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"
#include "db-file.h"
#include "model-build.h"

#include "compatdb.h"
#include "rules.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct collected {
    int count[VMSD_RULE_COUNT];
    char last_message[512];
    unsigned last_line;
    size_t last_notes;
    char last_suggestion[128];
};

static void collect(const struct vmsd_finding *f, void *user)
{
    struct collected *c = user;
    c->count[f->rule]++;
    snprintf(c->last_message, sizeof c->last_message, "%s", f->message);
    c->last_line = f->loc.line;
    c->last_notes = f->n_notes;
    snprintf(c->last_suggestion, sizeof c->last_suggestion, "%s",
             f->suggested_name ? f->suggested_name : "");
}

static struct collected run(struct vmsd_model *m,
                            struct vmsd_check_config *config)
{
    struct collected c;
    memset(&c, 0, sizeof c);
    vmsd_model_resolve(m);
    vmsd_check_unit(m, config, collect, &c);
    return c;
}

static void test_separator_and_allowlist(void)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);

    struct vmsd_desc *apic = add_desc(&m, 1, "vmstate_apic", "apic", 10);
    add_desc(&m, 2, "vmstate_sipi", "apic_sipi", 20);
    add_desc(&m, 3, "vmstate_good", "apic/good", 30);
    add_list(&m, apic, 50, (uint32_t[]){ 2, 3, 0 }, 3);

    struct collected c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_SUBSECTION_SEPARATOR] == 1);
    CHECK(c.last_line == 100);
    CHECK(c.last_notes == 2);
    CHECK_STR(c.last_suggestion, "apic/sipi");
    CHECK_STR(c.last_message, "subsection 'apic_sipi' of 'apic' is not named "
              "'apic' followed by '/' and a non-empty rest");

    /* A listed pair is allowed. */
    struct vmsd_compatdb db;
    char error[256];
    char *path = write_temp_file(
        "{ \"format\": \"vmsdcheck-allowlist\", \"version\": 1, "
        "\"entries\": [ { \"parent\": \"apic\", \"subsection\": "
        "\"apic_sipi\", \"reason\": \"legacy\" } ] }");
    vmsd_compatdb_init(&db);
    CHECK(vmsd_compatdb_load(&db, path, error, sizeof error));
    unlink(path);
    free(path);
    config.allowlist = &db;
    c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_SUBSECTION_SEPARATOR] == 0);
    config.allowlist = NULL;
    vmsd_compatdb_free(&db);

    /* Off means off. */
    config.severity[VMSD_RULE_SUBSECTION_SEPARATOR] = VMSD_OFF;
    c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_SUBSECTION_SEPARATOR] == 0);
    vmsd_model_free(&m);
}

static void test_prefix_duplicate_terminator(void)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);

    struct vmsd_desc *sd = add_desc(&m, 1, "vmstate_sd", "sd-card", 10);
    add_desc(&m, 2, "vmstate_a", "sd-card/a", 20);
    add_desc(&m, 3, "vmstate_a2", "sd-card/a", 30);
    add_desc(&m, 4, "vmstate_x", "other", 40);
    /* No NULL: unterminated. */
    add_list(&m, sd, 50, (uint32_t[]){ 2, 3, 4, 2 }, 4);

    struct collected c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_SUBSECTION_PREFIX] == 1);
    CHECK(c.count[VMSD_RULE_SUBSECTION_DUPLICATE] == 2);
    CHECK(c.count[VMSD_RULE_SUBSECTION_TERMINATOR] == 1);
    CHECK(c.count[VMSD_RULE_SUBSECTION_SEPARATOR] == 0);
    vmsd_model_free(&m);
}

static void test_unresolved_and_unnamed(void)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);

    struct vmsd_desc *dev = add_desc(&m, 1, "vmstate_dev", "dev", 10);
    struct vmsd_desc *ext = vmsd_model_desc(&m, 2);     /* extern */
    ext->symbol = vmsd_model_strdup(&m, "vmstate_elsewhere");
    ext->linkage = VMSD_LINK_EXTERN;
    struct vmsd_desc *unnamed = add_desc(&m, 3, "vmstate_unnamed", NULL, 30);
    add_list(&m, dev, 50, (uint32_t[]){ 2, 3, 0 }, 3);

    struct collected c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_NAME_MISSING] == 1);
    CHECK(unnamed->is_subsection);
    CHECK(ext->is_subsection);
    CHECK(c.count[VMSD_RULE_SUBSECTION_PREFIX] == 0);

    /* A name that could not be evaluated is not missing. */
    unnamed->name_unreadable = true;
    c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_NAME_MISSING] == 0);
    vmsd_model_free(&m);
}

static void test_name_length(void)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    char name[300];
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);

    memset(name, 'x', 255);
    name[255] = '\0';
    add_desc(&m, 1, "vmstate_255", name, 10);
    name[255] = 'x';
    name[256] = '\0';
    add_desc(&m, 2, "vmstate_256", name, 20);

    struct collected c = run(&m, &config);
    CHECK(c.count[VMSD_RULE_NAME_LENGTH] == 1);
    CHECK(c.last_line == 20);
    vmsd_model_free(&m);
}

static void test_rule_ids(void)
{
    enum vmsd_rule rule;
    enum vmsd_severity severity;
    CHECK(vmsd_rule_from_id("subsection-separator", &rule)
          && rule == VMSD_RULE_SUBSECTION_SEPARATOR);
    CHECK(!vmsd_rule_from_id("separator", &rule));
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        CHECK(vmsd_rule_from_id(vmsd_rule_id(r), &rule) && rule == (enum vmsd_rule)r);
    CHECK(vmsd_severity_from_name("off", &severity) && severity == VMSD_OFF);
    CHECK(!vmsd_severity_from_name("fatal", &severity));
}

/* One table: every rule has an id of its own, a summary and a scope; the
 * plugin gets exactly the rules one unit can decide. */
static void test_rule_table(void)
{
    for (int r = 0; r < VMSD_RULE_COUNT; r++) {
        CHECK(vmsd_rule_summary(r) && *vmsd_rule_summary(r));
        for (int q = 0; q < r; q++)
            CHECK(strcmp(vmsd_rule_id(q), vmsd_rule_id(r)) != 0);
    }
    CHECK(vmsd_rule_in_unit(VMSD_RULE_SUBSECTION_PREFIX));
    CHECK(vmsd_rule_in_unit(VMSD_RULE_LOAD_AMBIGUITY));
    CHECK(vmsd_rule_scope(VMSD_RULE_LOAD_AMBIGUITY) == VMSD_SCOPE_UNIT);
    CHECK(vmsd_rule_in_unit(VMSD_RULE_SUBSECTION_UNCHECKED));
    CHECK(!vmsd_rule_in_unit(VMSD_RULE_SUBSECTION_UNRESOLVED));
    CHECK(!vmsd_rule_in_unit(VMSD_RULE_FACTS_MISSING));
    CHECK(vmsd_rule_scope(VMSD_RULE_ALLOWLIST_STALE) == VMSD_SCOPE_BUILD);
    CHECK(vmsd_rule_scope(VMSD_RULE_SECTION_REMOVED) == VMSD_SCOPE_PROGRAM);
}

/* The tool's run of one program adds the program rules to the unit's:
 * an entry no input defines is subsection-unresolved there only. */
static void test_program_scope(void)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);
    struct vmsd_desc *dev = add_desc(&m, 1, "vmstate_dev", "dev", 10);
    struct vmsd_desc *ext = vmsd_model_desc(&m, 2);
    ext->symbol = vmsd_model_strdup(&m, "vmstate_elsewhere");
    ext->linkage = VMSD_LINK_EXTERN;
    add_list(&m, dev, 50, (uint32_t[]){ 2, 0 }, 2);
    vmsd_model_resolve(&m);
    m.sublists[0]->slots[0].unresolved = true;

    struct collected c;
    memset(&c, 0, sizeof c);
    vmsd_check_unit(&m, &config, collect, &c);
    CHECK(c.count[VMSD_RULE_SUBSECTION_UNRESOLVED] == 0);

    const char *uncovered[] = { "hw/other.c" };
    const struct vmsd_program_facts program = { .model = &m,
                                                .uncovered = uncovered,
                                                .n_uncovered = 1 };
    memset(&c, 0, sizeof c);
    vmsd_check_program(&program, &config, collect, &c);
    CHECK(c.count[VMSD_RULE_SUBSECTION_UNRESOLVED] == 1);
    CHECK(c.count[VMSD_RULE_FACTS_MISSING] == 1);
    CHECK_STR(c.last_message, "unit 'hw/other.c' carries no vmsdcheck facts: "
              "it was compiled without the plugin, so its descriptions are "
              "not checked");

    /* Off is off in every scope. */
    config.severity[VMSD_RULE_FACTS_MISSING] = VMSD_OFF;
    memset(&c, 0, sizeof c);
    vmsd_check_program(&program, &config, collect, &c);
    CHECK(c.count[VMSD_RULE_FACTS_MISSING] == 0);
    vmsd_model_free(&m);
}

/* The lines of the load-ambiguity findings, in the order reported. */
struct ambiguity_lines {
    unsigned line[8];
    size_t n;
};

static void collect_ambiguity(const struct vmsd_finding *f, void *user)
{
    struct ambiguity_lines *a = user;
    if (f->rule == VMSD_RULE_LOAD_AMBIGUITY && a->n < 8)
        a->line[a->n++] = f->loc.line;
}

/* A subsection list of parent "p" (on lines 100, 101, ...) of the
 * descriptions NAMES; NULL names one that is only declared, and a name
 * ending in '!' one always sent; the others have a .needed function.
 * The lines of the load-ambiguity findings go to OUT. */
static void ambiguity_in_list(const char *const *names, size_t n,
                              struct ambiguity_lines *out)
{
    struct vmsd_model m;
    struct vmsd_check_config config;
    uint32_t uids[8];
    vmsd_model_init(&m);
    vmsd_check_config_init(&config);
    struct vmsd_desc *p = add_desc(&m, 1, "vmstate_p", "p", 1);
    for (size_t i = 0; i < n; i++) {
        uids[i] = 2 + (uint32_t)i;
        if (!names[i]) {
            vmsd_model_desc(&m, uids[i])->symbol = vmsd_strdup("elsewhere");
            continue;
        }
        size_t len = strlen(names[i]);
        bool always = names[i][len - 1] == '!';
        struct vmsd_desc *d = add_desc(&m, uids[i], names[i], names[i], 2);
        d->name[len - always] = '\0';
        d->needed = always ? NULL : vmsd_strdup("needed");
    }
    uids[n] = 0;
    add_list(&m, p, 50, uids, n + 1);
    memset(out, 0, sizeof *out);
    vmsd_model_resolve(&m);
    vmsd_check_unit(&m, &config, collect_ambiguity, out);
    vmsd_model_free(&m);
}

/* What can follow a subsection is found by name in its list: findings
 * in list order (not name order), none past an entry not defined here
 * or one always sent, none from an entry whose name an earlier one
 * has (the loader never runs its loop there). */
static void test_ambiguity_in_lists(void)
{
    struct ambiguity_lines a;
    ambiguity_in_list((const char *[]){ "p/m", "p/m-b", "p/z", "p/m-a", NULL,
                                        "p/m-c" }, 6, &a);
    CHECK(a.n == 2);
    CHECK(a.line[0] == 101);
    CHECK(a.line[1] == 103);
    ambiguity_in_list((const char *[]){ "p/m", "p/m-a!", "p/m-b" }, 3, &a);
    CHECK(a.n == 1);
    CHECK(a.line[0] == 101);
    ambiguity_in_list((const char *[]){ "p/x", "p/x", "p/x-y" }, 3, &a);
    CHECK(a.n == 1);
    CHECK(a.line[0] == 102);
}

int main(void)
{
    test_separator_and_allowlist();
    test_prefix_duplicate_terminator();
    test_unresolved_and_unnamed();
    test_name_length();
    test_rule_ids();
    test_rule_table();
    test_program_scope();
    test_ambiguity_in_lists();
    totals();
    return 0;
}
