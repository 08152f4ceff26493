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
    char last[VMSD_RULE_COUNT][256];    /* each rule's last message */
    char remedy[VMSD_RULE_COUNT][512];  /* and its last note */
};

static void collect(const struct vmsd_finding *f, void *user)
{
    struct collected *c = user;
    c->count[f->rule]++;
    snprintf(c->last[f->rule], sizeof c->last[f->rule], "%s", f->message);
    snprintf(c->remedy[f->rule], sizeof c->remedy[f->rule], "%s",
             f->n_notes ? f->notes[f->n_notes - 1].text : "");
}

/* D's field list, of id UID, with the fields of SPECS. */
static struct vmsd_fieldlist *add_spec_fields(struct vmsd_model *m,
                                              struct vmsd_desc *d,
                                              uint32_t uid,
                                              const struct spec *specs,
                                              size_t n)
{
    struct vmsd_fieldlist *fields = vmsd_model_add_fieldlist(m, uid);
    d->fields_uid = uid;
    for (size_t i = 0; i < n; i++) {
        struct vmsd_field *f = vmsd_fieldlist_append(m, fields);
        f->name = vmsd_model_strdup(m, specs[i].name);
        f->version_id = specs[i].version_id;
        f->has_field_exists = specs[i].field_exists;
        f->size = specs[i].size;
        f->num = specs[i].num;
    }
    return fields;
}

/* 'dev' at VERSION (minimum MINIMUM) with the fields of SPECS. */
static void build(struct vmsd_model *m, int version, int minimum,
                  const struct spec *specs, size_t n)
{
    vmsd_model_init(m);
    struct vmsd_desc *dev = add_desc(m, 1, "vmstate_dev", "dev", 10);
    dev->version_id = version;
    dev->minimum_version_id = minimum;
    add_spec_fields(m, dev, 2, specs, n);
    vmsd_model_resolve(m);
}

/* The gate's findings for a change of BASE_SPECS at version 2 into
 * NOW_SPECS at NOW_VERSION. */
/* The gate's findings for the change AFTER of BEFORE, in DIRECTIONS;
 * both models are freed. */
static struct collected check_change(struct vmsd_model *before,
                                     struct vmsd_model *after,
                                     enum vmsd_direction directions)
{
    struct vmsd_base_program base;
    struct vmsd_check_config config;
    struct collected c;
    memset(&c, 0, sizeof c);
    vmsd_base_program_from_model(&base, "prog", before);
    vmsd_check_config_init(&config);
    config.directions = directions;
    const struct vmsd_program_facts program = { .model = after,
                                                .base = &base };
    vmsd_check_program(&program, &config, collect, &c);
    vmsd_base_program_free(&base);
    vmsd_model_free(before);
    vmsd_model_free(after);
    return c;
}

static struct collected gate(const struct spec *base_specs, size_t n_base,
                             int now_version, int now_minimum,
                             const struct spec *now_specs, size_t n_now)
{
    struct vmsd_model before, after;
    build(&before, 2, 1, base_specs, n_base);
    build(&after, now_version, now_minimum, now_specs, n_now);
    return check_change(&before, &after, VMSD_DIRECTION_BOTH);
}

#define N(a) (sizeof (a) / sizeof *(a))

