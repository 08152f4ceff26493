/* vmsdcheck: the whole-program checker.  Reads the facts the plugin left
 * in objects and binaries, builds each program's description graph, runs
 * every rule on it (and those only a whole program or a base can decide),
 * and writes the allowlist a build needs.
 *
 * One table lists the commands, one the options (it prints the help);
 * each command is one cmd_* function. */
#define _POSIX_C_SOURCE 200809L
#include "baseline.h"
#include "build-programs.h"
#include "coverage.h"
#include "containment.h"
#include "db.h"
#include "graph.h"
#include "inputs.h"
#include "machine-report.h"
#include "memory.h"
#include "paths.h"
#include "program.h"
#include "report.h"
#include "retire.h"

#include "../checker/arena.h"
#include "../checker/compatdb.h"
#include "../checker/whole-file.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* The commands, in the order of the help; each one's bit in an option's
 * 'commands' says that it takes the option. */
enum command_id {
    CMD_CHECK, CMD_DB_GENERATE, CMD_DB_CHECK, CMD_DB_RETIRE, CMD_GRAPH,
    CMD_DUMP_VMSTATE, CMD_COVERAGE, CMD_MACHINES, CMD_CONTAINMENT,
    N_COMMANDS
};
#define WITH(command) (1u << (command))
#define ALL_COMMANDS ((1u << N_COMMANDS) - 1)

struct settings {
    enum command_id command;
    bool command_named;                 /* given, not check by default */
    struct vmsd_check_config config;
    struct vmsd_compatdb db;
    bool have_db;
    enum report_format format;
    const char *output;
    const char *baseline;
    char **pairs;                       /* BASE=PROGRAM, for db check */
    size_t n_pairs;
    const char *reason;
    const char *history;                /* db generate: a git repository */
    struct retire_policy policy;        /* db retire */
    char **provenance;                  /* KEY=VALUE, for db generate */
    size_t n_provenance;
    const char *root;
    const char *machine;
    char *source_root;                  /* absolute, or NULL */
    enum vmsd_severity fail_on;         /* VMSD_OFF: never */
    int progress;                       /* -1: when there are many inputs */
    int jobs;                           /* programs built at once; 0: a
                                           processor each */
    char **inputs;
    size_t n_inputs;
};

/* What every command starts from: the inputs read, built into programs,
 * and checked. */
struct run {
    struct input_set set;
    struct program *programs;
    struct baseline base;
    bool have_base;
    bool *inapplicable;
    struct report report;
    struct vmsd_gate_counts compared;
};

/* Commands */

struct command {
    const char *words;                  /* "db check" */
    int (*fn)(struct settings *s);
    const char *usage;
    const char *summary;
};

static int cmd_check(struct settings *s);
static int cmd_db_generate(struct settings *s);
static int cmd_db_check(struct settings *s);
static int cmd_graph(struct settings *s);
static int cmd_dump_vmstate(struct settings *s);
static int cmd_coverage(struct settings *s);
static int cmd_db_retire(struct settings *s);
static int cmd_containment(struct settings *s);
static int cmd_machines(struct settings *s);

static const struct command commands[N_COMMANDS] = {
    [CMD_CHECK] = { "check", cmd_check, "[check] [OPTION]... INPUT...",
      "report every finding (the default command)" },
    [CMD_DB_GENERATE] = { "db generate", cmd_db_generate,
      "db generate [OPTION]... INPUT...",
      "write the allowlist the inputs need that the lower --db layers do "
      "not give; entries of the last --db keep their reasons" },
    [CMD_DB_CHECK] = { "db check", cmd_db_check,
      "db check [--db FILE] [--baseline BASE.json [--pair BASE=PROGRAM]...] "
      "[--direction DIR] [OPTION]... INPUT...",
      "the pre-merge gate: compare with the --baseline report and fail "
      "on what breaks migration, forward (the change loads the base's "
      "stream: a section, subsection or device type's description renamed "
      "or removed, a version lowered, a minimum version raised, a field "
      "removed, added, moved or resized) and backward (the base loads the "
      "change's stream: a version raised, a section, subsection or field "
      "added, a subsection that lost its needed function), and on findings "
      "the base does not have, stale allowlist entries included" },
    [CMD_DB_RETIRE] = { "db retire", cmd_db_retire,
      "db retire --db FILE [--first-release X.Y] [--format json] "
      "[OPTION]... [INPUT]...",
      "when each legacy name of the allowlist can go under QEMU's policy "
      "for versioned machine types: tied to a compat property in the first "
      "release, kept by the machine types before it, and gone when the "
      "newest of those is deleted; given programs, the machine types that "
      "still send a name a device property selects" },
    [CMD_GRAPH] = { "graph", cmd_graph,
      "graph [--root NAME] [OPTION]... INPUT...",
      "the description graph of one program as Graphviz dot, findings in "
      "red" },
    [CMD_DUMP_VMSTATE] = { "dump-vmstate", cmd_dump_vmstate,
      "dump-vmstate [--machine NAME] [-o FILE] PROGRAM",
      "every device type of one program and its description, as QEMU's "
      "-dump-vmstate writes them (for scripts/vmstate-static-checker.py)" },
    [CMD_COVERAGE] = { "coverage", cmd_coverage,
      "coverage [--source-root DIR] [OPTION]... INPUT...",
      "the C units of each program and whether each carries facts; with "
      "--source-root, the C files under DIR that define a "
      "VMStateDescription and are in none of the programs" },
    [CMD_MACHINES] = { "machines", cmd_machines,
      "machines [--machine NAME] [--format text|json] [-o FILE] INPUT...",
      "each program's machine types: version, status under the tree's "
      "deprecation and deletion policy, alias, and how many compat "
      "properties each gets; with --machine, that machine's properties" },
    [CMD_CONTAINMENT] = { "containment", cmd_containment,
      "containment [-o FILE] PROGRAM",
      "every device type of one program and the machine types that can "
      "contain it: a versioned one, the unversioned ones, or none" },
};

