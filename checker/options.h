/* The plugin's arguments, -fplugin-arg-vmsdcheck-KEY[=VALUE], checked
 * strictly: an unknown key or a bad value is an error. */
#ifndef VMSDCHECK_OPTIONS_H
#define VMSDCHECK_OPTIONS_H

#include "rules.h"

#include <stdio.h>

struct vmsd_arg {
    const char *key;
    const char *value;          /* NULL when given without '=' */
};

/* Everything the arguments set, used as it is by the plugin. */
struct vmsd_options {
    /* The severities and the descriptions' legacy-name marker member;
     * the plugin sets the rest (how to read the allowlists, quotes). */
    struct vmsd_check_config config;
    const char **db_paths;      /* point into the arguments */
    size_t n_db_paths;
    bool facts;                 /* facts into the object (default on) */
    const char *facts_dir;      /* and/or into files there */
    bool help;
};

/* Fill 'opts' from the arguments; on a bad one, 'error' says which and
 * what is valid, and the result is false.  Free with vmsd_options_free. */
bool vmsd_options_parse(struct vmsd_options *opts, const struct vmsd_arg *args,
                        size_t n_args, char *error, size_t error_size);
void vmsd_options_free(struct vmsd_options *opts);

/* The text of -fplugin-arg-vmsdcheck-help. */
void vmsd_options_print_help(FILE *out);

#endif
