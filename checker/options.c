/* The plugin's arguments. */
#include "options.h"

#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* "db, help, subsection-prefix, ..." for error messages. */
static void list_keys(char *out, size_t size)
{
    snprintf(out, size, "db, facts, facts-dir, help, marker-field");
    for (int r = 0; r < VMSD_FIRST_PROGRAM_RULE; r++) {
        size_t n = strlen(out);
        snprintf(out + n, size - n, ", %s", vmsd_rule_id((enum vmsd_rule)r));
    }
}

static bool parse_one(struct vmsd_options *opts, const struct vmsd_arg *arg,
                      char *error, size_t size)
{
    enum vmsd_rule rule;

    if (strcmp(arg->key, "help") == 0) {
        if (arg->value)
            return vmsd_fail(error, size, "'help' takes no value");
        opts->help = true;
        return true;
    }
    if (strcmp(arg->key, "facts") == 0) {
        if (!arg->value || (strcmp(arg->value, "on") != 0
                            && strcmp(arg->value, "off") != 0))
            return vmsd_fail(error, size, "'facts' takes on or off: facts=off");
        opts->facts = strcmp(arg->value, "on") == 0;
        return true;
    }
    if (strcmp(arg->key, "facts-dir") == 0) {
        if (!arg->value || !*arg->value)
            return vmsd_fail(error, size,
                        "'facts-dir' needs a directory: facts-dir=DIR");
        opts->facts_dir = arg->value;
        return true;
    }
    if (strcmp(arg->key, "marker-field") == 0) {
        if (!arg->value || !*arg->value)
            return vmsd_fail(error, size,
                        "'marker-field' needs a member name: marker-field=NAME");
        opts->marker_field = arg->value;
        return true;
    }
    if (strcmp(arg->key, "db") == 0) {
        if (!arg->value || !*arg->value)
            return vmsd_fail(error, size, "'db' needs a file: db=FILE");
        opts->db_paths = vmsd_xrealloc(opts->db_paths,
                                       (opts->n_db_paths + 1)
                                       * sizeof *opts->db_paths);
        opts->db_paths[opts->n_db_paths++] = arg->value;
        return true;
    }
    if (vmsd_rule_from_id(arg->key, &rule) && rule < VMSD_FIRST_PROGRAM_RULE) {
        if (!arg->value
            || !vmsd_severity_from_name(arg->value, &opts->severity[rule]))
            return vmsd_fail(error, size, "'%s' takes error, warning or off: "
                        "%s=error", arg->key, arg->key);
        return true;
    }
    char keys[512];
    list_keys(keys, sizeof keys);
    return vmsd_fail(error, size, "unknown argument '%s' (valid: %s)", arg->key,
                keys);
}

bool vmsd_options_parse(struct vmsd_options *opts, const struct vmsd_arg *args,
                        size_t n_args, char *error, size_t error_size)
{
    memset(opts, 0, sizeof *opts);
    opts->facts = true;
    opts->marker_field = VMSD_DEFAULT_MARKER_FIELD;
    struct vmsd_check_config defaults;
    vmsd_check_config_init(&defaults);
    memcpy(opts->severity, defaults.severity, sizeof opts->severity);
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
    char keys[512];
    list_keys(keys, sizeof keys);
    fputs("vmsdcheck: checks the names of QEMU migration subsections\n"
          "  -fplugin-arg-vmsdcheck-db=FILE    allowlist of legacy names "
          "(JSON); may repeat\n"
          "  -fplugin-arg-vmsdcheck-RULE=SEV   SEV is error, warning (the "
          "default) or off\n"
          "  -fplugin-arg-vmsdcheck-facts=off  no facts section in the "
          "object\n"
          "  -fplugin-arg-vmsdcheck-facts-dir=DIR  facts files there too "
          "(for -fsyntax-only)\n"
          "  -fplugin-arg-vmsdcheck-marker-field=NAME  the member that marks "
          "legacy names\n"
          "                                    (default: "
          VMSD_DEFAULT_MARKER_FIELD ")\n"
          "  -fplugin-arg-vmsdcheck-help       this text\n", out);
    /* The keys less the others: the rules. */
    fprintf(out, "  RULE is one of: %s\n",
            keys + strlen("db, facts, facts-dir, help, marker-field, "));
    fputs("  -Werror makes the warnings errors\n", out);
}
