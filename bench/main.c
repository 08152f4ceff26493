/* bench: the plugin's cost (bench.h says how; the option table below
 * and docs/benchmarks.md say how to run it).
 *
 * Exit status: 0 after a complete benchmark, 1 when a compile fails
 * (its output is shown) or the runner cannot work, 2 on a usage error
 * or when counting lacks valgrind's cachegrind.
 */
#define _DEFAULT_SOURCE         /* realpath */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>

const char *const variant_names[2] = { "without", "with" };

/* What parsing the command line keeps between options. */
struct parse {
    struct bench *b;
    const char *compdb;         /* the last --compdb */
};

/* What an option does with its value. */
enum option_kind {
    HEADING,                    /* not an option: a heading of the help */
    HELP,                       /* print the help */
    SET_STRING,                 /* the value into a const char * field */
    CLEAR_FLAG,                 /* no value; a bool field set false */
    SET_COUNT,                  /* a count from MIN to MAX_RUNS into an
                                   int field */
    CALL,                       /* APPLY does the rest */
};

/* An option of the table below: NAME, its VALUE's name in the help (NULL
 * for a flag), HELP (lines after the first indented), and what it does:
 * KIND, with the FIELD of struct bench it sets, or APPLY, which returns
 * 0 or the exit status of a usage error. */
struct option {
    const char *name;
    const char *value;
    const char *help;
    enum option_kind kind;
    size_t field;
    int min;
    int (*apply)(struct parse *p, const char *val);
};

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

static int apply_unit(struct parse *p, const char *val)
{
    add_unit(p->b)->source = vmsd_strdup(val);
    return 0;
}

static int apply_cflags(struct parse *p, const char *val)
{
    struct bench *b = p->b;
    struct unit *last = b->n_units ? &b->units[b->n_units - 1] : NULL;
    if (!last || !last->source)
        return usage_error("--cflags must follow a --unit");
    if (last->cflags)
        return usage_error("--unit %s has two --cflags", last->source);
    last->cflags = vmsd_strdup(val);
    return 0;
}

static int apply_compdb(struct parse *p, const char *val)
{
    p->compdb = val;
    return 0;
}

static int apply_file(struct parse *p, const char *val)
{
    if (!p->compdb)
        return usage_error("--file %s needs a --compdb before it", val);
    if (!*val)
        return usage_error("--file needs a non-empty suffix");
    struct unit *u = add_unit(p->b);
    u->compdb = vmsd_strdup(p->compdb);
    u->suffix = vmsd_strdup(val);
    u->from_compdb = true;
    return 0;
}

static int apply_plugin_arg(struct parse *p, const char *val)
{
    strvec_push(&p->b->plugin_arg_specs, vmsd_strdup(val));
    return 0;
}

#define STRINGIFY(x) #x
#define STRING(x) STRINGIFY(x)
#define FIELD(name) offsetof(struct bench, name)

static const struct option options[] = {
    { NULL, NULL, "Units (any number, in order):", HEADING, 0, 0, NULL },
    { "--unit", "FILE.c", "compile FILE.c with CC CFLAGS -c FILE.c -o TMP",
      CALL, 0, 0, apply_unit },
    { "--cflags", "\"FLAGS\"", "the flags of the preceding --unit",
      CALL, 0, 0, apply_cflags },
    { "--compdb", "FILE.json", "a compilation database for the --file "
      "options\nafter it", CALL, 0, 0, apply_compdb },
    { "--file", "SUFFIX", "the first entry of the last --compdb whose "
      "\"file\"\nends with SUFFIX (at a '/'), compiled in its\n"
      "\"directory\", without -MD/-MMD/-MP/-MF/-MQ/-MT,\nwith the object "
      "written to a temporary directory", CALL, 0, 0, apply_file },
    { NULL, NULL, "Instructions of cc1 and as (the pair at once, under "
      "cachegrind):", HEADING, 0, 0, NULL },
    { "--no-count", NULL, "do not count them", CLEAR_FLAG, FIELD(count), 0,
      NULL },
    { "--valgrind", "PROGRAM", "valgrind (default: valgrind, in PATH)",
      SET_STRING, FIELD(valgrind), 0, NULL },
    { "--layouts", "N", "count the pair under N heap layouts (default 1,\n"
      "at most " STRING(MAX_LAYOUTS) "): the first as given, the Kth with\n"
      "-D" LAYOUT_MACRO "= and 9(K-1) letters; the\nlayout of the median "
      "growth is reported", SET_COUNT, FIELD(layouts), 1, NULL },
    { NULL, NULL, "CPU time and peak memory (the pair interleaved, one at "
      "a time):", HEADING, 0, 0, NULL },
    { "--no-time", NULL, "do not time the compiles", CLEAR_FLAG, FIELD(time),
      0, NULL },
    { "--runs", "N", "timed iterations per unit (default "
      STRING(DEFAULT_RUNS) ")", SET_COUNT, FIELD(runs), 1, NULL },
    { "--compdb-runs", "N", "timed iterations per --file unit (default: "
      "--runs)", SET_COUNT, FIELD(compdb_runs), 1, NULL },
    { "--warmup", "N", "untimed iterations before them (default 1)",
      SET_COUNT, FIELD(warmup), 0, NULL },
    { NULL, NULL, "Options:", HEADING, 0, 0, NULL },
    { "--plugin", "PATH", "the plugin (default: plugin/vmsdcheck.so)",
      SET_STRING, FIELD(plugin), 0, NULL },
    { "--plugin-arg", "ARG", "pass -fplugin-arg-NAME-ARG (NAME: the "
      "plugin's\nfile name without .so); repeatable", CALL, 0, 0,
      apply_plugin_arg },
    { "--cc", "\"CC\"", "the compiler for --unit (default: $CC, or gcc)",
      SET_STRING, FIELD(cc), 0, NULL },
    { "--help", NULL, "this text (also -h)", HELP, 0, 0, NULL },
};

