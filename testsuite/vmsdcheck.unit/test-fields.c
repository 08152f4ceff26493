/* The gate's field and version rules over hand-built models: a base
 * made from one description 'dev', a change made from another. */
#include "unit.h"
#include "model-build.h"

#include "baseline.h"
#include "rules.h"

#include <stdlib.h>

struct spec {
    const char *name;
    int version_id;
    bool field_exists;
    uint64_t size;
    int num;
};

struct collected {
    int count[VMSD_RULE_COUNT];
    char last[256];
};

static void collect(const struct vmsd_finding *f, void *user)
{
    struct collected *c = user;
    c->count[f->rule]++;
    snprintf(c->last, sizeof c->last, "%s", f->message);
}

/* 'dev' at VERSION (minimum MINIMUM) with the fields of SPECS. */
static void build(struct vmsd_model *m, int version, int minimum,
                  const struct spec *specs, size_t n)
{
    vmsd_model_init(m);
    struct vmsd_desc *dev = add_desc(m, 1, "vmstate_dev", "dev", 10);
    dev->version_id = version;
    dev->minimum_version_id = minimum;
    struct vmsd_fieldlist *fields = vmsd_model_add_fieldlist(m, 2);
    dev->fields_uid = 2;
    for (size_t i = 0; i < n; i++) {
        struct vmsd_field *f = vmsd_fieldlist_append(m, fields);
        f->name = vmsd_model_strdup(m, specs[i].name);
        f->version_id = specs[i].version_id;
        f->has_field_exists = specs[i].field_exists;
        f->size = specs[i].size;
        f->num = specs[i].num;
    }
    vmsd_model_resolve(m);
}

/* The gate's findings for a change of BASE_SPECS at version 2 into
 * NOW_SPECS at NOW_VERSION. */
static struct collected gate(const struct spec *base_specs, size_t n_base,
                             int now_version, int now_minimum,
                             const struct spec *now_specs, size_t n_now)
{
    struct vmsd_model before, after;
    struct vmsd_base_program base;
    struct vmsd_check_config config;
    struct collected c;
    memset(&c, 0, sizeof c);
    build(&before, 2, 1, base_specs, n_base);
    build(&after, now_version, now_minimum, now_specs, n_now);
    vmsd_base_program_from_model(&base, "prog", &before);
    vmsd_check_config_init(&config);
    const struct vmsd_program_facts program = { .model = &after,
                                                .base = &base };
    vmsd_check_program(&program, &config, collect, &c);
    vmsd_base_program_free(&base);
    vmsd_model_free(&before);
    vmsd_model_free(&after);
    return c;
}

#define N(a) (sizeof (a) / sizeof *(a))

static int gate_findings(const struct collected *c)
{
    return c->count[VMSD_RULE_FIELD_REMOVED] + c->count[VMSD_RULE_FIELD_ADDED]
           + c->count[VMSD_RULE_FIELD_SIZE_CHANGED]
           + c->count[VMSD_RULE_VERSION_LOWERED]
           + c->count[VMSD_RULE_MINIMUM_VERSION_RAISED];
}

static const struct spec base[] = {
    { "a", 0, false, 4, 0 }, { "b", 1, false, 8, 0 }, { "c", 2, false, 2, 0 },
};

static void test_unchanged_and_benign(void)
{
    struct collected c = gate(base, N(base), 2, 1, base, N(base));
    CHECK(gate_findings(&c) == 0);

    /* A new field of a new version, the description's version raised. */
    const struct spec versioned[] = {
        base[0], base[1], base[2], { "d", 3, false, 4, 0 },
    };
    c = gate(base, N(base), 3, 1, versioned, N(versioned));
    CHECK(gate_findings(&c) == 0);

    /* A new field behind a field_exists test. */
    const struct spec tested[] = {
        base[0], { "t", 0, true, 4, 0 }, base[1], base[2],
    };
    c = gate(base, N(base), 2, 1, tested, N(tested));
    CHECK(gate_findings(&c) == 0);

    /* Renamed in place, the same bytes: the wire has no names. */
    const struct spec renamed[] = { base[0], { "bee", 1, false, 8, 0 }, base[2] };
    c = gate(base, N(base), 2, 1, renamed, N(renamed));
    CHECK(gate_findings(&c) == 0);
}

