/* The plugin's arguments. */
#include "unit.h"

#include "options.h"

static bool parse(struct vmsd_options *o, const struct vmsd_arg *args,
                  size_t n, char *error)
{
    return vmsd_options_parse(o, args, n, error, 512);
}

int main(void)
{
    struct vmsd_options o;
    char error[512];

    const struct vmsd_arg good[] = {
        { "db", "a.json" }, { "db", "b.json" },
        { "subsection-separator", "error" }, { "name-length", "off" },
    };
    CHECK(parse(&o, good, 4, error));
    CHECK(o.n_db_paths == 2);
    CHECK_STR(o.db_paths[1], "b.json");
    CHECK(o.config.severity[VMSD_RULE_SUBSECTION_SEPARATOR] == VMSD_ERROR);
    CHECK(o.config.severity[VMSD_RULE_NAME_LENGTH] == VMSD_OFF);
    CHECK(o.config.severity[VMSD_RULE_SUBSECTION_PREFIX] == VMSD_WARNING);
    CHECK(!o.help);
    vmsd_options_free(&o);

    const struct vmsd_arg unknown[] = { { "colour", "yes" } };
    CHECK(!parse(&o, unknown, 1, error));
    CHECK_STR(error, "unknown argument 'colour' (valid: db, facts, facts-dir, help, marker-field, "
              "subsection-prefix, subsection-separator, subsection-duplicate, "
              "subsection-terminator, name-length, name-missing, load-ambiguity, "
              "marker-missing, marker-unneeded, subsection-unchecked, "
              "field-terminator, field-never-sent, version-below-minimum)");
    vmsd_options_free(&o);

    const struct vmsd_arg bad_value[] = { { "name-missing", "loud" } };
    CHECK(!parse(&o, bad_value, 1, error));
    CHECK_STR(error, "'name-missing=loud': the severity is error, warning "
              "or off");
    vmsd_options_free(&o);

    const struct vmsd_arg no_severity[] = { { "load-ambiguity", NULL } };
    CHECK(!parse(&o, no_severity, 1, error));
    CHECK_STR(error, "'load-ambiguity' needs a severity: load-ambiguity=error, "
              "warning or off");
    vmsd_options_free(&o);

    /* A rule only the whole-program tool runs is not the plugin's. */
    const struct vmsd_arg program_rule[] = { { "facts-missing", "off" } };
    CHECK(!parse(&o, program_rule, 1, error));
    vmsd_options_free(&o);

    const struct vmsd_arg no_file[] = { { "db", NULL } };
    CHECK(!parse(&o, no_file, 1, error));
    CHECK_STR(error, "'db' needs a value: db=FILE");
    vmsd_options_free(&o);

    const struct vmsd_arg facts[] = { { "facts", "off" },
                                      { "facts-dir", "out/facts" } };
    CHECK(parse(&o, facts, 2, error));
    CHECK(!o.facts);
    CHECK_STR(o.facts_dir, "out/facts");
    vmsd_options_free(&o);
    CHECK(parse(&o, facts, 0, error) && o.facts && !o.facts_dir);
    vmsd_options_free(&o);

    const struct vmsd_arg facts_bad[] = { { "facts", "maybe" } };
    CHECK(!parse(&o, facts_bad, 1, error));
    CHECK_STR(error, "'facts=maybe': the value is on or off");
    vmsd_options_free(&o);

    const struct vmsd_arg marker[] = { { "marker-field", "old_names" } };
    CHECK(parse(&o, marker, 1, error));
    CHECK_STR(o.config.marker_field, "old_names");
    vmsd_options_free(&o);
    CHECK(parse(&o, marker, 0, error));
    CHECK_STR(o.config.marker_field, "legacy_bad_subsection_name");
    vmsd_options_free(&o);

    const struct vmsd_arg help[] = { { "help", NULL } };
    CHECK(parse(&o, help, 1, error) && o.help);
    vmsd_options_free(&o);

    totals();
    return 0;
}
