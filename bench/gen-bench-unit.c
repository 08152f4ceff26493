/* gen-bench-unit: print a C unit with N VMStateDescriptions (default
 * 5000) for the plugin benchmark (bench/bench, make bench).
 *
 * Usage: gen-bench-unit [-o FILE] [N]
 * (to standard output; with -o, to FILE, written whole or not at all)
 *
 * The unit includes the project's minimal "vmstate.h" and is shaped like
 * QEMU's device files: each group is one device, with
 *   - a nested description loaded inline by VMSTATE_STRUCT,
 *   - 2 or 3 subsections, each with a .needed function and a field list,
 *   - the device's top-level description: a field list (a compound
 *     literal of VMSTATE_UINT32 entries, a VMSTATE_STRUCT and
 *     VMSTATE_END_OF_LIST()) and a compound-literal .subsections list
 *     ending in NULL.
 * Every description counts toward N; the last group is cut short when N
 * is not a multiple of the group size.  Subsection names follow the rule
 * "parent/rest", so the plugin reports nothing: the benchmark measures
 * reading and checking, not printing warnings.
 *
 * With --lattice, the unit is the load-ambiguity walk's adversarial
 * shape instead: descriptions l0 ... l(N-1), each loading four copies of
 * the one below behind a field_exists test (VMSTATE_STRUCT_TEST), one
 * top-level description loading the last, and a subsection 'l0/x' of l3
 * that can follow l0's end (one finding).
 *
 * The unit compiles cleanly with gcc -O2 -c -Wall -I include.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"

#include "../checker/strbuf.h"
#include "../checker/whole-file.h"

#define DEFAULT_COUNT 5000
#define MAX_COUNT 10000000L
#define REGS 6                  /* uint32_t registers per device */

static void usage(FILE *out)
{
    fprintf(out, "usage: gen-bench-unit [-o FILE] [--lattice] [N]\n"
            "prints a C unit with N VMStateDescriptions (default %d) "
            "to standard output\n"
            "-o FILE    write it to FILE instead, whole or not at all\n"
            "--lattice  descriptions N deep, each loading four optional "
            "copies of the one below\n",
            DEFAULT_COUNT);
}

/* The state types of device D: a nested struct and the device. */
static void print_types(struct vmsd_strbuf *b, unsigned d)
{
    vmsd_strbuf_printf(b, "typedef struct Dev%uRing {\n"
                       "    uint32_t head;\n"
                       "    uint32_t tail;\n"
                       "} Dev%uRing;\n\n", d, d);
    vmsd_strbuf_printf(b, "typedef struct Dev%uState {\n", d);
    for (unsigned r = 0; r < REGS; r++)
        vmsd_strbuf_printf(b, "    uint32_t reg%u;\n", r);
    vmsd_strbuf_printf(b, "    Dev%uRing ring;\n"
                       "} Dev%uState;\n\n", d, d);
}

static void print_nested(struct vmsd_strbuf *b, unsigned d)
{
    vmsd_strbuf_printf(b,
        "static const VMStateDescription vmstate_dev%u_ring = {\n"
        "    .name = \"dev%u-ring\",\n"
        "    .version_id = 1,\n"
        "    .minimum_version_id = 1,\n"
        "    .fields = (const VMStateField[]) {\n"
        "        VMSTATE_UINT32(head, Dev%uRing),\n"
        "        VMSTATE_UINT32(tail, Dev%uRing),\n"
        "        VMSTATE_END_OF_LIST()\n"
        "    },\n"
        "};\n\n", d, d, d, d);
}