/* Options: one row each.  Most set a member of the settings from their
 * argument; the rest call a function that takes the argument. */

enum option_kind {
    OPTION_STRING,                      /* const char *: the argument */
    OPTION_COUNT,                       /* int: the argument, 1 to 100 */
    OPTION_ON,                          /* int: 1 */
    OPTION_OFF,                         /* int: 0 */
    OPTION_CALL,                        /* 'take' */
};

struct option_row {
    const char *name;
    char short_name;                    /* '\0': none */
    const char *arg;                    /* its argument's name, or NULL */
    enum option_kind kind;
    size_t member;                      /* offsetof(struct settings, ...) */
    int (*take)(struct settings *s, const char *arg);
    unsigned commands;                  /* WITH(CMD_...) | ... */
    const char *help;
};

#define SET(kind, member) kind, offsetof(struct settings, member), NULL
#define CALL(fn) OPTION_CALL, 0, fn

static int take_db(struct settings *s, const char *arg);
static int take_format(struct settings *s, const char *arg);
static int take_source_root(struct settings *s, const char *arg);
static int take_severity(struct settings *s, const char *arg);
static int take_fail_on(struct settings *s, const char *arg);
static int take_direction(struct settings *s, const char *arg);
static int take_pair(struct settings *s, const char *arg);
static int take_provenance(struct settings *s, const char *arg);
static int take_first_release(struct settings *s, const char *arg);
static int take_help(struct settings *s, const char *arg);
static int take_version(struct settings *s, const char *arg);
static int take_print_plugin_path(struct settings *s, const char *arg);