#define N_OPTIONS (sizeof options / sizeof *options)
#define HELP_COLUMN 26

/* O's help, its name in the first column. */
static void print_option(FILE *out, const struct option *o)
{
    int used = fprintf(out, "  %s%s%s", o->name, o->value ? " " : "",
                       o->value ? o->value : "");
    for (const char *line = o->help; *line; ) {
        size_t len = strcspn(line, "\n");
        int pad = used < HELP_COLUMN ? HELP_COLUMN - used : 1;
        fprintf(out, "%*s%.*s\n", pad, "", (int)len, line);
        used = 0;
        line += len + (line[len] == '\n');
    }
}

static void usage(FILE *out)
{
    fputs("usage: bench [OPTION]... UNIT...\n"
          "Compile each UNIT without and with a GCC plugin, side by side, "
          "and report\nthe instructions of both compiles, the median "
          "ratio of their CPU time\n(with/without), and the peak memory "
          "of both.\n", out);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (options[i].kind == HEADING)
            fprintf(out, "\n%s\n", options[i].help);
        else
            print_option(out, &options[i]);
    }
    fputs("\nExit status: 0 when every compile succeeded, 1 when one "
          "failed, 2 on a\nusage error or when counting lacks valgrind.\n",
          out);
}

static const struct option *find_option(const char *name)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (options[i].name && strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
}

/* Option O given VAL; 0, or the exit status of a usage error. */
static int apply_option(struct parse *p, const struct option *o,
                        const char *val)
{
    char *field = (char *)p->b + o->field;
    long v;
    switch (o->kind) {
    case SET_STRING:
        *(const char **)field = val;
        return 0;
    case CLEAR_FLAG:
        *(bool *)field = false;
        return 0;
    case SET_COUNT:
        if (!parse_count(val, o->min, MAX_RUNS, &v))
            return usage_error("%s takes a number from %d to %d, not '%s'",
                               o->name, o->min, MAX_RUNS, val);
        *(int *)field = (int)v;
        return 0;
    case CALL:
        return o->apply(p, val);
    case HEADING:
    case HELP:
        break;
    }
    return 0;
}

/* The command line into B; -1 to go on, else the exit status. */
static int parse_arguments(struct bench *b, int argc, char **argv)
{
    struct parse p = { .b = b };
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        const struct option *o = find_option(strcmp(opt, "-h") == 0
                                             ? "--help" : opt);
        if (!o)
            return usage_error("unknown argument '%s'", opt);
        if (o->kind == HELP) {
            usage(stdout);
            return 0;
        }
        if (o->value && i + 1 >= argc)
            return usage_error("%s needs a value", opt);
        int status = apply_option(&p, o, o->value ? argv[++i] : NULL);
        if (status)
            return status;
    }
    if (b->n_units == 0)
        return usage_error("nothing to compile: give --unit or --compdb "
                           "with --file");
    if (!b->count && !b->time)
        return usage_error("--no-count and --no-time: nothing to measure");
    if (b->layouts > MAX_LAYOUTS)
        return usage_error("--layouts takes a number from 1 to %d",
                           MAX_LAYOUTS);
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
    b->plugin_name = name;
    strvec_push(&b->plugin_args,
                vmsd_format(NULL, "-fplugin=%s", b->plugin_path));
    for (size_t i = 0; i < b->plugin_arg_specs.n; i++) {
        const char *a = b->plugin_arg_specs.v[i];
        strvec_push(&b->plugin_args, starts_with(a, "-fplugin-arg-")
                    ? vmsd_strdup(a)
                    : vmsd_format(NULL, "-fplugin-arg-%s-%s", name, a));
    }
    return true;
}

static void free_bench(struct bench *b)
{
    remove_temporaries(&b->temp);
    free_units(b);
    free(b->plugin_path);
    free(b->plugin_name);
    strvec_free(&b->plugin_args);
    strvec_free(&b->plugin_arg_specs);
}

/* A compile's peak memory follows where the kernel puts the heap and
 * the mappings: with addresses randomized, the same compile's peak
 * moves by up to half a megabyte from one run to the next, a quarter of
 * the goal.  Every command bench runs inherits its persona, so with
 * randomization off each run of a compile has the same layout and the
 * two variants' peaks differ by the plugin.  (cachegrind's counts do
 * not depend on it: valgrind lays out memory itself.) */
static void fix_addresses(struct bench *b)
{
    int persona = personality(0xffffffff);
    if (persona == -1 || personality((unsigned long)persona
                                     | ADDR_NO_RANDOMIZE) == -1)
        b->randomized = strerror(errno);
}

int main(int argc, char **argv)
{
    struct bench b = {
        .plugin = "plugin/vmsdcheck.so",
        .cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "gcc",
        .valgrind = "valgrind",
        .count = true,
        .time = true,
        .runs = DEFAULT_RUNS,
        .compdb_runs = -1,
        .warmup = 1,
        .layouts = 1,
    };

    int status = parse_arguments(&b, argc, argv);      /* -1: go on */
    if (status < 0 && !make_plugin_args(&b))
        status = 2;
    if (status < 0 && b.count && !check_cachegrind(b.valgrind))
        status = 2;
    if (status < 0 && b.time)
        fix_addresses(&b);
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