/* Subsection S of device D: sent when its register is non-zero. */
static void print_subsection(struct vmsd_strbuf *b, unsigned d, unsigned s)
{
    unsigned reg = 2 + s;       /* reg0, reg1 are in the main list */
    vmsd_strbuf_printf(b,
        "static bool dev%u_sub%u_needed(void *opaque)\n"
        "{\n"
        "    const Dev%uState *s = opaque;\n"
        "    return s->reg%u != 0;\n"
        "}\n\n", d, s, d, reg);
    vmsd_strbuf_printf(b,
        "static const VMStateDescription vmstate_dev%u_sub%u = {\n"
        "    .name = \"dev%u/sub%u\",\n"
        "    .version_id = 1,\n"
        "    .minimum_version_id = 1,\n"
        "    .needed = dev%u_sub%u_needed,\n"
        "    .fields = (const VMStateField[]) {\n"
        "        VMSTATE_UINT32(reg%u, Dev%uState),\n"
        "        VMSTATE_END_OF_LIST()\n"
        "    },\n"
        "};\n\n", d, s, d, s, d, s, reg, d);
}

/* The device's top-level description.  It has external linkage, as a
 * description registered from another file would, so -Wall has nothing
 * to say about an unused static. */
static void print_top(struct vmsd_strbuf *b, unsigned d, unsigned n_subs,
                      int has_nested)
{
    vmsd_strbuf_printf(b,
        "const VMStateDescription vmstate_dev%u = {\n"
        "    .name = \"dev%u\",\n"
        "    .version_id = 2,\n"
        "    .minimum_version_id = 1,\n"
        "    .fields = (const VMStateField[]) {\n"
        "        VMSTATE_UINT32(reg0, Dev%uState),\n"
        "        VMSTATE_UINT32_V(reg1, Dev%uState, 2),\n",
        d, d, d, d);
    if (has_nested)
        vmsd_strbuf_printf(b, "        VMSTATE_STRUCT(ring, Dev%uState, "
                           "vmstate_dev%u_ring, Dev%uRing),\n", d, d, d);
    vmsd_strbuf_puts(b, "        VMSTATE_END_OF_LIST()\n"
                     "    },\n");
    if (n_subs) {
        vmsd_strbuf_puts(b, "    .subsections = "
                         "(const VMStateDescription * const []) {\n");
        for (unsigned s = 0; s < n_subs; s++)
            vmsd_strbuf_printf(b, "        &vmstate_dev%u_sub%u,\n", d, s);
        vmsd_strbuf_puts(b, "        NULL\n"
                         "    },\n");
    }
    vmsd_strbuf_puts(b, "};\n\n");
}

/* The unit of COUNT descriptions, into B. */
static void print_unit(struct vmsd_strbuf *b, unsigned long count)
{
    vmsd_strbuf_printf(b, "/* Generated by bench/gen-bench-unit %lu: %lu "
                       "VMStateDescriptions.  Do not edit. */\n"
                       "#include \"vmstate.h\"\n\n", count, count);

    unsigned long left = count;
    for (unsigned d = 0; left > 0; d++) {
        /* A group: top + nested + 2 or 3 subsections (4 or 5 in all),
         * the last one smaller when fewer descriptions are left. */
        unsigned long want = 2 + (d % 2 ? 3 : 2);
        unsigned long size = left < want ? left : want;
        int has_nested = size >= 2;
        unsigned n_subs = size >= 2 ? (unsigned)(size - 2) : 0;

        print_types(b, d);
        if (has_nested)
            print_nested(b, d);
        for (unsigned s = 0; s < n_subs; s++)
            print_subsection(b, d, s);
        print_top(b, d, n_subs, has_nested);
        left -= size;
    }
}

#define LATTICE_COPIES 4

