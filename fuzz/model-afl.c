/* The fuzz target 'model' (fuzz/run): the tool itself (its main, built
 * as vmsdcheck_main) run on the facts of a model made from the input's
 * bytes (model-gen.c), with a command the first byte picks: check (the
 * rules, the load-ambiguity walk among them), dump-vmstate, graph.
 * With -w, it only writes the facts to standard output: how a crash
 * input becomes a regression test. */
#define _POSIX_C_SOURCE 200809L
#include "model-gen.h"

#include "../checker/whole-file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int vmsdcheck_main(int argc, char **argv);

int main(int argc, char **argv)
{
    bool write_only = argc == 3 && strcmp(argv[1], "-w") == 0;
    if (argc != 2 && !write_only) {
        fprintf(stderr, "usage: vmsdcheck-model-afl [-w] INPUT\n");
        return 2;
    }
    size_t n;
    const char *why;
    char *data = vmsd_read_whole_file(argv[argc - 1], (size_t)1 << 20, &n,
                                      &why);
    if (!data) {
        fprintf(stderr, "%s: %s\n", argv[argc - 1], why);
        return 2;
    }
    char *facts = fuzz_model_facts((const unsigned char *)data, n);
    if (write_only) {
        fputs(facts, stdout);
        return 0;
    }
    static const char *const commands[] = { "check", "dump-vmstate",
                                            "graph" };
    char path[64];
    snprintf(path, sizeof path, "/tmp/vmsdcheck-model-%ld.vmsdfacts",
             (long)getpid());
    FILE *out = fopen(path, "w");       /* no fsync: thousands a second */
    if (!out || fputs(facts, out) < 0 || fclose(out) != 0) {
        perror(path);
        return 2;
    }
    char *args[] = { "vmsdcheck",
                     (char *)commands[n ? (unsigned char)data[0] % 3 : 0],
                     "--fail-on", "never", "-o", "/dev/null", path, NULL };
    int status = vmsdcheck_main(7, args);
    unlink(path);
    free(facts);
    free(data);
    return status;
}