static const struct option_row option_rows[] = {
    { "db", 0, "FILE", CALL(take_db), ALL_COMMANDS,
      "an allowlist (compat database); may repeat: later files layer over "
      "earlier ones" },
    { "format", 0, "FORMAT", CALL(take_format), ALL_COMMANDS,
      "text (the default), json, sarif or gitlab (Code Quality)" },
    { "output", 'o', "FILE", SET(OPTION_STRING, output), ALL_COMMANDS,
      "write there, whole or not at all, not to stdout" },
    { "source-root", 0, "DIR", CALL(take_source_root), ALL_COMMANDS,
      "name files relative to DIR (SARIF: under %SRCROOT%); coverage and "
      "db generate: also find the C files under DIR that define a "
      "VMStateDescription and are in none of the programs" },
    { "severity", 0, "RULE=SEV", CALL(take_severity), ALL_COMMANDS,
      "SEV is error, warning or off; may repeat" },
    { "fail-on", 0, "LEVEL", CALL(take_fail_on), ALL_COMMANDS,
      "exit 1 on a finding of at least LEVEL: warning (the default), "
      "error, or never" },
    { "baseline", 0, "FILE", SET(OPTION_STRING, baseline),
      WITH(CMD_DB_CHECK),
      "db check: the base build's JSON report (vmsdcheck --format json "
      "--fail-on never -o FILE ...)" },
    { "direction", 0, "DIR", CALL(take_direction), WITH(CMD_DB_CHECK),
      "db check: forward (the change loads what the base sends), backward "
      "(the base loads what the change sends) or both, the default" },
    { "pair", 0, "BASE=PROGRAM", CALL(take_pair), WITH(CMD_DB_CHECK),
      "db check: compare PROGRAM with the base's program BASE; may repeat "
      "(programs pair by name, else by last path part, else one with one "
      "when the program has 90 % of the base's description names; else "
      "exit 2)" },
    { "reason", 0, "TEXT", SET(OPTION_STRING, reason),
      WITH(CMD_DB_GENERATE), "db generate: the reason of new entries" },
    { "provenance", 0, "KEY=VALUE", CALL(take_provenance),
      WITH(CMD_DB_GENERATE),
      "db generate: set KEY of the provenance; may repeat" },
    { "history", 0, "DIR", SET(OPTION_STRING, history),
      WITH(CMD_DB_GENERATE),
      "db generate: give each entry the release it shipped in (since), the "
      "oldest release of the git repository DIR (tags vX.Y.0, else commits "
      "setting VERSION) with the name as a string in a .c file" },
    { "first-release", 0, "X.Y", CALL(take_first_release),
      WITH(CMD_DB_RETIRE),
      "db retire: the first release that can tie the names to a compat "
      "property (default: the one after the allowlist's released)" },
    { "deletion-majors", 0, "N",
      SET(OPTION_COUNT, policy.deletion_majors), WITH(CMD_DB_RETIRE),
      "db retire: major releases after which a machine type is deleted "
      "(QEMU's MACHINE_VER_DELETION_MAJOR, 6)" },
    { "deprecation-majors", 0, "N",
      SET(OPTION_COUNT, policy.deprecation_majors), WITH(CMD_DB_RETIRE),
      "db retire: major releases after which a machine type is deprecated "
      "(MACHINE_VER_DEPRECATION_MAJOR, 3)" },
    { "releases-per-major", 0, "N",
      SET(OPTION_COUNT, policy.releases_per_major), WITH(CMD_DB_RETIRE),
      "db retire: releases of one major version, X.0 to X.(N-1) (3)" },
    { "root", 0, "NAME", SET(OPTION_STRING, root), WITH(CMD_GRAPH),
      "graph: only what this description (a name or a symbol) loads" },
    { "machine", 0, "NAME", SET(OPTION_STRING, machine),
      WITH(CMD_DUMP_VMSTATE) | WITH(CMD_MACHINES),
      "dump-vmstate: the machine (a name or alias of one of the program's "
      "machine types) whose name the vmschkmachine entry gives (default: "
      "static; the dump does not depend on it); machines: list that "
      "machine's compat properties" },
    { "marker-field", 0, "NAME", SET(OPTION_STRING, config.marker_field),
      ALL_COMMANDS,
      "the marker member's name in messages, as given to the plugin "
      "(default: " VMSD_DEFAULT_MARKER_FIELD ")" },
    { "jobs", 'j', "N", SET(OPTION_COUNT, jobs), ALL_COMMANDS,
      "build at most N programs at once, each on a thread (default: as "
      "many as there are processors)" },
    { "progress", 0, NULL, SET(OPTION_ON, progress), ALL_COMMANDS,
      "count inputs read on stderr (the default when there are more than "
      "100)" },
    { "no-progress", 0, NULL, SET(OPTION_OFF, progress), ALL_COMMANDS,
      "do not" },
    { "help", 'h', NULL, CALL(take_help), ALL_COMMANDS,
      "this text (after a command: that command's options)" },
    { "version", 0, NULL, CALL(take_version), ALL_COMMANDS,
      "vmsdcheck's version" },
    { "print-plugin-path", 0, NULL, CALL(take_print_plugin_path),
      ALL_COMMANDS, "the full path of vmsdcheck.so as make install puts it "
      "(for gcc -fplugin=)" },
};
#define N_OPTIONS (sizeof option_rows / sizeof *option_rows)

/* "  LEFT TEXT", TEXT wrapped at 79 columns under its first column. */
static void put_entry(FILE *out, int width, const char *left,
                      const char *text)
{
    int column = fprintf(out, "  %-*s", width, left);
    int indent = width + 3;
    while (*text) {
        size_t word = strcspn(text, " ");
        if (column > indent - 1 && column + 1 + (int)word > 79)
            column = fprintf(out, "\n%*s", indent, "") - 1;
        else
            column += fprintf(out, " ");
        column += fprintf(out, "%.*s", (int)word, text);
        text += word + (text[word] == ' ');
    }
    fputc('\n', out);
}

/* The options COMMANDS (a mask) take, one entry each. */
static void put_options(FILE *out, unsigned commands_mask)
{
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const struct option_row *o = &option_rows[i];
        if (!(o->commands & commands_mask))
            continue;
        char left[64];
        int n = o->short_name
                ? snprintf(left, sizeof left, "-%c, ", o->short_name) : 0;
        snprintf(left + n, sizeof left - (size_t)n, "--%s%s%s", o->name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
        put_entry(out, 24, left, o->help);
    }
}

