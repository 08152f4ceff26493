/* Counting instructions: a unit's compiles without and with the plugin
 * side by side, one per core, each under cachegrind with
 * --trace-children=yes, which writes one file per process (cg.PID in
 * the variant's directory).  A file's "cmd:" line names the program, its
 * "summary:" line gives its instructions (--cache-sim=no counts only
 * those).  The driver is the process bench started; cc1 and as are its
 * children; any other program is an error, not a count left out.
 * A count is deterministic, but how GCC's heap falls moves with any
 * shift of what it allocates, and with it what GCC's malloc costs: the
 * same plugin's growth moves by a tenth of a point with the length of
 * one -D at 500 descriptions.  So the pair may be counted under several
 * layouts (--layouts), the median growth's counts reported.
 *
 * Of each process's count, the instructions of glibc's allocator are
 * summed apart (the "fl=" entries of its malloc/ sources): GCC spends
 * a seventh of its instructions in malloc and free at -O2, and how many
 * depends on how its heap is laid out, which the plugin's allocations
 * (and any other change) move whatever work they do. */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const program_names[N_PROGRAMS] = { "driver", "cc1", "as" };

static const char out_file_prefix[] = "cg.";

/* VALGRIND with the options that make it count, its files written to
 * OUT_FILE, into ARGV. */
static void push_cachegrind(struct strvec *argv, const char *valgrind,
                            const char *out_file)
{
    static const char *const options[] = {
        "-q", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
    };
    strvec_push(argv, vmsd_strdup(valgrind));
    for (size_t i = 0; i < sizeof options / sizeof *options; i++)
        strvec_push(argv, vmsd_strdup(options[i]));
    /* vmsd_format: the style matters only to %q */
    strvec_push(argv, vmsd_format(NULL, "--cachegrind-out-file=%s", out_file));
}

bool check_cachegrind(const char *valgrind)
{
    struct strvec argv = { 0 };
    push_cachegrind(&argv, valgrind, "/dev/null");
    strvec_push(&argv, vmsd_strdup("true"));
    pid_t pid = start_command(argv.v, NULL, "/dev/null");
    int status;
    bool ok = pid > 0 && wait_for(pid, &status, NULL)
              && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    strvec_free(&argv);
    if (!ok)
        fprintf(stderr, "bench: counting instructions needs valgrind's "
                "cachegrind, and '%s --tool=cachegrind' does not run: "
                "install valgrind (apt-get install valgrind), or leave the "
                "count out (--no-count; make bench BENCH_COUNT=0)\n",
                valgrind);
    return ok;
}

/* The program a process of the compile ran: the driver when it is the
 * one bench started, else by the name of its executable. */
static bool classify(const char *cmd, pid_t pid, pid_t driver,
                     enum program *out)
{
    size_t len = strcspn(cmd, " ");
    const char *name = cmd;
    for (size_t i = 0; i < len; i++)
        if (cmd[i] == '/')
            name = cmd + i + 1;
    size_t name_len = len - (size_t)(name - cmd);
    bool is_as = (name_len == 2 && strncmp(name, "as", 2) == 0)
                 || (name_len > 3 && strncmp(name + name_len - 3, "-as", 3)
                     == 0);        /* x86_64-linux-gnu-as */
    if (pid == driver)
        *out = DRIVER;
    else if (starts_with(name, "cc1"))
        *out = CC1;
    else if (is_as)
        *out = AS;
    else
        return false;
    return true;
}

/* The instructions of a cost line, "LINE COUNT": its COUNT. */
static unsigned long long cost_of(const char *line)
{
    const char *count = strchr(line, ' ');
    return count ? strtoull(count + 1, NULL, 10) : 0;
}

/* glibc's sources as its debugging symbols name them. */
static const char allocator_sources[] = "fl=./malloc/";

/* The "cmd:" and "summary:" of the cachegrind file PATH: its program's
 * command line (to be freed) and its instructions, and those of the
 * allocator's functions; false with a message. */
