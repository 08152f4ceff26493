/* Statistics: medians, a distribution-free confidence interval of a
 * median, and the summary of a unit's iterations. */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The N values in increasing order, in a new array. */
static double *sorted_copy(const double *values, size_t n)
{
    double *copy = vmsd_xrealloc(NULL, n * sizeof *copy);
    memcpy(copy, values, n * sizeof *copy);
    qsort(copy, n, sizeof *copy, cmp_double);
    return copy;
}

/* An even count averages the middle two. */
static double sorted_median(const double *sorted, size_t n)
{
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double median(const double *values, size_t n)
{
    double *sorted = sorted_copy(values, n);
    double m = sorted_median(sorted, n);
    free(sorted);
    return m;
}

/* The interval is [x(l), x(N+1-l)] of the sorted values, with l the
 * largest rank for which P(Binomial(N, 1/2) <= l - 1) <= 2.5%, so it
 * covers the true median with probability >= 95%.  Below 6 values no
 * such l exists. */
struct median_ci median_ci(const double *values, size_t n)
{
    double *sorted = sorted_copy(values, n);
    struct median_ci m = {
        .median = sorted_median(sorted, n),
        .min = sorted[0],
        .max = sorted[n - 1],
    };

    double pmf = 1;             /* P(B = 0) = 2^-n; n <= MAX_RUNS */
    for (size_t i = 0; i < n; i++)
        pmf /= 2;
    double cdf = 0;
    size_t l = 0;               /* ranks 1..l-1 are excluded below */
    for (size_t k = 0; k < n; k++) {
        cdf += pmf;             /* P(B <= k) */
        if (cdf > 0.025)
            break;
        l = k + 1;
        pmf = pmf * (double)(n - k) / (double)(k + 1);
    }
    m.exact = l >= 1;
    if (l < 1)
        l = 1;
    m.lo = sorted[l - 1];
    m.hi = sorted[n - l];
    free(sorted);
    return m;
}

struct summary summarize(const struct unit *u)
{
    struct summary s;
    size_t n = (size_t)u->runs;
    double *wall_ratio = vmsd_xcalloc(n, sizeof *wall_ratio);
    for (int v = 0; v < 2; v++) {
        s.cpu[v] = median(u->cpu[v], n);
        s.wall[v] = median(u->wall[v], n);
        s.rss[v] = (long)median(u->rss[v], n);
    }
    for (size_t i = 0; i < n; i++)
        wall_ratio[i] = u->wall[WITHOUT][i] > 0
                        ? u->wall[WITH][i] / u->wall[WITHOUT][i] : 1;
    s.ratio = median_ci(u->ratio, n);
    s.wall_ratio = median(wall_ratio, n);
    s.overhead_pct = (s.ratio.median - 1) * 100;
    s.rss_delta = s.rss[WITH] - s.rss[WITHOUT];
    free(wall_ratio);
    return s;
}

/* The growth of COUNTS (per variant and program) for PROGRAM, or for
 * all counted ones. */
static struct growth growth_of(const unsigned long long counts[2][N_PROGRAMS],
                               int program)
{
    struct growth g = { 0, 0, 0 };
    for (int p = 0; p < N_PROGRAMS; p++)
        if (program == p || (program == ALL_COUNTED && p != DRIVER)) {
            g.without += counts[WITHOUT][p];
            g.with += counts[WITH][p];
        }
    g.pct = g.without ? ((double)g.with - (double)g.without)
                        / (double)g.without * 100 : 0;
    return g;
}

struct growth instruction_growth(const struct unit *u, int program)
{
    return growth_of(u->instructions, program);
}

bool allocator_change(const struct unit *u, long long *change,
                      double *points)
{
    struct growth allocator = growth_of(u->allocator, ALL_COUNTED);
    struct growth total = instruction_growth(u, ALL_COUNTED);
    *change = (long long)allocator.with - (long long)allocator.without;
    *points = total.without ? (double)*change / (double)total.without * 100
                            : 0;
    return allocator.without && allocator.with;
}