static void usage(FILE *out)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "%s vmsdcheck %s\n", i ? "      " : "usage:",
                commands[i].usage);
    fputs("\nChecks QEMU migration state descriptions across whole programs, "
          "from the\nfacts the vmsdcheck GCC plugin leaves in every object "
          "it compiles.\n\nINPUT is a linked program or shared object (each "
          "is checked as a program\nof its own), or objects, static "
          "archives, facts files and facts directories\n(all of those "
          "together are one program).\n\n", out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        put_entry(out, 13, commands[i].words, commands[i].summary);
    fputs("\nOptions:\n", out);
    put_options(out, ALL_COMMANDS);
    fputs("\nRules:\n", out);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        put_entry(out, 22, vmsd_rule_id((enum vmsd_rule)r),
                  vmsd_rule_summary((enum vmsd_rule)r));
    fputs("\nExit status: 0 clean (db check: nothing breaks migration, no "
          "finding is new),\n1 findings at or above --fail-on (db check: a "
          "break or a new finding;\ncoverage: a unit without facts, or a file "
          "in no program),\n2 bad usage, an input that is "
          "unreadable or carries no facts, or (db check)\na baseline that "
          "cannot be used or whose programs do not pair with the inputs.\n",
          out);
}

/* vmsdcheck COMMAND --help: what it does and the options it takes. */
static void command_usage(FILE *out, enum command_id command)
{
    fprintf(out, "usage: vmsdcheck %s\n\n", commands[command].usage);
    put_entry(out, 13, commands[command].words, commands[command].summary);
    fputs("\nOptions:\n", out);
    put_options(out, WITH(command));
    fputs("\nvmsdcheck --help: every command, the rules and the exit "
          "statuses.\n", out);
}

static int bad_usage(const char *fmt, const char *what)
{
    fputs("vmsdcheck: ", stderr);
    fprintf(stderr, fmt, what);
    fputs("\nTry 'vmsdcheck --help'.\n", stderr);
    return EXIT_USAGE;
}

/* "--NAME goes with A, B or C", the commands that take it. */
static int not_taken(const struct option_row *o)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < N_COMMANDS; i++)
        n += (o->commands & WITH(i)) != 0;
    fprintf(stderr, "vmsdcheck: --%s goes with", o->name);
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (o->commands & WITH(i))
            fprintf(stderr, "%s%s", k++ == 0 ? " " : k == n ? " or " : ", ",
                    commands[i].words);
    fputs("\nTry 'vmsdcheck --help'.\n", stderr);
    return EXIT_USAGE;
}

static int take_severity(struct settings *s, const char *arg)
{
    const char *eq = strchr(arg, '=');
    enum vmsd_rule rule;
    char id[64];
    if (!eq || (size_t)(eq - arg) >= sizeof id)
        return bad_usage("--severity takes RULE=SEV, not '%s'", arg);
    memcpy(id, arg, (size_t)(eq - arg));
    id[eq - arg] = '\0';
    if (!vmsd_rule_from_id(id, &rule))
        return bad_usage("no rule '%s'", id);
    if (!vmsd_severity_from_name(eq + 1, &s->config.severity[rule]))
        return bad_usage("a severity is error, warning or off, not '%s'",
                         eq + 1);
    return EXIT_CLEAN;
}

/* A policy number: 1 to 100. */
static int take_count(const struct option_row *o, const char *arg, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 100) {
        fprintf(stderr, "vmsdcheck: --%s is a number from 1 to 100, not "
                "'%s'\nTry 'vmsdcheck --help'.\n", o->name, arg);
        return EXIT_USAGE;
    }
    *out = (int)n;
    return EXIT_CLEAN;
}

static int take_format(struct settings *s, const char *arg)
{
    static const char *const names[] = {
        [REPORT_TEXT] = "text", [REPORT_JSON] = "json",
        [REPORT_SARIF] = "sarif", [REPORT_GITLAB] = "gitlab",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(arg, names[i]) == 0) {
            s->format = (enum report_format)i;
            return EXIT_CLEAN;
        }
    }
    return bad_usage("--format is text, json, sarif or gitlab, not '%s'",
                     arg);
}

static int take_db(struct settings *s, const char *arg)
{
    char error[1024];
    if (!vmsd_compatdb_load(&s->db, arg, error, sizeof error)) {
        fprintf(stderr, "vmsdcheck: cannot use allowlist %s\n", error);
        return EXIT_USAGE;
    }
    s->have_db = true;
    return EXIT_CLEAN;
}

