/* Reporting: the clock lines, a unit's counts and medians after its
 * runs, and the final tables with the goals. */
#define _DEFAULT_SOURCE         /* getloadavg */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void print_clock(const char *what)
{
    time_t t = time(NULL);
    struct tm tm;
    char when[32] = "?";
    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    double load[3];
    if (getloadavg(load, 3) == 3)
        printf("   %s %s, load average %.2f %.2f %.2f\n", what, when,
               load[0], load[1], load[2]);
    else
        printf("   %s %s\n", what, when);
}

/* N with its digits in groups of three, into BUF. */
static const char *grouped(char buf[32], unsigned long long n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", n);
    char *out = buf;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            *out++ = ',';
        *out++ = digits[i];
    }
    *out = '\0';
    return buf;
}

void report_unit_counts(const struct unit *u, double seconds)
{
    char without[32], with[32];
    printf("   instructions without / with the plugin (counted in %.0f s):\n",
           seconds);
    for (int p = CC1; p <= ALL_COUNTED; p++) {
        struct growth g = instruction_growth(u, p);
        printf("     %-6s %17s %17s  %+.3f%%\n",
               p == ALL_COUNTED ? "total" : program_names[p],
               grouped(without, g.without), grouped(with, g.with), g.pct);
    }
    printf("     %-6s %17s %17s  (not in the total)\n", program_names[DRIVER],
           grouped(without, u->instructions[WITHOUT][DRIVER]),
           grouped(with, u->instructions[WITH][DRIVER]));
    long long change;
    double points;
    char allocator[32];
    if (allocator_change(u, &change, &points))
        printf("   of the total's growth, glibc's malloc and free: %c%s "
               "(%+.3f points)\n", change < 0 ? '-' : '+',
               grouped(allocator, (unsigned long long)(change < 0 ? -change
                                                                  : change)),
               points);
    if (u->n_layouts > 1) {
        printf("   under %d heap layouts, the total's growth:", u->n_layouts);
        for (int k = 0; k < u->n_layouts; k++)
            printf(" %+.3f%%", u->layout_pct[k]);
        printf("; the median's counts above (layout %d)\n",
               u->median_layout + 1);
    }
    printf("   object file: %s / %s bytes\n",
           grouped(without, (unsigned long long)u->object_bytes[WITHOUT]),
           grouped(with, (unsigned long long)u->object_bytes[WITH]));
}

void report_unit_times(const struct unit *u)
{
    struct summary m = summarize(u);
    printf("   median CPU: without %.3f s, with %.3f s; "
           "median ratio %.4f: overhead %+.2f%%\n",
           m.cpu[WITHOUT], m.cpu[WITH], m.ratio.median, m.overhead_pct);
    printf("   ratios range %.4f .. %.4f; %s of the median ratio "
           "%.4f .. %.4f (overhead %+.2f%% .. %+.2f%%)\n",
           m.ratio.min, m.ratio.max,
           m.ratio.exact ? "95% confidence interval"
                         : "too few runs for a 95% interval: range",
           m.ratio.lo, m.ratio.hi, (m.ratio.lo - 1) * 100,
           (m.ratio.hi - 1) * 100);
    printf("   median wall: without %.3f s, with %.3f s; median ratio %.4f\n",
           m.wall[WITHOUT], m.wall[WITH], m.wall_ratio);
    printf("   median peak RSS: without %ld KiB, with %ld KiB: %+ld KiB\n",
           m.rss[WITHOUT], m.rss[WITH], m.rss_delta);
    if (u->diag_bytes[WITH] > u->diag_bytes[WITHOUT])
        printf("   note: with the plugin the compiler printed %zu bytes of "
               "diagnostics (without: %zu); printing them is part of the "
               "cost measured\n", u->diag_bytes[WITH],
               u->diag_bytes[WITHOUT]);
}

/* The per-iteration ratios of every --file unit in one sample, when there
 * are two or more: a unit's own interval is wide on a noisy machine, and
 * a real cost shows in all of them. */
static const char pooled_label[] = "all --file units, pooled";

static bool pooled_ratios(const struct bench *b, double **out, size_t *n_out)
{
    size_t n = 0, n_compdb = 0;
    for (size_t i = 0; i < b->n_units; i++)
        if (b->units[i].from_compdb) {
            n += (size_t)b->units[i].runs;
            n_compdb++;
        }
    if (n_compdb < 2)
        return false;
    double *all = vmsd_xcalloc(n, sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < b->n_units; i++)
        if (b->units[i].from_compdb) {
            memcpy(all + k, b->units[i].ratio, (size_t)b->units[i].runs
                   * sizeof *all);
            k += (size_t)b->units[i].runs;
        }
    *out = all;
    *n_out = n;
    return true;
}

/* The allocator's change in points of U's compile, or "n/a" when the
 * counts cannot tell it, into CELL. */
static const char *allocator_cell(char cell[16], const struct unit *u)
{
    long long change;
    double points;
    if (!allocator_change(u, &change, &points))
        return "n/a";
    snprintf(cell, 16, "%+.3f", points);
    return cell;
}

