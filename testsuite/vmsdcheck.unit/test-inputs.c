/* A mapped input cut short while the tool reads it (a build still
 * writing it): "changed while being read", never SIGBUS.
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

/* inputs_read on the copy, with what it printed to stderr in MESSAGES. */
static bool read_copy(char *messages, size_t size)
{
    char log[80];
    snprintf(log, sizeof log, "%s/stderr", dir);
    fflush(stderr);
    int saved = dup(2);
    int to = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(to, 2);
    close(to);
    char *paths[] = { copy };
    struct input_set set;
    bool ok = inputs_read(paths, 1, false, &set);
    inputs_free(&set);
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

    unlink(copy);
    rmdir(dir);
    totals();
    return 0;
}