static int take_source_root(struct settings *s, const char *arg)
{
    free(s->source_root);
    s->source_root = paths_root(arg);
    if (!s->source_root) {
        fprintf(stderr, "vmsdcheck: --source-root %s: %s\n", arg,
                strerror(errno));
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

static int take_fail_on(struct settings *s, const char *arg)
{
    if (strcmp(arg, "never") == 0)
        s->fail_on = VMSD_OFF;
    else if (strcmp(arg, "off") == 0
             || !vmsd_severity_from_name(arg, &s->fail_on))
        return bad_usage("--fail-on is warning, error or never, not '%s'",
                         arg);
    return EXIT_CLEAN;
}

static int take_direction(struct settings *s, const char *arg)
{
    if (!vmsd_direction_from_name(arg, &s->config.directions))
        return bad_usage("--direction is forward, backward or both, not "
                         "'%s'", arg);
    return EXIT_CLEAN;
}

static int take_pair(struct settings *s, const char *arg)
{
    if (!strchr(arg, '=') || arg[0] == '=' || !strchr(arg, '=')[1])
        return bad_usage("--pair takes BASE=PROGRAM, not '%s'", arg);
    s->pairs = vmsd_grow(s->pairs, s->n_pairs, sizeof *s->pairs);
    s->pairs[s->n_pairs++] = (char *)arg;
    return EXIT_CLEAN;
}

static int take_provenance(struct settings *s, const char *arg)
{
    if (!strchr(arg, '=') || arg[0] == '=')
        return bad_usage("--provenance takes KEY=VALUE, not '%s'", arg);
    s->provenance = vmsd_grow(s->provenance, s->n_provenance,
                              sizeof *s->provenance);
    s->provenance[s->n_provenance++] = (char *)arg;
    return EXIT_CLEAN;
}

static int take_first_release(struct settings *s, const char *arg)
{
    s->policy.have_first = vmsd_compatdb_release(
        arg, &s->policy.first.major, &s->policy.first.minor);
    return s->policy.have_first
           ? EXIT_CLEAN
           : bad_usage("--first-release is a release X.Y, not '%s'", arg);
}

static int take_help(struct settings *s, const char *arg)
{
    (void)arg;
    if (s->command_named)
        command_usage(stdout, s->command);
    else
        usage(stdout);
    exit(EXIT_CLEAN);
}

static int take_version(struct settings *s, const char *arg)
{
    (void)s, (void)arg;
    printf("vmsdcheck %s\n", VMSDCHECK_VERSION);
    exit(EXIT_CLEAN);
}

static int take_print_plugin_path(struct settings *s, const char *arg)
{
    (void)s, (void)arg;
    /* The Makefile's $(plugindir), as configure set it. */
    puts(VMSDCHECK_PLUGIN_PATH);
    exit(EXIT_CLEAN);
}

static int take_option(struct settings *s, const struct option_row *o,
                       const char *arg)
{
    void *member = (char *)s + o->member;
    if (!(o->commands & WITH(s->command)))
        return not_taken(o);
    switch (o->kind) {
    case OPTION_STRING:
        *(const char **)member = arg;
        return EXIT_CLEAN;
    case OPTION_COUNT:
        return take_count(o, arg, member);
    case OPTION_ON:
    case OPTION_OFF:
        *(int *)member = o->kind == OPTION_ON;
        return EXIT_CLEAN;
    case OPTION_CALL:
        return o->take(s, arg);
    }
    return EXIT_USAGE;
}

/* The command named by the first words of ARGV; *used gets how many. */
static enum command_id find_command(int argc, char **argv, int *used)
{
    for (size_t i = 0; i < N_COMMANDS; i++) {
        const char *w = commands[i].words;
        int n = 0;
        while (*w && n + 1 < argc) {
            size_t len = strcspn(w, " ");
            if (strlen(argv[n + 1]) != len || strncmp(argv[n + 1], w, len))
                break;
            n++;
            w += len + (w[len] == ' ');
        }
        if (!*w) {
            *used = n;
            return (enum command_id)i;
        }
    }
    *used = 0;
    return CMD_CHECK;
}

/* getopt_long's value for option row I: LONG_ONLY + I (a short name
 * comes back as itself). */
#define LONG_ONLY 256

static int parse_args(int argc, char **argv, struct settings *s)
{
    struct option options[N_OPTIONS + 1];
    char short_options[2 * N_OPTIONS + 1], *next = short_options;
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const struct option_row *o = &option_rows[i];
        options[i] = (struct option){ o->name,
                                      o->arg ? required_argument
                                             : no_argument,
                                      NULL, LONG_ONLY + (int)i };
        if (o->short_name) {
            *next++ = o->short_name;
            if (o->arg)
                *next++ = ':';
        }
    }
    options[N_OPTIONS] = (struct option){ NULL, 0, NULL, 0 };
    *next = '\0';

    int used, c, status;
    s->command = find_command(argc, argv, &used);
    s->command_named = used > 0;
    if (!used && argc > 1 && strcmp(argv[1], "db") == 0)
        return bad_usage("%s", argc > 2
                         ? "no such db command (db generate, db check, db retire)"
                         : "db generate, db check or db retire?");
    argc -= used;
    argv += used;
    while ((c = getopt_long(argc, argv, short_options, options, NULL)) != -1) {
        const struct option_row *o = NULL;
        if (c >= LONG_ONLY)
            o = &option_rows[c - LONG_ONLY];
        for (size_t i = 0; !o && i < N_OPTIONS; i++)
            if (option_rows[i].short_name == c)
                o = &option_rows[i];
        if (!o) {
            /* getopt_long said what is wrong */
            fputs("Try 'vmsdcheck --help'.\n", stderr);
            return EXIT_USAGE;
        }
        if ((status = take_option(s, o, optarg)) != EXIT_CLEAN)
            return status;
    }
    s->inputs = argv + optind;
    s->n_inputs = (size_t)(argc - optind);
    if (s->command == CMD_DB_RETIRE) {
        if (!s->have_db)
            return bad_usage("%s", "db retire needs the allowlist: --db "
                             "FILE");
        if (s->format != REPORT_TEXT && s->format != REPORT_JSON)
            return bad_usage("%s", "db retire writes text or json");
        return EXIT_CLEAN;
    }
    if (!s->n_inputs)
        return bad_usage("%s", "no input: give linked programs, objects, "
                         "archives or facts directories");
    if (s->n_pairs && !s->baseline)
        return bad_usage("%s", "--pair goes with db check --baseline");
    if (s->command == CMD_MACHINES && s->format != REPORT_TEXT
        && s->format != REPORT_JSON)
        return bad_usage("%s", "machines writes --format text or json");
    return EXIT_CLEAN;
}

/* Running */

static bool emit(const struct settings *s, const char *text)
{
    if (!s->output) {
        fputs(text, stdout);
        return fflush(stdout) == 0;
    }
    if (vmsd_write_whole_file(s->output, text))
        return true;
    fprintf(stderr, "vmsdcheck: cannot write %s: %s\n", s->output,
            strerror(errno));
    return false;
}

/* Read, build, and check every program: false when an input cannot be
 * read or a program has no base to compare with. */
static bool analyse(struct settings *s, struct run *r)
{
    bool progress = s->progress < 0 ? s->n_inputs > 100 : s->progress;
    memset(r, 0, sizeof *r);
    bool ok = inputs_read(s->inputs, s->n_inputs, progress, &r->set);
    size_t n = r->set.n_programs;
    r->programs = vmsd_xcalloc(n, sizeof *r->programs);
    bool containment = s->baseline || s->format == REPORT_JSON
                       || s->command == CMD_CONTAINMENT;
    ok = ok && build_programs(&r->set, s->source_root, containment,
                              (size_t)s->jobs, r->programs);
    vmsd_arena_trim();          /* the units' blocks: no more units */
    if (ok && s->baseline)
        ok = r->have_base = baseline_read(s->baseline, &r->base);
    if (ok && r->have_base && r->base.has_source_root != !!s->source_root) {
        /* Fingerprints name files: both reports must name them alike. */
        fprintf(stderr, "vmsdcheck: %s was made %s --source-root: give the "
                "gate the same\n", s->baseline,
                r->base.has_source_root ? "with" : "without");
        ok = false;
    }
    const struct vmsd_base_program **bases = vmsd_xcalloc(n, sizeof *bases);
    if (ok && r->have_base)
        ok = baseline_pair_programs(&r->base, s->baseline, r->programs, n,
                                    s->pairs, s->n_pairs, bases);
    if (!ok) {
        free(bases);
        return false;
    }

    struct vmsd_program_facts *facts = vmsd_xcalloc(n, sizeof *facts);
    report_init(&r->report, r->programs, n, s->source_root);
    s->config.allowlist = s->have_db ? &s->db : NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const struct program *p = &r->programs[i];
        facts[i].model = &p->model;
        facts[i].uncovered = (const char *const *)p->uncovered;
        facts[i].n_uncovered = p->n_uncovered;
        facts[i].units_unknown = p->units_unknown;
        facts[i].fact_units = (const char *const *)p->fact_units;
        facts[i].n_fact_units = p->n_fact_units_named;
        facts[i].unlisted = (const char *const *)p->unlisted;
        facts[i].n_unlisted = p->n_unlisted;
        facts[i].devices = p->devices;
        facts[i].n_devices = p->n_devices;
        facts[i].type_machines = p->type_machines;
        facts[i].n_type_machines = p->n_type_machines;
        facts[i].sub_sends = p->sub_sends;
        facts[i].n_sub_sends = p->n_sub_sends;
        facts[i].device_conditional = p->device_conditional;
        facts[i].compared = &r->compared;
        facts[i].fit = &r->programs[i].fit;
        facts[i].base = bases[i];
        report_begin_program(&r->report, i);
        vmsd_check_program(&facts[i], &s->config, report_add, &r->report);
    }
    if (ok && s->have_db) {
        r->inapplicable = vmsd_xcalloc(s->db.n_entries, sizeof(bool));
        vmsd_check_build(facts, n, &s->config, report_add, &r->report,
                         r->inapplicable);
        r->report.allowlist = &s->db;
        r->report.inapplicable = r->inapplicable;
    }
    free(facts);
    free(bases);
    report_sort(&r->report);
    return ok;
}

