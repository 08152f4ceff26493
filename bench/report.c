/* Reporting: the clock lines, a unit's medians after its runs, and the
 * final table with the goals. */
#define _DEFAULT_SOURCE         /* getloadavg */
#include "bench.h"

#include "../checker/model.h"

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

void report_unit(const struct unit *u)
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
    print_clock("ended");
    printf("\n");
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

/* The table's "overhead 95% CI" cell; '*' marks a range. */
static void format_ci(char *cell, size_t size, const struct median_ci *m)
{
    snprintf(cell, size, "%+.2f .. %+.2f%%%s", (m->lo - 1) * 100,
             (m->hi - 1) * 100, m->exact ? "" : "*");
}

static void print_table(const struct bench *b)
{
    size_t width = strlen(pooled_label);
    for (size_t i = 0; i < b->n_units; i++)
        if (strlen(b->units[i].label) > width)
            width = strlen(b->units[i].label);

    printf("Summary (medians; ratio = median of the per-iteration ratios "
           "of CPU time with/without):\n\n");
    printf("| %-*s | runs | CPU without (s) | CPU with (s) | median ratio "
           "| overhead | %-18s | RSS without (KiB) "
           "| RSS with (KiB) | RSS delta (KiB) |\n", (int)width, "unit",
           "overhead 95% CI");
    printf("|-%.*s-|-----:|----------------:|-------------:|-------------:"
           "|---------:|-------------------:|------------------:"
           "|---------------:|---------------:|\n", (int)width,
           "------------------------------------------------------------"
           "------------------------------------------------------------");
    bool any_inexact = false;
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        struct summary m = summarize(u);
        char ci[64];
        format_ci(ci, sizeof ci, &m.ratio);
        printf("| %-*s | %4d | %15.3f | %12.3f | %12.4f | %+7.2f%% "
               "| %18s | %17ld | %14ld | %+15ld |\n", (int)width,
               u->label, u->runs, m.cpu[WITHOUT], m.cpu[WITH],
               m.ratio.median, m.overhead_pct, ci, m.rss[WITHOUT],
               m.rss[WITH], m.rss_delta);
        any_inexact |= !m.ratio.exact;
    }
    double *pooled;
    size_t n_pooled;
    if (pooled_ratios(b, &pooled, &n_pooled)) {
        struct median_ci m = median_ci(pooled, n_pooled);
        char ci[64];
        format_ci(ci, sizeof ci, &m);
        printf("| %-*s | %4zu | %15s | %12s | %12.4f | %+7.2f%% "
               "| %18s | %17s | %14s | %15s |\n", (int)width, pooled_label,
               n_pooled, "", "", m.median, (m.median - 1) * 100, ci, "", "",
               "");
        free(pooled);
    }
    if (any_inexact)
        printf("\n* fewer than 6 runs: the range of the ratios, not a 95%% "
               "interval.\n");
}

static void print_goals(const struct bench *b)
{
    size_t over_time = 0, over_rss = 0;
    for (size_t i = 0; i < b->n_units; i++) {
        struct summary m = summarize(&b->units[i]);
        over_time += m.overhead_pct > GOAL_OVERHEAD_PCT;
        over_rss += m.rss_delta > GOAL_RSS_KIB;
    }
    printf("\nGoals (informative, not a pass/fail test): median overhead "
           "<= %.0f%%: %s; extra peak RSS <= %ld KiB: %s.\n",
           GOAL_OVERHEAD_PCT,
           over_time ? "NOT met" : "met",
           GOAL_RSS_KIB, over_rss ? "NOT met" : "met");
    for (size_t i = 0; i < b->n_units; i++) {
        const struct unit *u = &b->units[i];
        struct summary m = summarize(u);
        double ci_lo = (m.ratio.lo - 1) * 100, ci_hi = (m.ratio.hi - 1) * 100;
        if (m.overhead_pct > GOAL_OVERHEAD_PCT)
            printf("  %s: overhead %+.2f%% is %.2f points over the goal%s\n",
                   u->label, m.overhead_pct,
                   m.overhead_pct - GOAL_OVERHEAD_PCT,
                   ci_lo <= GOAL_OVERHEAD_PCT
                   ? " (but within the noise: its interval reaches the goal)"
                   : "");
        else if (ci_hi > GOAL_OVERHEAD_PCT)
            printf("  %s: overhead %+.2f%% meets the goal, but its interval "
                   "reaches %+.2f%%: more runs would tell\n",
                   u->label, m.overhead_pct, ci_hi);
        if (m.rss_delta > GOAL_RSS_KIB)
            printf("  %s: %+ld KiB of peak RSS is %ld KiB over the goal\n",
                   u->label, m.rss_delta, m.rss_delta - GOAL_RSS_KIB);
    }
}

void report_summary(const struct bench *b)
{
    printf("Plugin: %s\n", b->plugin_path);
    for (size_t i = 1; i < b->plugin_args.n; i++)
        printf("Plugin argument: %s\n", b->plugin_args.v[i]);
    printf("\n");
    print_table(b);
    print_goals(b);
}