/* The lattice N deep, into B. */
static void print_lattice(struct vmsd_strbuf *b, unsigned long depth)
{
    vmsd_strbuf_printf(b, "/* Generated by bench/gen-bench-unit --lattice "
                       "%lu.  Do not edit. */\n"
                       "#include \"vmstate.h\"\n\n"
                       "typedef struct S { uint32_t x; } S;\n\n"
                       "static bool maybe(void *opaque, int version_id)\n"
                       "{\n    return opaque != 0 && version_id > 1;\n}\n\n"
                       "static bool wanted(void *opaque)\n"
                       "{\n    return opaque != 0;\n}\n\n"
                       "static const VMStateDescription vmstate_l0_x = {\n"
                       "    .name = \"l0/x\",\n"
                       "    .needed = wanted,\n"
                       "    .fields = (const VMStateField[]) {\n"
                       "        VMSTATE_UINT32(x, S),\n"
                       "        VMSTATE_END_OF_LIST()\n    },\n};\n\n",
                       depth);
    for (unsigned long i = 0; i < depth; i++) {
        vmsd_strbuf_printf(b, "static const VMStateDescription vmstate_l%lu "
                           "= {\n    .name = \"l%lu\",\n", i, i);
        if (i == 3)
            vmsd_strbuf_puts(b, "    .subsections = (const "
                             "VMStateDescription * const []) {\n"
                             "        &vmstate_l0_x,\n        NULL\n    },\n");
        vmsd_strbuf_puts(b, "    .fields = (const VMStateField[]) {\n");
        if (i == 0)
            vmsd_strbuf_puts(b, "        VMSTATE_UINT32(x, S),\n");
        for (unsigned c = 0; i > 0 && c < LATTICE_COPIES; c++)
            vmsd_strbuf_printf(b, "        VMSTATE_STRUCT_TEST(x, S, maybe, "
                               "vmstate_l%lu, S),\n", i - 1);
        vmsd_strbuf_puts(b, "        VMSTATE_END_OF_LIST()\n    },\n};\n\n");
    }
    if (depth)
        vmsd_strbuf_printf(b, "const VMStateDescription vmstate_lattice = {\n"
                           "    .name = \"lattice\",\n"
                           "    .fields = (const VMStateField[]) {\n"
                           "        VMSTATE_STRUCT(x, S, vmstate_l%lu, S),\n"
                           "        VMSTATE_END_OF_LIST()\n    },\n};\n",
                           depth - 1);
}

/* Standard output takes the text in pieces: a unit of millions of
 * descriptions need not fit in memory. */
static void to_stdout(const char *text, size_t len, void *arg)
{
    (void)arg;
    fwrite(text, 1, len, stdout);
}

int main(int argc, char **argv)
{
    unsigned long count = DEFAULT_COUNT;
    const char *output = NULL;
    int first = 1;

    bool lattice = false;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        output = argv[2];
        first = 3;
    }
    if (argc > first && strcmp(argv[first], "--lattice") == 0) {
        lattice = true;
        first++;
    }
    if (argc - first > 1) {
        usage(stderr);
        return 2;
    }
    if (argc - first == 1) {
        const char *n = argv[first];
        long v;
        if (n[0] == '-' || !parse_count(n, 0, MAX_COUNT, &v)) {
            if (n[0] == '-' && n[1] == 'h') {
                usage(stdout);
                return 0;
            }
            fprintf(stderr, "gen-bench-unit: N must be a number from 0 to "
                    "%ld, not '%s'\n", MAX_COUNT, n);
            usage(stderr);
            return 2;
        }
        count = (unsigned long)v;
    }

    struct vmsd_strbuf b = { 0 };
    if (!output) {
        b.flush = to_stdout;
        b.flush_at = (size_t)1 << 16;
    }
    if (lattice)
        print_lattice(&b, count);
    else
        print_unit(&b, count);
    vmsd_strbuf_flush(&b);
    char *text = vmsd_strbuf_take(&b);
    bool ok = output ? vmsd_write_whole_file(output, text)
                     : fflush(stdout) == 0 && !ferror(stdout);
    free(text);
    if (!ok) {
        fprintf(stderr, "gen-bench-unit: writing the unit%s%s: %s\n",
                output ? " to " : "", output ? output : "", strerror(errno));
        return 1;
    }
    return 0;
}