/* A run's end, which is the process's: what it holds is handed back to
 * the system at once, where freeing it piece by piece cost nearly 4 % of
 * the instructions of a check of QEMU's four programs.  Under
 * AddressSanitizer it is freed, since its leak checker runs the tool in
 * the tests (scripts/sanitize-check) and would report it. */
static void run_free(struct run *r)
{
#ifdef __SANITIZE_ADDRESS__
    report_free(&r->report);
    for (size_t i = 0; i < r->set.n_programs; i++)
        program_free(&r->programs[i]);
    free(r->programs);
    free(r->inapplicable);
    if (r->have_base)
        baseline_free(&r->base);
    inputs_free(&r->set);
#else
    (void)r;
#endif
}

/* Write the report; exit 1 when it holds a finding at --fail-on. */
static int finish_report(struct settings *s, struct run *r)
{
    char *text = report_render(&r->report, s->format);
    int status = EXIT_CLEAN;
    if (!emit(s, text))
        status = EXIT_USAGE;
    else if (s->fail_on != VMSD_OFF && report_worst(&r->report) >= s->fail_on)
        status = EXIT_FINDINGS;
    free(text);
    report_summary(&r->report, stderr);
    report_fit_summary(&r->report, stderr);
    return status;
}

static int cmd_check(struct settings *s)
{
    struct run r;
    int status = analyse(s, &r) ? finish_report(s, &r) : EXIT_USAGE;
    run_free(&r);
    return status;
}

