/* vmsdcheck: the whole-program checker.  Reads the facts the plugin left
 * in objects and binaries, builds each program's description graph, runs
 * every rule on it (and those only a whole program can decide), and
 * writes the allowlist a build needs. */
#define _POSIX_C_SOURCE 200809L
#include "db.h"
#include "graph.h"
#include "inputs.h"
#include "program.h"
#include "report.h"

#include "../checker/compatdb.h"
#include "../checker/whole-file.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum command { CMD_CHECK, CMD_DB_GENERATE, CMD_DB_CHECK, CMD_GRAPH };

struct settings {
    enum command command;
    struct vmsd_check_config config;
    struct vmsd_compatdb db;
    bool have_db;
    enum report_format format;
    const char *output;
    const char *baseline;
    const char *reason;
    char **provenance;                  /* KEY=VALUE, for db generate */
    size_t n_provenance;
    const char *root;
    enum vmsd_severity fail_on;         /* VMSD_OFF: never */
    int progress;                       /* -1: when there are many inputs */
    char **inputs;
    size_t n_inputs;
};

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
    fputs(
"usage: vmsdcheck [check] [OPTION]... INPUT...\n"
"       vmsdcheck db generate [OPTION]... INPUT...\n"
"       vmsdcheck db check --db FILE [OPTION]... INPUT...\n"
"       vmsdcheck graph [--root NAME] [OPTION]... INPUT...\n"
"\n"
"Checks QEMU migration state descriptions across whole programs, from the\n"
"facts the vmsdcheck GCC plugin leaves in every object it compiles.\n"
"\n"
"INPUT is a linked program or shared object (each is checked as a program\n"
"of its own), or objects, static archives, facts files and facts\n"
"directories (all of those together are one program).\n"
"\n"
"  check         report every finding (the default command)\n"
"  db generate   write the allowlist the inputs need, sorted; entries of\n"
"                --db keep their reasons\n"
"  db check      for gating: fail on findings the --baseline report does\n"
"                not have, and on stale allowlist entries\n"
"  graph         the description graph of one program as Graphviz dot,\n"
"                findings in red\n"
"\n"
"Options:\n"
"  --db FILE            an allowlist (compat database); may repeat\n"
"  --format FORMAT      text (the default), json or sarif\n"
"  -o, --output FILE    write there, whole or not at all, not to stdout\n"
"  --severity RULE=SEV  SEV is error, warning or off; may repeat\n"
"  --fail-on LEVEL      exit 1 on a finding of at least LEVEL: warning\n"
"                       (the default), error, or never\n"
"  --baseline FILE      db check: the base's JSON report\n"
"  --reason TEXT        db generate: the reason of new entries\n"
"  --provenance KEY=VALUE\n"
"                       db generate: set KEY of the provenance; may repeat\n"
"  --root NAME          graph: only what this description (a name or a\n"
"                       symbol) loads\n"
"  --marker-field NAME  the marker member's name in messages, as given to\n"
"                       the plugin (default: legacy_bad_subsection_name)\n"
"  --progress, --no-progress\n"
"                       count inputs read on stderr (default: when there\n"
"                       are more than 100)\n"
"  -h, --help           this text\n"
"  --version            vmsdcheck's version\n"
"\n"
"Rules:\n", out);
    for (int r = 0; r < VMSD_RULE_COUNT; r++)
        fprintf(out, "  %-22s %s\n", vmsd_rule_id((enum vmsd_rule)r),
                vmsd_rule_summary((enum vmsd_rule)r));
    fputs("\nExit status: 0 clean, 1 findings at or above --fail-on, 2 bad "
          "usage or\nunreadable input.\n", out);
}

static int bad_usage(const char *fmt, const char *what)
{
    fputs("vmsdcheck: ", stderr);
    fprintf(stderr, fmt, what);
    fputs("\nTry 'vmsdcheck --help'.\n", stderr);
    return EXIT_USAGE;
}

static int parse_severity(struct settings *s, const char *arg)
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