static bool read_out_file(const char *path, char **cmd,
                          unsigned long long *instructions,
                          unsigned long long *allocator)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench: cannot read %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    bool have_summary = false, in_allocator = false;
    *cmd = NULL;
    *allocator = 0;
    while ((len = getline(&line, &size, f)) > 0) {
        if (line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (starts_with(line, "fl=")) {
            in_allocator = starts_with(line, allocator_sources);
        } else if (in_allocator && line[0] >= '0' && line[0] <= '9') {
            *allocator += cost_of(line);
        } else if (!*cmd && starts_with(line, "cmd: ")) {
            *cmd = vmsd_strdup(line + 5);
        } else if (starts_with(line, "summary: ")) {
            char *end;
            errno = 0;
            *instructions = strtoull(line + 9, &end, 10);
            have_summary = !errno && end > line + 9 && !*end;
        }
    }
    free(line);
    fclose(f);
    if (*cmd && have_summary)
        return true;
    fprintf(stderr, "bench: %s has no %s line: did valgrind finish?\n", path,
            *cmd ? "valid summary:" : "cmd:");
    free(*cmd);
    *cmd = NULL;
    return false;
}

static void collect_out_file(int dirfd, const char *name, void *arg)
{
    (void)dirfd;
    if (starts_with(name, out_file_prefix))
        strvec_push(arg, vmsd_strdup(name));
}

/* Add one process's file NAME in DIR to COUNTS and ALLOCATOR (and
 * SEEN), then remove it; false with a message. */
static bool add_out_file(const struct unit *u, const char *dir,
                         const char *name, pid_t driver,
                         unsigned long long counts[N_PROGRAMS],
                         unsigned long long allocator[N_PROGRAMS],
                         unsigned seen[N_PROGRAMS])
{
    char *path = vmsd_format(NULL, "%s/%s", dir, name);
    pid_t pid = (pid_t)strtol(name + strlen(out_file_prefix), NULL, 10);
    char *cmd = NULL;          /* read_out_file leaves it when it cannot open PATH */
    unsigned long long instructions, in_allocator;
    enum program program;
    bool ok = read_out_file(path, &cmd, &instructions, &in_allocator);
    if (ok && !classify(cmd, pid, driver, &program)) {
        fprintf(stderr, "bench: the compile of %s ran a program neither "
                "cc1 nor as, whose instructions would be counted nowhere: "
                "%s\n", u->label, cmd);
        ok = false;
    }
    if (ok) {
        counts[program] += instructions;
        allocator[program] += in_allocator;
        seen[program]++;
    }
    unlink(path);
    free(cmd);
    free(path);
    return ok;
}

/* The counts of U's VARIANT, whose driver was DRIVER, from its files;
 * false with a message. */
static bool read_counts(const struct bench *b, struct unit *u, int variant,
                        pid_t driver)
{
    const char *dir = b->temp.variant_dir[variant];
    struct strvec names = { 0 };
    bool ok = for_each_entry(dir, collect_out_file, &names);
    if (!ok)
        fprintf(stderr, "bench: cannot read %s: %s\n", dir, strerror(errno));
    unsigned long long *counts = u->instructions[variant];
    unsigned seen[N_PROGRAMS] = { 0 };
    for (size_t i = 0; ok && i < names.n; i++)
        ok = add_out_file(u, dir, names.v[i], driver, counts,
                          u->allocator[variant], seen);
    strvec_free(&names);
    for (int p = 0; ok && p < N_PROGRAMS; p++)
        if (!seen[p]) {
            fprintf(stderr, "bench: the compile of %s %s the plugin left no "
                    "cachegrind file of %s\n", u->label,
                    variant_names[variant], program_names[p]);
            ok = false;
        }
    return ok;
}

/* The letters a layout's macro is given: 9 a layout. */
static const char layout_letters[] =
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
_Static_assert(sizeof layout_letters > 9 * (MAX_LAYOUTS - 1),
               "room for the last layout's letters");

