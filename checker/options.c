/* The plugin's arguments: one table of keys, which also prints the help
 * and the list of valid keys. */
#include "options.h"

#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef bool take_fn(struct vmsd_options *opts, const char *value,
                     char *error, size_t size);

struct option_key {
    const char *key;
    const char *value;          /* its value in the help; NULL: none */
    take_fn *take;
    const char *help;
};

static bool take_db(struct vmsd_options *opts, const char *value,
                    char *error, size_t size)
{
    (void)error, (void)size;
    opts->db_paths = vmsd_grow(opts->db_paths, opts->n_db_paths,
                               sizeof *opts->db_paths);
    opts->db_paths[opts->n_db_paths++] = value;
    return true;
}

static bool take_facts(struct vmsd_options *opts, const char *value,
                       char *error, size_t size)
{
    if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
        return vmsd_fail(error, size, "'facts=%s': the value is on or off",
                         value);
    opts->facts = strcmp(value, "on") == 0;
    return true;
}

static bool take_facts_dir(struct vmsd_options *opts, const char *value,
                           char *error, size_t size)
{
    (void)error, (void)size;
    opts->facts_dir = value;
    return true;
}

static bool take_marker_field(struct vmsd_options *opts, const char *value,
                              char *error, size_t size)
{
    (void)error, (void)size;
    opts->config.marker_field = value;
    return true;
}

static bool take_help(struct vmsd_options *opts, const char *value,
                      char *error, size_t size)
{
    (void)value, (void)error, (void)size;
    opts->help = true;
    return true;
}

static const struct option_key option_keys[] = {
    { "db", "FILE", take_db,
      "an allowlist of legacy names (JSON); may repeat: later files layer "
      "over earlier ones" },
    { "facts", "on|off", take_facts,
      "off: no facts in the object (the whole-program tool then reports "
      "the unit as unchecked)" },
    { "facts-dir", "DIR", take_facts_dir,
      "facts files there too (for -fsyntax-only)" },
    { "help", NULL, take_help, "print this text and compile nothing" },
    { "marker-field", "NAME", take_marker_field,
      "the member that marks legacy names (default: "
      VMSD_DEFAULT_MARKER_FIELD ")" },
};

#define N_KEYS (sizeof option_keys / sizeof *option_keys)

/* "db, facts, ..., subsection-prefix, ..." for error messages. */
static void list_keys(struct vmsd_strbuf *out)
{
    for (size_t i = 0; i < N_KEYS; i++)
        vmsd_strbuf_printf(out, "%s%s", i ? ", " : "", option_keys[i].key);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        if (vmsd_rule_in_unit((enum vmsd_rule)r))
            vmsd_strbuf_printf(out, ", %s", vmsd_rule_id((enum vmsd_rule)r));
}

static bool take_severity(struct vmsd_options *opts, enum vmsd_rule rule,
                          const char *key, const char *value, char *error,
                          size_t size)
{
    if (!value)
        return vmsd_fail(error, size, "'%s' needs a severity: %s=error, "
                         "warning or off", key, key);
    if (!vmsd_severity_from_name(value, &opts->config.severity[rule]))
        return vmsd_fail(error, size, "'%s=%s': the severity is error, "
                         "warning or off", key, value);
    return true;
}

static bool parse_one(struct vmsd_options *opts, const struct vmsd_arg *arg,
                      char *error, size_t size)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        const struct option_key *k = &option_keys[i];
        if (strcmp(arg->key, k->key) != 0)
            continue;
        if (!k->value && arg->value)
            return vmsd_fail(error, size, "'%s' takes no value", k->key);
        if (k->value && (!arg->value || !*arg->value))
            return vmsd_fail(error, size, "'%s' needs a value: %s=%s",
                             k->key, k->key, k->value);
        return k->take(opts, arg->value, error, size);
    }
    enum vmsd_rule rule;
    if (vmsd_rule_from_id(arg->key, &rule) && vmsd_rule_in_unit(rule))
        return take_severity(opts, rule, arg->key, arg->value, error, size);

    struct vmsd_strbuf keys = { 0 };
    list_keys(&keys);
    vmsd_fail(error, size, "unknown argument '%s' (valid: %s)", arg->key,
              keys.data);
    free(keys.data);
    return false;
}

bool vmsd_options_parse(struct vmsd_options *opts, const struct vmsd_arg *args,
                        size_t n_args, char *error, size_t error_size)
{
    memset(opts, 0, sizeof *opts);
    opts->facts = true;
    vmsd_check_config_init(&opts->config);
    for (size_t i = 0; i < n_args; i++)
        if (!parse_one(opts, &args[i], error, error_size))
            return false;
    return true;
}

void vmsd_options_free(struct vmsd_options *opts)
{
    free(opts->db_paths);
    memset(opts, 0, sizeof *opts);
}

void vmsd_options_print_help(FILE *out)
{
    fputs("vmsdcheck: checks the names of QEMU migration subsections\n"
          "arguments, each -fplugin-arg-vmsdcheck-KEY[=VALUE]:\n", out);
    for (size_t i = 0; i < N_KEYS; i++) {
        const struct option_key *k = &option_keys[i];
        char key[64];
        snprintf(key, sizeof key, "%s%s%s", k->key, k->value ? "=" : "",
                 k->value ? k->value : "");
        fprintf(out, "  %-20s %s\n", key, k->help);
    }
    fputs("  RULE=SEVERITY        error, warning (the default) or off; RULE is "
          "one of:\n", out);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        if (vmsd_rule_in_unit((enum vmsd_rule)r))
            fprintf(out, "    %-22s %s\n", vmsd_rule_id((enum vmsd_rule)r),
                    vmsd_rule_summary((enum vmsd_rule)r));
    fputs("-Werror makes the warnings errors\n", out);
}