static int parse_args(int argc, char **argv, struct settings *s)
{
    enum { OPT_DB = 256, OPT_FORMAT, OPT_SEVERITY, OPT_FAIL_ON, OPT_BASELINE,
           OPT_REASON, OPT_PROVENANCE, OPT_ROOT, OPT_MARKER_FIELD,
           OPT_PROGRESS, OPT_NO_PROGRESS, OPT_VERSION };
    static const struct option options[] = {
        { "db", required_argument, NULL, OPT_DB },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "severity", required_argument, NULL, OPT_SEVERITY },
        { "fail-on", required_argument, NULL, OPT_FAIL_ON },
        { "baseline", required_argument, NULL, OPT_BASELINE },
        { "reason", required_argument, NULL, OPT_REASON },
        { "provenance", required_argument, NULL, OPT_PROVENANCE },
        { "root", required_argument, NULL, OPT_ROOT },
        { "marker-field", required_argument, NULL, OPT_MARKER_FIELD },
        { "progress", no_argument, NULL, OPT_PROGRESS },
        { "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, OPT_VERSION },
        { NULL, 0, NULL, 0 },
    };
    char error[1024];
    int c, status;

    if (argc > 1 && strcmp(argv[1], "check") == 0) {
        argc--;
        argv++;
    } else if (argc > 1 && strcmp(argv[1], "graph") == 0) {
        s->command = CMD_GRAPH;
        argc--;
        argv++;
    } else if (argc > 2 && strcmp(argv[1], "db") == 0) {
        if (strcmp(argv[2], "generate") == 0)
            s->command = CMD_DB_GENERATE;
        else if (strcmp(argv[2], "check") == 0)
            s->command = CMD_DB_CHECK;
        else
            return bad_usage("no command 'db %s' (db generate, db check)",
                             argv[2]);
        argc -= 2;
        argv += 2;
    } else if (argc > 1 && strcmp(argv[1], "db") == 0) {
        return bad_usage("%s: db generate or db check?", "db");
    }

    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case OPT_DB:
            if (!vmsd_compatdb_load(&s->db, optarg, error, sizeof error)) {
                fprintf(stderr, "vmsdcheck: cannot use allowlist %s\n",
                        error);
                return EXIT_USAGE;
            }
            s->have_db = true;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                s->format = REPORT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                s->format = REPORT_JSON;
            else if (strcmp(optarg, "sarif") == 0)
                s->format = REPORT_SARIF;
            else
                return bad_usage("--format is text, json or sarif, not '%s'",
                                 optarg);
            break;
        case 'o':
            s->output = optarg;
            break;
        case OPT_SEVERITY:
            if ((status = parse_severity(s, optarg)) != EXIT_CLEAN)
                return status;
            break;
        case OPT_FAIL_ON:
            if (strcmp(optarg, "never") == 0)
                s->fail_on = VMSD_OFF;
            else if (strcmp(optarg, "off") == 0
                     || !vmsd_severity_from_name(optarg, &s->fail_on))
                return bad_usage("--fail-on is warning, error or never, not "
                                 "'%s'", optarg);
            break;
        case OPT_BASELINE:
            s->baseline = optarg;
            break;
        case OPT_REASON:
            s->reason = optarg;
            break;
        case OPT_PROVENANCE:
            if (!strchr(optarg, '=') || optarg[0] == '=')
                return bad_usage("--provenance takes KEY=VALUE, not '%s'",
                                 optarg);
            s->provenance = vmsd_xrealloc(s->provenance,
                                          (s->n_provenance + 1)
                                          * sizeof *s->provenance);
            s->provenance[s->n_provenance++] = optarg;
            break;
        case OPT_ROOT:
            s->root = optarg;
            break;
        case OPT_MARKER_FIELD:
            s->config.marker_field = optarg;
            break;
        case OPT_PROGRESS:
            s->progress = 1;
            break;
        case OPT_NO_PROGRESS:
            s->progress = 0;
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_CLEAN);
        case OPT_VERSION:
            printf("vmsdcheck %s\n", VMSDCHECK_VERSION);
            exit(EXIT_CLEAN);
        default:
            fputs("Try 'vmsdcheck --help'.\n", stderr);
            return EXIT_USAGE;
        }
    }
    s->inputs = argv + optind;
    s->n_inputs = (size_t)(argc - optind);
    if (!s->n_inputs)
        return bad_usage("%s", "no input: give linked programs, objects, "
                         "archives or facts directories");
    if (s->command == CMD_DB_CHECK && !s->have_db)
        return bad_usage("%s", "db check needs --db FILE");
    if (s->baseline && s->command != CMD_DB_CHECK)
        return bad_usage("%s", "--baseline goes with db check");
    if ((s->reason || s->n_provenance) && s->command != CMD_DB_GENERATE)
        return bad_usage("%s", "--reason and --provenance go with db "
                         "generate");
    if (s->root && s->command != CMD_GRAPH)
        return bad_usage("%s", "--root goes with graph");
    return EXIT_CLEAN;
}

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

