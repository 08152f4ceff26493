/* A mapped input cut short while the tool reads it (a build still
 * writing it): "changed while being read", never SIGBUS; and so for a
 * program's facts section, and its units, read from the file once it is
 * cut.
 *
 * elf_begin is replaced here: it maps the file as libelf does, then
 * truncates it to its first bytes, so every later read of a section
 * header lands past the file's end, deterministically. */
#define _GNU_SOURCE
#include "unit.h"

#include "../../tools/inputs.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/vmsdcheck-unit-XXXXXX";
static char copy[64];
static int cut_after_mapping;

Elf *elf_begin(int fd, Elf_Cmd cmd, Elf *ref)
{
    Elf *(*real)(int, Elf_Cmd, Elf *) =
        (Elf *(*)(int, Elf_Cmd, Elf *))dlsym(RTLD_NEXT, "elf_begin");
    Elf *elf = real(fd, cmd, ref);
    if (cut_after_mapping && truncate(copy, 64) != 0)
        fail("truncate %s", copy);
    return elf;
}

/* RUN(ARG), with what it printed to stderr in MESSAGES. */
static bool captured(bool (*run)(void *), void *arg, char *messages,
                     size_t size)
{
    char log[80];
    snprintf(log, sizeof log, "%s/stderr", dir);
    fflush(stderr);
    int saved = dup(2);
    int to = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(to, 2);
    close(to);
    bool ok = run(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    FILE *f = fopen(log, "r");
    size_t n = f ? fread(messages, 1, size - 1, f) : 0;
    messages[n] = '\0';
    if (f)
        fclose(f);
    unlink(log);
    return ok;
}

static bool read_inputs(void *arg)
{
    char *paths[] = { copy };
    return inputs_read(paths, 1, false, arg);
}

/* inputs_read on the copy, with what it printed to stderr in MESSAGES. */
static bool read_copy(char *messages, size_t size)
{
    struct input_set set;
    bool ok = captured(read_inputs, &set, messages, size);
    inputs_free(&set);
    return ok;
}

static bool read_every_byte(const struct facts_blob *blob, void *arg)
{
    unsigned *sum = arg;
    for (size_t i = 0; i < blob->size; i++)
        *sum += (unsigned char)blob->data[i];
    return true;
}

static bool list_first_units(void *arg)
{
    struct input_set *set = arg;
    return inputs_list_units(&set->programs[0]);
}

static bool read_first_facts(void *arg)
{
    struct input_set *set = arg;
    unsigned sum = 0;
    return inputs_read_facts(&set->programs[0].blobs[0], read_every_byte,
                             &sum);
}

/* The copy with a facts section of 128 KB (a document and spaces), big
 * enough to be read from the file rather than copied. */
static void add_big_facts(void)
{
    char facts[80], command[256];
    snprintf(facts, sizeof facts, "%s/facts", dir);
    FILE *f = fopen(facts, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("vmsdcheck-facts 6 5:dev.c\nE\n", f);
    for (int i = 0; i < 128 << 10; i++)
        fputc(' ', f);
    fclose(f);
    snprintf(command, sizeof command,
             "objcopy --add-section .vmsdcheck.facts=%s %s", facts, copy);
    CHECK(system(command) == 0);
    unlink(facts);
}

/* This test's own program, an ELF file without facts, copied. */
static void copy_self(void)
{
    FILE *in = fopen("/proc/self/exe", "rb"), *out = fopen(copy, "wb");
    char buf[65536];
    size_t n;
    while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    CHECK(in && out);
    if (in)
        fclose(in);
    if (out)
        fclose(out);
}

int main(void)
{
    char messages[4096];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(copy, sizeof copy, "%s/program", dir);

    copy_self();
    CHECK(!read_copy(messages, sizeof messages));
    CHECK(strstr(messages, "no vmsdcheck facts") != NULL);

    cut_after_mapping = 1;
    CHECK(!read_copy(messages, sizeof messages));
    CHECK(strstr(messages, ": changed while being read\n") != NULL);
    /* And again: the guard is set up anew for each input. */
    copy_self();
    CHECK(!read_copy(messages, sizeof messages));
    CHECK(strstr(messages, ": changed while being read\n") != NULL);

    /* Facts read from the file, which is cut short before they are. */
    cut_after_mapping = 0;
    copy_self();
    add_big_facts();
    struct input_set set;
    CHECK(captured(read_inputs, &set, messages, sizeof messages));
    CHECK(set.n_programs == 1 && set.programs[0].n_blobs == 1
          && set.programs[0].blobs[0].mapping != NULL);
    if (set.n_programs == 1 && set.programs[0].n_blobs == 1) {
        CHECK(truncate(copy, 64) == 0);
        CHECK(!captured(read_first_facts, &set, messages, sizeof messages));
        CHECK(strstr(messages, ": changed while being read\n") != NULL);
    }
    inputs_free(&set);

    /* A program's C units are listed as it is built, from its file kept
     * open, then let go (this test's own units, from its debug
     * information); and
     * from the file cut short since it was read, not at all. */
    copy_self();
    add_big_facts();
    CHECK(captured(read_inputs, &set, messages, sizeof messages));
    CHECK(set.n_programs == 1 && set.programs[0].elf != NULL
          && set.programs[0].n_c_units == 0);
    if (set.n_programs == 1) {
        CHECK(captured(list_first_units, &set, messages, sizeof messages));
        CHECK(set.programs[0].units_from == UNITS_DEBUG_INFO
              && set.programs[0].n_c_units > 0
              && set.programs[0].elf == NULL);
    }
    inputs_free(&set);
    CHECK(captured(read_inputs, &set, messages, sizeof messages));
    if (set.n_programs == 1) {
        CHECK(truncate(copy, 64) == 0);
        CHECK(!captured(list_first_units, &set, messages, sizeof messages));
        CHECK(strstr(messages, ": changed while being read\n") != NULL);
    }
    inputs_free(&set);

    unlink(copy);
    rmdir(dir);
    totals();
    return 0;
}
