/* bench: the plugin's cost as a ratio (bench.h says how; usage() below
 * and docs/benchmarks.md say how to run it).
 *
 * Exit status: 0 after a complete benchmark, 1 when a compile fails
 * (its output is shown) or the runner cannot work, 2 on a usage error.
 */
#define _DEFAULT_SOURCE         /* realpath */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const variant_names[2] = { "without", "with" };

static void usage(FILE *out)
{
    fprintf(out,
"usage: bench [OPTION]... UNIT...\n"
"Compile each UNIT without and with a GCC plugin, interleaved, and report\n"
"the median ratio of CPU time (with/without) and the peak memory of both.\n"
"\n"
"Units (any number, in order):\n"
"  --unit FILE.c           compile FILE.c with CC CFLAGS -c FILE.c -o TMP\n"
"  --cflags \"FLAGS\"        the flags of the preceding --unit\n"
"  --compdb FILE.json      a compilation database for the --file options\n"
"                          after it\n"
"  --file SUFFIX           the first entry of the last --compdb whose \"file\"\n"
"                          ends with SUFFIX (at a '/'), compiled in its\n"
"                          \"directory\", without -MD/-MMD/-MP/-MF/-MQ/-MT,\n"
"                          with the object written to a temporary directory\n"
"Options:\n"
"  --plugin PATH           the plugin (default: plugin/vmsdcheck.so)\n"
"  --plugin-arg ARG        pass -fplugin-arg-NAME-ARG (NAME: the plugin's\n"
"                          file name without .so); repeatable\n"
"  --runs N                timed iterations per unit (default %d)\n"
"  --compdb-runs N         timed iterations per --file unit (default: --runs)\n"
"  --warmup N              untimed iterations before them (default 1)\n"
"  --cc \"CC\"               the compiler for --unit (default: $CC, or gcc)\n"
"  --help                  this text\n"
"Exit status: 0 when every compile succeeded, 1 when one failed, 2 on a\n"
"usage error.\n", DEFAULT_RUNS);
}

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'bench --help'.\n", stderr);
    return 2;
}

/* OPT's value VAL, a count from MIN to MAX_RUNS, into *OUT; 0, or the
 * exit status of a usage error. */
static int count_option(const char *opt, const char *val, int min, int *out)
{
    long v;
    if (!parse_count(val, min, MAX_RUNS, &v))
        return usage_error("%s takes a number from %d to %d, not '%s'",
                           opt, min, MAX_RUNS, val);
    *out = (int)v;
    return 0;
}

/* The command line into B; -1 to go on, else the exit status. */
static int parse_arguments(struct bench *b, int argc, char **argv)
{
    static const char *const with_value[] = {
        "--unit", "--cflags", "--compdb", "--file", "--plugin",
        "--plugin-arg", "--runs", "--compdb-runs", "--warmup", "--cc",
    };
    const char *compdb = NULL;

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        bool known = false;
        for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++)
            known |= strcmp(opt, with_value[k]) == 0;
        if (!known)
            return usage_error("unknown argument '%s'", opt);
        if (i + 1 >= argc)
            return usage_error("%s needs a value", opt);
        const char *val = argv[++i];
        int status = 0;

        if (strcmp(opt, "--unit") == 0) {
            add_unit(b)->source = vmsd_strdup(val);
        } else if (strcmp(opt, "--cflags") == 0) {
            struct unit *last = b->n_units ? &b->units[b->n_units - 1]
                                           : NULL;
            if (!last || !last->source)
                return usage_error("--cflags must follow a --unit");
            if (last->cflags)
                return usage_error("--unit %s has two --cflags",
                                   last->source);
            last->cflags = vmsd_strdup(val);
        } else if (strcmp(opt, "--compdb") == 0) {
            compdb = val;
        } else if (strcmp(opt, "--file") == 0) {
            if (!compdb)
                return usage_error("--file %s needs a --compdb before it",
                                   val);
            if (!*val)
                return usage_error("--file needs a non-empty suffix");
            struct unit *u = add_unit(b);
            u->compdb = vmsd_strdup(compdb);
            u->suffix = vmsd_strdup(val);
            u->from_compdb = true;
        } else if (strcmp(opt, "--plugin") == 0) {
            b->plugin = val;
        } else if (strcmp(opt, "--plugin-arg") == 0) {
            strvec_push(&b->plugin_arg_specs, vmsd_strdup(val));
        } else if (strcmp(opt, "--runs") == 0) {
            status = count_option(opt, val, 1, &b->runs);
        } else if (strcmp(opt, "--compdb-runs") == 0) {
            status = count_option(opt, val, 1, &b->compdb_runs);
        } else if (strcmp(opt, "--warmup") == 0) {
            status = count_option(opt, val, 0, &b->warmup);
        } else if (strcmp(opt, "--cc") == 0) {
            b->cc = val;
        }
        if (status)
            return status;
    }
    if (b->n_units == 0)
        return usage_error("nothing to compile: give --unit or --compdb "
                           "with --file");
    return -1;
}

/* The plugin by absolute path (compdb units run in other directories),
 * and its arguments as GCC takes them; false with a message. */
static bool make_plugin_args(struct bench *b)
{
    b->plugin_path = realpath(b->plugin, NULL);
    if (!b->plugin_path) {
        fprintf(stderr, "bench: the plugin %s: %s\n", b->plugin,
                strerror(errno));
        return false;
    }
    /* -fplugin-arg-NAME-: NAME is the file's name without .so.
     * vmsd_format: the style matters only to %q. */
    char *name = vmsd_strdup(strrchr(b->plugin_path, '/') + 1);
    size_t name_len = strlen(name);
    if (name_len > 3 && strcmp(name + name_len - 3, ".so") == 0)
        name[name_len - 3] = '\0';
    strvec_push(&b->plugin_args,
                vmsd_format(NULL, "-fplugin=%s", b->plugin_path));
    for (size_t i = 0; i < b->plugin_arg_specs.n; i++) {
        const char *a = b->plugin_arg_specs.v[i];
        strvec_push(&b->plugin_args, starts_with(a, "-fplugin-arg-")
                    ? vmsd_strdup(a)
                    : vmsd_format(NULL, "-fplugin-arg-%s-%s", name, a));
    }
    free(name);
    return true;
}

static void free_bench(struct bench *b)
{
    remove_temporaries(&b->temp);
    free_units(b);
    free(b->plugin_path);
    strvec_free(&b->plugin_args);
    strvec_free(&b->plugin_arg_specs);
}

int main(int argc, char **argv)
{
    struct bench b = {
        .plugin = "plugin/vmsdcheck.so",
        .cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "gcc",
        .runs = DEFAULT_RUNS,
        .compdb_runs = -1,
        .warmup = 1,
    };

    int status = parse_arguments(&b, argc, argv);      /* -1: go on */
    if (status < 0 && !make_plugin_args(&b))
        status = 2;
    if (status < 0 && !(make_temporaries(&b.temp) && build_units(&b)))
        status = 1;
    for (size_t i = 0; status < 0 && i < b.n_units; i++)
        if (!bench_unit(&b, &b.units[i]))
            status = 1;
    if (status < 0) {
        report_summary(&b);
        status = 0;
    }
    free_bench(&b);
    return status;
}