static int gate_findings(const struct collected *c)
{
    return c->count[VMSD_RULE_FIELD_REMOVED] + c->count[VMSD_RULE_FIELD_ADDED]
           + c->count[VMSD_RULE_FIELD_MOVED]
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
    /* ... which the base, at version 2, refuses. */
    CHECK(c.count[VMSD_RULE_BACKWARD_VERSION_RAISED] == 1);
    CHECK_STR(c.last[VMSD_RULE_BACKWARD_VERSION_RAISED], "version_id of 'dev' "
              "is 3, above the base's 2: the base refuses the stream this "
              "build sends (too new), on every machine type");

    /* A new field behind a field_exists test. */
    const struct spec tested[] = {
        base[0], { "t", 0, true, 4, 0 }, base[1], base[2],
    };
    c = gate(base, N(base), 2, 1, tested, N(tested));
    CHECK(gate_findings(&c) == 0);
    /* ... which the base cannot read when the test sends it. */
    CHECK(c.count[VMSD_RULE_BACKWARD_FIELD_ADDED] == 1);
    CHECK_STR(c.last[VMSD_RULE_BACKWARD_FIELD_ADDED], "field 't' of 'dev' is "
              "sent whenever its field_exists test says so, and the base, "
              "which does not have it, cannot read it");

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
    CHECK_STR(c.last[VMSD_RULE_FIELD_ADDED], "field 'new' of 'dev' is read "
              "from a stream of version 2, which the base sends without it");
    CHECK_STR(c.remedy[VMSD_RULE_FIELD_ADDED], "to keep migration working: "
              "give it version_id 3 (VMSTATE_*_V) and raise the version_id of "
              "'dev' to 3; state that older machine types must not send goes "
              "into a subsection with a needed function instead "
              "(docs/gate.md#field-added)");

    /* At the end too (QEMU's script does not look there). */
    const struct spec appended[] = { base[0], base[1], base[2],
                                     { "tail", 2, false, 4, 0 } };
    c = gate(base, N(base), 2, 1, appended, N(appended));
    CHECK(c.count[VMSD_RULE_FIELD_ADDED] == 1 && gate_findings(&c) == 1);

    const struct spec removed[] = { base[0], base[2] };
    c = gate(base, N(base), 2, 1, removed, N(removed));
    CHECK(c.count[VMSD_RULE_FIELD_REMOVED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_FIELD_REMOVED], "field 'b' of 'dev', which the "
              "base sends at version 2, is no longer read: the fields after "
              "it load from its bytes");
    CHECK_STR(c.remedy[VMSD_RULE_FIELD_REMOVED], "to keep migration working: "
              "keep the field, or put VMSTATE_UNUSED(8) in its place so that "
              "its 8 bytes are still read (docs/gate.md#field-removed)");

    /* The last field removed: its bytes are left for the loader. */
    const struct spec truncated[] = { base[0], base[1] };
    c = gate(base, N(base), 2, 1, truncated, N(truncated));
    CHECK(c.count[VMSD_RULE_FIELD_REMOVED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_FIELD_REMOVED], "field 'c' of 'dev', which the "
              "base sends at version 2, is no longer read: its bytes stay in "
              "the stream where the loader expects the next subsection or "
              "section");

    /* Moved: 'c' before 'b' is one finding, that it moved. */
    const struct spec moved[] = { base[0], base[2], base[1] };
    c = gate(base, N(base), 2, 1, moved, N(moved));
    CHECK(c.count[VMSD_RULE_FIELD_MOVED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_FIELD_MOVED], "field 'c' of 'dev' has moved: "
              "the base sends it at another place, so it and the fields "
              "between load from each other's bytes");

    /* The first field moved to the end, of many: still one finding. */
    const struct spec many[] = {
        { "f0", 0, false, 4, 0 }, { "f1", 0, false, 4, 0 },
        { "f2", 0, false, 4, 0 }, { "f3", 0, false, 4, 0 },
        { "f4", 0, false, 4, 0 },
    };
    const struct spec rotated[] = { many[1], many[2], many[3], many[4],
                                    many[0] };
    c = gate(many, N(many), 2, 1, rotated, N(rotated));
    CHECK(c.count[VMSD_RULE_FIELD_MOVED] == 1 && gate_findings(&c) == 1);

    /* Two fields of one name are told apart by their order. */
    const struct spec twice[] = { { "x", 0, false, 4, 0 },
                                  { "x", 0, false, 2, 0 } };
    const struct spec twice_swapped[] = { twice[1], twice[0] };
    c = gate(twice, N(twice), 2, 1, twice_swapped, N(twice_swapped));
    CHECK(c.count[VMSD_RULE_FIELD_SIZE_CHANGED] == 2 && gate_findings(&c) == 2);

    const struct spec resized[] = { base[0], { "b", 1, false, 4, 0 }, base[2] };
    c = gate(base, N(base), 2, 1, resized, N(resized));
    CHECK(c.count[VMSD_RULE_FIELD_SIZE_CHANGED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_FIELD_SIZE_CHANGED], "field 'b' of 'dev' is 4 "
              "bytes on the wire, where the base sends 8");

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

    /* Padding behind a test (VMSTATE_UNUSED_TEST) beside plain padding,
     * the description's version raised: nothing moved on the wire. */
    const struct spec tested_pad[] = {
        base[0], { "unused", 0, true, 4, 0 }, { "unused", 0, false, 4, 0 },
        base[2] };
    c = gate(tested_pad, N(tested_pad), 3, 1, tested_pad, N(tested_pad));
    CHECK(gate_findings(&c) == 0);
    CHECK(c.count[VMSD_RULE_BACKWARD_FIELD_ADDED] == 0);
}

static void test_versions(void)
{
    struct collected c = gate(base, N(base), 1, 1, base, N(base));
    CHECK(c.count[VMSD_RULE_VERSION_LOWERED] == 1);
    CHECK_STR(c.last[VMSD_RULE_VERSION_LOWERED], "version_id of 'dev' is 1, "
              "below the base's 2: a stream of version 2 from the base fails "
              "to load (too new)");

    c = gate(base, N(base), 4, 3, base, N(base));
    CHECK(c.count[VMSD_RULE_MINIMUM_VERSION_RAISED] == 1
          && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_MINIMUM_VERSION_RAISED], "minimum_version_id "
              "of 'dev' is 3, above the base's version_id 2: the stream the "
              "base sends fails to load (too old)");

    /* Raised to the base's version: still accepted. */
    c = gate(base, N(base), 3, 2, base, N(base));
    CHECK(gate_findings(&c) == 0);
}