static int run(struct settings *s)
{
    struct input_set set;
    bool progress = s->progress < 0 ? s->n_inputs > 100 : s->progress;
    if (!inputs_read(s->inputs, s->n_inputs, progress, &set)) {
        inputs_free(&set);
        return EXIT_USAGE;
    }

    struct program *programs = vmsd_xcalloc(set.n_programs,
                                            sizeof *programs);
    int status = EXIT_CLEAN;
    for (size_t i = 0; i < set.n_programs && status == EXIT_CLEAN; i++)
        if (!program_build(&set.programs[i], &programs[i]))
            status = EXIT_USAGE;

    if (status == EXIT_CLEAN && s->command == CMD_DB_GENERATE) {
        char *text = db_generate(programs, set.n_programs,
                                 s->have_db ? &s->db : NULL,
                                 s->reason ? s->reason
                                 : "recorded by vmsdcheck db generate: say "
                                   "why this name stays",
                                 s->provenance, s->n_provenance);
        status = emit(s, text) ? EXIT_CLEAN : EXIT_USAGE;
        free(text);
    } else if (status == EXIT_CLEAN && s->command == CMD_GRAPH
               && set.n_programs != 1) {
        fprintf(stderr, "vmsdcheck: graph takes one program, not %zu\n",
                set.n_programs);
        status = EXIT_USAGE;
    } else if (status == EXIT_CLEAN) {
        struct report report;
        report_init(&report);
        s->config.allowlist = s->have_db ? &s->db : NULL;
        for (size_t i = 0; i < set.n_programs; i++) {
            report_begin_program(&report, programs[i].name);
            vmsd_check_model(&programs[i].model, &s->config, report_add,
                             &report);
        }
        vmsd_check_allowlist(&s->config, report_add, &report);
        report_sort(&report);
        if (s->baseline && !report_drop_known(&report, s->baseline))
            status = EXIT_USAGE;
        if (status == EXIT_CLEAN && s->command == CMD_GRAPH) {
            char *text = graph_render(&programs[0], &report, s->root);
            if (!text) {
                fprintf(stderr, "vmsdcheck: no description is named or "
                        "called '%s'\n", s->root);
                status = EXIT_USAGE;
            } else if (!emit(s, text)) {
                status = EXIT_USAGE;
            }
            free(text);
        } else if (status == EXIT_CLEAN) {
            char *text = report_render(&report, s->format);
            if (!emit(s, text))
                status = EXIT_USAGE;
            else if (s->fail_on != VMSD_OFF
                     && report_worst(&report) >= s->fail_on)
                status = EXIT_FINDINGS;
            free(text);
        }
        report_free(&report);
    }

    for (size_t i = 0; i < set.n_programs; i++)
        program_free(&programs[i]);
    free(programs);
    inputs_free(&set);
    return status;
}

int main(int argc, char **argv)
{
    struct settings s;
    memset(&s, 0, sizeof s);
    vmsd_check_config_init(&s.config);
    vmsd_compatdb_init(&s.db);
    s.fail_on = VMSD_WARNING;
    s.progress = -1;

    int status = parse_args(argc, argv, &s);
    if (status == EXIT_CLEAN)
        status = run(&s);
    vmsd_compatdb_free(&s.db);
    free(s.provenance);
    return status;
}