static void test_fields(void)
{
    const struct spec added[] = { base[0], { "new", 0, false, 4, 0 }, base[1],
                                  base[2] };
    struct collected c = gate(base, N(base), 2, 1, added, N(added));
    CHECK(c.count[VMSD_RULE_FIELD_ADDED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last, "field 'new' of 'dev' is read from a stream of the "
              "base's version 2, which does not carry it: give it version_id "
              "3 (and raise the description's) or a field_exists test");

    /* At the end too (QEMU's script does not look there). */
    const struct spec appended[] = { base[0], base[1], base[2],
                                     { "tail", 2, false, 4, 0 } };
    c = gate(base, N(base), 2, 1, appended, N(appended));
    CHECK(c.count[VMSD_RULE_FIELD_ADDED] == 1 && gate_findings(&c) == 1);

    const struct spec removed[] = { base[0], base[2] };
    c = gate(base, N(base), 2, 1, removed, N(removed));
    CHECK(c.count[VMSD_RULE_FIELD_REMOVED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last, "field 'b' of 'dev' is in the base and no longer read "
              "from its stream (version 2): removed or moved, so what "
              "follows loads from the wrong bytes");

    /* Moved: 'c' before 'b' - one of them is out of place. */
    const struct spec moved[] = { base[0], base[2], base[1] };
    c = gate(base, N(base), 2, 1, moved, N(moved));
    CHECK(c.count[VMSD_RULE_FIELD_REMOVED] == 1
          && c.count[VMSD_RULE_FIELD_ADDED] == 1);

    const struct spec resized[] = { base[0], { "b", 1, false, 4, 0 }, base[2] };
    c = gate(base, N(base), 2, 1, resized, N(resized));
    CHECK(c.count[VMSD_RULE_FIELD_SIZE_CHANGED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last, "field 'b' of 'dev' is 4 bytes on the wire, the "
              "base's 8");

    /* A size of 0 is unknown (older facts, no constant): not compared. */
    const struct spec unknown[] = { base[0], { "b", 1, false, 0, 0 }, base[2] };
    c = gate(base, N(base), 2, 1, unknown, N(unknown));
    CHECK(gate_findings(&c) == 0);
    c = gate(unknown, N(unknown), 2, 1, base, N(base));
    CHECK(gate_findings(&c) == 0);

    /* An array's bytes are its elements times their size. */
    const struct spec array[] = { { "arr", 0, false, 4, 4 } };
    const struct spec longer[] = { { "arr", 0, false, 4, 5 } };
    c = gate(array, N(array), 2, 1, longer, N(longer));
    CHECK(c.count[VMSD_RULE_FIELD_SIZE_CHANGED] == 1);

    /* A field's version raised above the base's: no longer read. */
    const struct spec later[] = { base[0], base[1], { "c", 3, false, 2, 0 } };
    c = gate(base, N(base), 3, 1, later, N(later));
    CHECK(c.count[VMSD_RULE_FIELD_REMOVED] == 1 && gate_findings(&c) == 1);
}

static void test_unused(void)
{
    /* Padding split, merged, or given to fields of the same bytes. */
    const struct spec pad[] = { base[0], { "unused", 0, false, 8, 0 }, base[2] };
    const struct spec split[] = { base[0], { "unused", 0, false, 4, 0 },
                                  { "unused", 0, false, 4, 0 }, base[2] };
    const struct spec used[] = { base[0], { "x", 0, false, 4, 0 },
                                 { "y", 0, false, 4, 0 }, base[2] };
    const struct spec wrong[] = { base[0], { "unused", 0, false, 6, 0 },
                                  base[2] };
    struct collected c = gate(pad, N(pad), 2, 1, split, N(split));
    CHECK(gate_findings(&c) == 0);
    c = gate(split, N(split), 2, 1, pad, N(pad));
    CHECK(gate_findings(&c) == 0);
    c = gate(pad, N(pad), 2, 1, used, N(used));
    CHECK(gate_findings(&c) == 0);
    c = gate(pad, N(pad), 2, 1, wrong, N(wrong));
    CHECK(c.count[VMSD_RULE_FIELD_SIZE_CHANGED] == 1 && gate_findings(&c) == 1);
}

static void test_versions(void)
{
    struct collected c = gate(base, N(base), 1, 1, base, N(base));
    CHECK(c.count[VMSD_RULE_VERSION_LOWERED] == 1);
    CHECK_STR(c.last, "version_id of 'dev' is 1, below the base's 2: a stream "
              "of version 2 from the base fails to load");

    c = gate(base, N(base), 4, 3, base, N(base));
    CHECK(c.count[VMSD_RULE_MINIMUM_VERSION_RAISED] == 1
          && gate_findings(&c) == 1);
    CHECK_STR(c.last, "minimum_version_id of 'dev' is 3, above the base's "
              "version_id 2: the stream the base sends fails to load");

    /* Raised to the base's version: still accepted. */
    c = gate(base, N(base), 3, 2, base, N(base));
    CHECK(gate_findings(&c) == 0);
}

int main(void)
{
    test_unchanged_and_benign();
    test_fields();
    test_unused();
    test_versions();
    totals();
    return 0;
}