/* 'dev' nesting 'inner' (VMSTATE_STRUCT) at VERSION with the fields of
 * SPECS. */
static void build_nested(struct vmsd_model *m, int version,
                         const struct spec *specs, size_t n)
{
    vmsd_model_init(m);
    struct vmsd_desc *inner = add_desc(m, 3, "vmstate_inner", "inner", 20);
    inner->version_id = version;
    inner->minimum_version_id = 1;
    add_spec_fields(m, inner, 4, specs, n);
    struct vmsd_desc *dev = add_desc(m, 1, "vmstate_dev", "dev", 10);
    dev->version_id = 1;
    dev->minimum_version_id = 1;
    struct vmsd_field *in = vmsd_fieldlist_append(m, add_spec_fields(
        m, dev, 2, NULL, 0));
    in->name = vmsd_model_strdup(m, "in");
    in->vmsd.uid = 3;
    in->vmsd.symbol = vmsd_model_strdup(m, "vmstate_inner");
    vmsd_model_resolve(m);
}

static struct collected gate_nested(int base_version,
                                    const struct spec *base_specs,
                                    size_t n_base, int now_version,
                                    const struct spec *now_specs, size_t n_now,
                                    enum vmsd_direction directions)
{
    struct vmsd_model before, after;
    build_nested(&before, base_version, base_specs, n_base);
    build_nested(&after, now_version, now_specs, n_now);
    return check_change(&before, &after, directions);
}

/* QEMU saves and loads a nested description at each side's own
 * version_id: a field of a raised version is read from a base stream
 * that never carries it. */
static void test_nested(void)
{
    const struct spec inner[] = { { "r", 0, false, 4, 0 } };
    const struct spec grown[] = { inner[0], { "s", 2, false, 4, 0 } };
    struct collected c = gate_nested(1, inner, N(inner), 2, grown, N(grown),
                                     VMSD_DIRECTION_BOTH);
    CHECK(c.count[VMSD_RULE_FIELD_ADDED] == 1 && gate_findings(&c) == 1);
    CHECK_STR(c.last[VMSD_RULE_FIELD_ADDED], "field 's' of 'inner' is read "
              "from a stream of version 2 (a nested description travels at "
              "each side's own version), which the base sends without it");
    CHECK_STR(c.remedy[VMSD_RULE_FIELD_ADDED], "to keep migration working: "
              "a nested description's version does not travel, so raising it "
              "does not help: send 's' in a subsection of 'inner' with a "
              "needed function (docs/gate.md#field-added)");
    /* Its version is not a section's: nothing refuses it as too new. */
    CHECK(c.count[VMSD_RULE_BACKWARD_VERSION_RAISED] == 0);

    /* The same change to a section is no break forward. */
    const struct spec dev_grown[] = { base[0], base[1], base[2],
                                      { "s", 3, false, 4, 0 } };
    c = gate(base, N(base), 3, 1, dev_grown, N(dev_grown));
    CHECK(gate_findings(&c) == 0);

    /* Unchanged: nothing. */
    c = gate_nested(2, grown, N(grown), 2, grown, N(grown),
                    VMSD_DIRECTION_BOTH);
    CHECK(gate_findings(&c) == 0);
}

/* --direction: forward runs no backward rule, backward no forward-only
 * rule; the field rules run in both. */
static void test_directions(void)
{
    const struct spec inner[] = { { "r", 0, false, 4, 0 } };
    const struct spec grown[] = { inner[0], { "s", 2, false, 4, 0 } };
    struct collected c = gate_nested(1, inner, N(inner), 2, grown, N(grown),
                                     VMSD_DIRECTION_BACKWARD);
    CHECK(c.count[VMSD_RULE_FIELD_ADDED] == 1);

    struct vmsd_check_config config;
    vmsd_check_config_init(&config);
    CHECK(config.directions == VMSD_DIRECTION_BOTH);
    CHECK(config.severity[VMSD_RULE_FIELD_REMOVED] == VMSD_ERROR);
    CHECK(config.severity[VMSD_RULE_SUBSECTION_REMOVED] == VMSD_ERROR);
    CHECK(config.severity[VMSD_RULE_BACKWARD_VERSION_RAISED] == VMSD_ERROR);
    CHECK(config.severity[VMSD_RULE_BACKWARD_SUBSECTION_ADDED] == VMSD_WARNING);
    CHECK(config.severity[VMSD_RULE_SUBSECTION_SEPARATOR] == VMSD_WARNING);
}

int main(void)
{
    test_nested();
    test_directions();
    test_unchanged_and_benign();
    test_fields();
    test_unused();
    test_versions();
    totals();
    return 0;
}