/* The table's "overhead 95% CI" cell; '*' marks a range. */
static void format_ci(char *cell, size_t size, const struct median_ci *m)
{
    snprintf(cell, size, "%+.2f .. %+.2f%%%s", (m->lo - 1) * 100,
             (m->hi - 1) * 100, m->exact ? "" : "*");
}

/* The width of the unit column: the longest label, or MIN. */
static int label_width(const struct bench *b, size_t min)
{
    size_t width = min;
    for (size_t i = 0; i < b->n_units; i++)
        if (strlen(b->units[i].label) > width)
            width = strlen(b->units[i].label);
    return (int)width;
}

/* A table's line under its header: "|" COLUMNS "|" with the unit column
 * WIDTH dashes wide, and a level column. */
static void print_rule(int width, const char *columns)
{
    printf("|-");
    for (int i = 0; i < width; i++)
        putchar('-');
    printf("-|-------|%s\n", columns);
}

/* The lowest and highest of U's growths under its layouts. */
static void layout_range(const struct unit *u, double *lo, double *hi)
{
    *lo = *hi = u->layout_pct[0];
    for (int k = 1; k < u->n_layouts; k++) {
        *lo = u->layout_pct[k] < *lo ? u->layout_pct[k] : *lo;
        *hi = u->layout_pct[k] > *hi ? u->layout_pct[k] : *hi;
    }
}

static void print_count_table(const struct bench *b)
{
    int width = label_width(b, strlen("unit"));
    bool ranges = b->layouts > 1;
    printf("Instructions of the compile (cachegrind; total = cc1 + as, "
           "the driver apart; %% = growth with the plugin; malloc = the "
           "points of the total %% that are glibc's malloc and free");
    if (ranges)
        printf("; each unit's counts under the median of %d heap layouts, "
               "the range of its total %% in the last column", b->layouts);
    printf("):\n\n");
    printf("| %-*s | level | %15s | %15s | %15s | %15s | %15s | %15s "
           "| total %% | cc1 %%   | as %%    | malloc  | %14s | %14s |%s\n",
           width, "unit", "cc1 without", "cc1 with", "as without", "as with",
           "total without", "total with", "object without", "object with",
           ranges ? " total % range    |" : "");
    static const char columns[] =
        "----------------:|----------------:|----------------:"
        "|----------------:|----------------:|----------------:|--------:"
        "|--------:|--------:|--------:|---------------:|---------------:|"
        "-----------------:|";
    static const size_t range_column = sizeof "-----------------:|" - 1;
    char rule[sizeof columns];
    snprintf(rule, sizeof rule, "%.*s", (int)(sizeof columns - 1
                                               - (ranges ? 0 : range_column)),
             columns);
    print_rule(width, rule);
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        struct growth cc1 = instruction_growth(u, CC1);
        struct growth as = instruction_growth(u, AS);
        struct growth total = instruction_growth(u, ALL_COUNTED);
        char n[8][32], allocator[16];
        printf("| %-*s | %-5s | %15s | %15s | %15s | %15s | %15s | %15s "
               "| %+7.3f | %+7.3f | %+7.3f | %7s | %14s | %14s |", width,
               u->label, u->level, grouped(n[0], cc1.without),
               grouped(n[1], cc1.with), grouped(n[2], as.without),
               grouped(n[3], as.with), grouped(n[4], total.without),
               grouped(n[5], total.with), total.pct, cc1.pct, as.pct,
               allocator_cell(allocator, u),
               grouped(n[6], (unsigned long long)u->object_bytes[WITHOUT]),
               grouped(n[7], (unsigned long long)u->object_bytes[WITH]));
        if (ranges) {
            double lo, hi;
            char range[48];
            layout_range(u, &lo, &hi);
            snprintf(range, sizeof range, "%+.3f .. %+.3f", lo, hi);
            printf(" %16s |", range);
        }
        printf("\n");
    }
    printf("\n");
}

static void print_time_table(const struct bench *b)
{
    double *pooled;
    size_t n_pooled;
    bool pool = pooled_ratios(b, &pooled, &n_pooled);
    int width = label_width(b, strlen(pool ? pooled_label : "unit"));
    printf("CPU time and peak memory (medians; ratio = median of the "
           "per-iteration ratios of CPU time with/without):\n\n");
    printf("| %-*s | level | runs | CPU without (s) | CPU with (s) "
           "| median ratio | overhead | %-18s | RSS without (KiB) "
           "| RSS with (KiB) | RSS delta (KiB) |\n", width, "unit",
           "overhead 95% CI");
    print_rule(width, "-----:|----------------:|-------------:"
               "|-------------:|---------:|-------------------:"
               "|------------------:|---------------:|----------------:|");
    bool any_inexact = false;
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        struct summary m = summarize(u);
        char ci[64];
        format_ci(ci, sizeof ci, &m.ratio);
        printf("| %-*s | %-5s | %4d | %15.3f | %12.3f | %12.4f | %+7.2f%% "
               "| %18s | %17ld | %14ld | %+15ld |\n", width, u->label,
               u->level, u->runs, m.cpu[WITHOUT], m.cpu[WITH],
               m.ratio.median, m.overhead_pct, ci, m.rss[WITHOUT],
               m.rss[WITH], m.rss_delta);
        any_inexact |= !m.ratio.exact;
    }
    if (pool) {
        struct median_ci m = median_ci(pooled, n_pooled);
        char ci[64];
        format_ci(ci, sizeof ci, &m);
        printf("| %-*s | %-5s | %4zu | %15s | %12s | %12.4f | %+7.2f%% "
               "| %18s | %17s | %14s | %15s |\n", width, pooled_label, "",
               n_pooled, "", "", m.median, (m.median - 1) * 100, ci, "", "",
               "");
        free(pooled);
    }
    if (any_inexact)
        printf("\n* fewer than 6 runs: the range of the ratios, not a 95%% "
               "interval.\n");
    printf("\n");
}

