/* gen-bench-unit: print a C unit with N VMStateDescriptions (default
 * 5000) for the plugin benchmark (bench/bench.c, make bench).
 *
 * Usage: gen-bench-unit [N] > unit.c
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
 * The unit compiles cleanly with gcc -O2 -c -Wall -I include.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_COUNT 5000
#define REGS 6                  /* uint32_t registers per device */

static void usage(FILE *out)
{
    fprintf(out, "usage: gen-bench-unit [N]\n"
            "prints a C unit with N VMStateDescriptions (default %d) "
            "to standard output\n", DEFAULT_COUNT);
}

/* The state types of device D: a nested struct and the device. */
static void print_types(unsigned d)
{
    printf("typedef struct Dev%uRing {\n"
           "    uint32_t head;\n"
           "    uint32_t tail;\n"
           "} Dev%uRing;\n\n", d, d);
    printf("typedef struct Dev%uState {\n", d);
    for (unsigned r = 0; r < REGS; r++)
        printf("    uint32_t reg%u;\n", r);
    printf("    Dev%uRing ring;\n"
           "} Dev%uState;\n\n", d, d);
}

static void print_nested(unsigned d)
{
    printf("static const VMStateDescription vmstate_dev%u_ring = {\n"
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
static void print_subsection(unsigned d, unsigned s)
{
    unsigned reg = 2 + s;       /* reg0, reg1 are in the main list */
    printf("static bool dev%u_sub%u_needed(void *opaque)\n"
           "{\n"
           "    const Dev%uState *s = opaque;\n"
           "    return s->reg%u != 0;\n"
           "}\n\n", d, s, d, reg);
    printf("static const VMStateDescription vmstate_dev%u_sub%u = {\n"
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
static void print_top(unsigned d, unsigned n_subs, int has_nested)
{
    printf("const VMStateDescription vmstate_dev%u = {\n"
           "    .name = \"dev%u\",\n"
           "    .version_id = 2,\n"
           "    .minimum_version_id = 1,\n"
           "    .fields = (const VMStateField[]) {\n"
           "        VMSTATE_UINT32(reg0, Dev%uState),\n"
           "        VMSTATE_UINT32_V(reg1, Dev%uState, 2),\n",
           d, d, d, d);
    if (has_nested)
        printf("        VMSTATE_STRUCT(ring, Dev%uState, vmstate_dev%u_ring,"
               " Dev%uRing),\n", d, d, d);
    printf("        VMSTATE_END_OF_LIST()\n"
           "    },\n");
    if (n_subs) {
        printf("    .subsections = (const VMStateDescription * const []) {\n");
        for (unsigned s = 0; s < n_subs; s++)
            printf("        &vmstate_dev%u_sub%u,\n", d, s);
        printf("        NULL\n"
               "    },\n");
    }
    printf("};\n\n");
}

int main(int argc, char **argv)
{
    unsigned long count = DEFAULT_COUNT;

    if (argc > 2) {
        usage(stderr);
        return 2;
    }
    if (argc == 2) {
        char *end;
        errno = 0;
        count = strtoul(argv[1], &end, 10);
        if (argv[1][0] == '-' || argv[1][0] == '\0' || *end || errno
            || count > 10000000) {
            if (argv[1][0] == '-' && argv[1][1] == 'h') {
                usage(stdout);
                return 0;
            }
            fprintf(stderr, "gen-bench-unit: N must be a number from 0 to "
                    "10000000, not '%s'\n", argv[1]);
            usage(stderr);
            return 2;
        }
    }

    printf("/* Generated by bench/gen-bench-unit %lu: %lu "
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

        print_types(d);
        if (has_nested)
            print_nested(d);
        for (unsigned s = 0; s < n_subs; s++)
            print_subsection(d, s);
        print_top(d, n_subs, has_nested);
        left -= size;
    }

    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("gen-bench-unit: writing the unit");
        return 1;
    }
    return 0;
}