/* A gate that passes says what it compared, so that a green is seen to
 * have looked. */
static void gate_summary(const struct settings *s, const struct run *r)
{
    size_t warnings = 0;
    for (size_t i = 0; i < r->report.n_findings; i++)
        warnings += r->report.findings[i].finding.severity == VMSD_WARNING;
    fprintf(stderr, "vmsdcheck: gate passed: %zu program%s, %zu "
            "descriptions and %zu fields compared with %s (%s); breaks 0, "
            "new warnings %zu\n", r->set.n_programs,
            r->set.n_programs == 1 ? "" : "s", r->compared.descriptions,
            r->compared.fields, s->baseline,
            s->config.directions == VMSD_DIRECTION_BOTH
                ? "both directions"
                : vmsd_direction_name(s->config.directions),
            warnings);
    if (r->compared.kept_back)
        fprintf(stderr, "vmsdcheck: note: %zu new subsection%s or "
                "field%s (field_exists) a compat property keeps from every "
                "released machine type (compatible)\n", r->compared.kept_back,
                r->compared.kept_back == 1 ? "" : "s",
                r->compared.kept_back == 1 ? "" : "s");
}

static int cmd_db_check(struct settings *s)
{
    struct run r;
    int status = EXIT_USAGE;
    if (analyse(s, &r)) {
        if (r.have_base)
            report_drop_known(&r.report, &r.base.fingerprints);
        status = finish_report(s, &r);
        if (status == EXIT_CLEAN && r.have_base)
            gate_summary(s, &r);
    }
    run_free(&r);
    return status;
}

static int cmd_db_generate(struct settings *s)
{
    struct run r;
    struct coverage unseen;
    int status = EXIT_USAGE;
    if (analyse(s, &r)
        && coverage_find(&unseen, r.programs, r.set.programs,
                         r.set.n_programs, s->source_root)) {
        char *text = db_generate(r.programs, r.set.n_programs,
                                 s->have_db ? &s->db : NULL,
                                 s->reason ? s->reason
                                 : "recorded by vmsdcheck db generate: say "
                                   "why this name stays",
                                 s->provenance, s->n_provenance,
                                 s->history);
        status = text && emit(s, text) ? EXIT_CLEAN : EXIT_USAGE;
        free(text);
        if (status == EXIT_CLEAN && s->source_root)
            coverage_not_built_summary(&unseen, stderr);
        coverage_free(&unseen);
    }
    run_free(&r);
    return status;
}