/* The goal for the growth of U's instructions, in percent. */
static double instructions_goal(const struct unit *u)
{
    return strcmp(u->level, "-O0") == 0 ? GOAL_INSTRUCTIONS_O0_PCT
                                        : GOAL_INSTRUCTIONS_PCT;
}

static void print_count_goals(const struct bench *b)
{
    size_t over = 0;
    for (size_t i = 0; i < b->n_units; i++)
        over += instruction_growth(&b->units[i], ALL_COUNTED).pct
                > instructions_goal(&b->units[i]);
    printf("Goal: instructions of the compile (cc1 and as) grow by at most "
           "%.1f%% (%.1f%% at -O0): %s.\n", GOAL_INSTRUCTIONS_PCT,
           GOAL_INSTRUCTIONS_O0_PCT, over ? "NOT met" : "met");
    bool any_unknown = false;
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        double pct = instruction_growth(u, ALL_COUNTED).pct;
        long long change;
        double points;
        bool known = allocator_change(u, &change, &points);
        any_unknown |= !known;
        if (pct <= instructions_goal(u))
            continue;
        printf("  %s %s: %+.3f%% is %.3f points over the goal", u->label,
               u->level, pct, pct - instructions_goal(u));
        if (known)
            printf(" (%+.3f points of the growth in glibc's malloc and "
                   "free)", points);
        if (u->n_layouts > 1) {
            double lo, hi;
            layout_range(u, &lo, &hi);
            printf("; under %d layouts %+.3f .. %+.3f%%", u->n_layouts, lo,
                   hi);
        }
        printf("\n");
    }
    if (any_unknown)
        printf("  (malloc n/a: cachegrind named no function of glibc's "
               "allocator; its debugging symbols are in Debian's "
               "libc6-dbg)\n");
}

static void print_time_goals(const struct bench *b)
{
    size_t over_time = 0, over_rss = 0;
    for (size_t i = 0; i < b->n_units; i++) {
        struct summary m = summarize(&b->units[i]);
        over_time += m.overhead_pct > GOAL_OVERHEAD_PCT;
        over_rss += m.rss_delta > GOAL_RSS_KIB;
    }
    printf("Goals (informative, not a pass/fail test): median overhead "
           "of CPU time <= %.0f%%: %s; extra peak RSS <= %ld KiB: %s.\n",
           GOAL_OVERHEAD_PCT,
           over_time ? "NOT met" : "met",
           GOAL_RSS_KIB, over_rss ? "NOT met" : "met");
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        struct summary m = summarize(u);
        double ci_lo = (m.ratio.lo - 1) * 100, ci_hi = (m.ratio.hi - 1) * 100;
        if (m.overhead_pct > GOAL_OVERHEAD_PCT)
            printf("  %s %s: overhead %+.2f%% is %.2f points over the "
                   "goal%s\n", u->label, u->level, m.overhead_pct,
                   m.overhead_pct - GOAL_OVERHEAD_PCT,
                   ci_lo <= GOAL_OVERHEAD_PCT
                   ? " (but within the noise: its interval reaches the goal)"
                   : "");
        else if (ci_hi > GOAL_OVERHEAD_PCT)
            printf("  %s %s: overhead %+.2f%% meets the goal, but its "
                   "interval reaches %+.2f%%: more runs would tell\n",
                   u->label, u->level, m.overhead_pct, ci_hi);
        if (m.rss_delta > GOAL_RSS_KIB)
            printf("  %s %s: %+ld KiB of peak RSS is %ld KiB over the goal\n",
                   u->label, u->level, m.rss_delta,
                   m.rss_delta - GOAL_RSS_KIB);
    }
}

void report_summary(const struct bench *b)
{
    printf("Plugin: %s\n", b->plugin_path);
    for (size_t i = 1; i < b->plugin_args.n; i++)
        printf("Plugin argument: %s\n", b->plugin_args.v[i]);
    printf("\n");
    if (b->count)
        print_count_table(b);
    if (b->time)
        print_time_table(b);
    if (b->count)
        print_count_goals(b);
    if (b->time)
        print_time_goals(b);
}