/* U's pair counted once, under heap layout LAYOUT (0: the compiles as
 * given; K: with -DVMSD_BENCH_LAYOUT= and 9K letters after the driver,
 * which moves where GCC's heap puts what it allocates and nothing
 * else), into U's counts; *SECONDS gets the longer compile's wall
 * time.  False with a message. */
static bool count_pair(const struct bench *b, struct unit *u, int layout,
                       double *seconds)
{
    struct strvec argv[2] = { { 0 }, { 0 } };
    struct compile_run run[2];
    bool started[2];
    memset(u->instructions, 0, sizeof u->instructions);
    memset(u->allocator, 0, sizeof u->allocator);
    *seconds = 0;
    for (int v = 0; v < 2; v++) {
        char *out_file = vmsd_format(NULL, "%s/%s%%p",
                                     b->temp.variant_dir[v], out_file_prefix);
        push_cachegrind(&argv[v], b->valgrind, out_file);
        free(out_file);
        for (size_t i = 0; i < u->argv[v].n; i++) {
            strvec_push(&argv[v], vmsd_strdup(u->argv[v].v[i]));
            if (i == 0 && layout)
                strvec_push(&argv[v], vmsd_format(NULL, "-D%s=%s",
                                                  LAYOUT_MACRO,
                                                  layout_letters
                                                  + (sizeof layout_letters - 1
                                                     - 9 * (size_t)layout)));
        }
        started[v] = start_compile(&b->temp, u, argv[v].v, v, &run[v]);
    }
    /* Both are reaped whatever becomes of the other. */
    bool ok = true;
    for (int v = 0; v < 2; v++) {
        struct sample s;
        bool finished = started[v]
                        && finish_compile(&b->temp, u, argv[v].v, v, &run[v],
                                          &s);
        if (finished) {
            u->object_bytes[v] = s.object_bytes;
            *seconds = s.wall > *seconds ? s.wall : *seconds;
        }
        ok = ok && finished;
    }
    for (int v = 0; ok && v < 2; v++)
        ok = read_counts(b, u, v, run[v].pid);
    for (int v = 0; v < 2; v++)
        strvec_free(&argv[v]);
    return ok;
}

/* The layout whose growth is the median of the N in PCT (the lower of
 * the middle two when N is even; the first of equals). */
static int median_layout(const double *pct, int n)
{
    for (int k = 0; k < n; k++) {
        int below = 0;
        for (int j = 0; j < n; j++)
            below += pct[j] < pct[k] || (pct[j] == pct[k] && j < k);
        if (below == (n - 1) / 2)
            return k;
    }
    return 0;
}

bool count_unit(const struct bench *b, struct unit *u)
{
    if (b->layouts > 1)
        printf("   counting instructions: both compiles under cachegrind, "
               "at once, under %d heap layouts\n", b->layouts);
    else
        printf("   counting instructions: both compiles under cachegrind, "
               "at once\n");
    unsigned long long instructions[MAX_LAYOUTS][2][N_PROGRAMS];
    unsigned long long allocator[MAX_LAYOUTS][2][N_PROGRAMS];
    double seconds = 0;
    for (int k = 0; k < b->layouts; k++) {
        double pair_seconds;
        if (!count_pair(b, u, k, &pair_seconds))
            return false;
        seconds += pair_seconds;
        memcpy(instructions[k], u->instructions, sizeof u->instructions);
        memcpy(allocator[k], u->allocator, sizeof u->allocator);
        u->layout_pct[k] = instruction_growth(u, ALL_COUNTED).pct;
    }
    u->n_layouts = b->layouts;
    u->median_layout = median_layout(u->layout_pct, u->n_layouts);
    memcpy(u->instructions, instructions[u->median_layout],
           sizeof u->instructions);
    memcpy(u->allocator, allocator[u->median_layout], sizeof u->allocator);
    report_unit_counts(u, seconds);
    return true;
}