/* Exit 1 when something is missed (a unit without facts, a file in no
 * program), unless --fail-on never. */
static int cmd_coverage(struct settings *s)
{
    struct run r;
    struct coverage c;
    int status = EXIT_USAGE;
    if (analyse(s, &r)
        && coverage_find(&c, r.programs, r.set.programs, r.set.n_programs,
                         s->source_root)) {
        char *text = coverage_render(&c, s->format);
        if (!emit(s, text))
            status = EXIT_USAGE;
        else if (s->fail_on != VMSD_OFF && coverage_incomplete(&c))
            status = EXIT_FINDINGS;
        else
            status = EXIT_CLEAN;
        free(text);
        coverage_free(&c);
    }
    run_free(&r);
    return status;
}

/* The programs, when given, say which machine types send each name. */
static int cmd_db_retire(struct settings *s)
{
    struct run r;
    memset(&r, 0, sizeof r);
    if (s->n_inputs && !analyse(s, &r)) {
        run_free(&r);
        return EXIT_USAGE;
    }
    char *text = retire_render(&s->db, &s->policy, s->format, r.programs,
                               s->n_inputs ? r.set.n_programs : 0);
    int status = text && emit(s, text) ? EXIT_CLEAN : EXIT_USAGE;
    free(text);
    run_free(&r);
    return status;
}

typedef char *render_fn(const struct settings *s, const struct run *r);

/* A command that writes one text about its programs: RENDER makes it
 * (NULL: it said why not).  COMMAND names one that takes one program;
 * NULL, any number. */
static int render_programs(struct settings *s, const char *command,
                           render_fn *render)
{
    struct run r;
    int status = EXIT_USAGE;
    if (!analyse(s, &r)) {
        /* said why */
    } else if (command && r.set.n_programs != 1) {
        fprintf(stderr, "vmsdcheck: %s takes one program, not %zu\n",
                command, r.set.n_programs);
    } else {
        char *text = render(s, &r);
        if (text && emit(s, text))
            status = EXIT_CLEAN;
        free(text);
        report_summary(&r.report, stderr);     /* what it could not see */
    }
    run_free(&r);
    return status;
}

static char *render_graph(const struct settings *s, const struct run *r)
{
    char *text = graph_render(&r->programs[0], &r->report, s->root);
    if (!text)
        fprintf(stderr, "vmsdcheck: no description is named or called "
                "'%s'\n", s->root);
    return text;
}

static char *render_dump(const struct settings *s, const struct run *r)
{
    const char *machine = s->machine
        ? machines_dump_name(&r->programs[0], s->machine) : "static";
    return machine ? qom_dump_vmstate(&r->programs[0], machine) : NULL;
}

static int cmd_graph(struct settings *s)
{
    return render_programs(s, "graph", render_graph);
}

static int cmd_dump_vmstate(struct settings *s)
{
    return render_programs(s, "dump-vmstate", render_dump);
}

static char *render_machines(const struct settings *s, const struct run *r)
{
    return machines_render(r->programs, r->set.n_programs, s->format,
                           s->machine);
}

static int cmd_machines(struct settings *s)
{
    return render_programs(s, NULL, render_machines);
}

static char *render_containment(const struct settings *s, const struct run *r)
{
    (void)s;
    return containment_render(&r->programs[0]);
}

static int cmd_containment(struct settings *s)
{
    return render_programs(s, "containment", render_containment);
}

int main(int argc, char **argv)
{
    struct settings s;
    memory_tune();      /* before anything is allocated */
    memset(&s, 0, sizeof s);
    vmsd_check_config_init(&s.config);
    vmsd_compatdb_init(&s.db);
    s.fail_on = VMSD_WARNING;
    s.progress = -1;
    s.policy.deletion_majors = POLICY_DELETION_MAJORS;
    s.policy.deprecation_majors = POLICY_DEPRECATION_MAJORS;
    s.policy.releases_per_major = POLICY_RELEASES_PER_MAJOR;

    int status = parse_args(argc, argv, &s);
    if (status == EXIT_CLEAN)
        status = commands[s.command].fn(&s);
    vmsd_compatdb_free(&s.db);
    free(s.provenance);
    free(s.pairs);
    free(s.source_root);
    return status;
}
