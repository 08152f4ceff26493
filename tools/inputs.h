/* Finding the facts in what the user names: linked executables and
 * shared objects (each a program of its own), relocatable objects,
 * static archives, facts files and facts directories (together, one
 * program of loose units). */
#ifndef VMSDCHECK_TOOL_INPUTS_H
#define VMSDCHECK_TOOL_INPUTS_H

#include "../checker/arena.h"

#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>

/* The facts section of one file (or archive member): the documents of
 * every unit linked into it, one after another. */
struct facts_blob {
    char *origin;               /* "x.o", "libfoo.a(x.o)", "dir/f.vmsdfacts" */
    char *data;
    size_t size;
    void *mapping;              /* the file's pages DATA lies in, when it
                                   is read from the file (NULL: a copy) */
    size_t mapping_size;
    bool from_archive;          /* the linker takes such a member only when
                                   needed: its definitions yield to others */
};

/* Where a program's list of C units comes from. */
enum units_source {
    UNITS_UNKNOWN,              /* nowhere: stripped, or facts files only */
    UNITS_DEBUG_INFO,           /* its DWARF compile units */
    UNITS_SYMBOLS,              /* its symbol table's file symbols */
    UNITS_OBJECTS,              /* the objects and archives given */
};

/* A program's C units as its debug information (or, without it, its
 * file symbols) names them: what should carry facts. */
struct program_input {
    char *name;
    struct facts_blob *blobs;
    size_t n_blobs;
    char **c_units;
    size_t n_c_units;
    /* With debug information, the C units the symbol table names too:
     * those of them the debug information does not name were compiled
     * without -g (or come from a static library). */
    char **symbol_units;
    size_t n_symbol_units;
    struct vmsd_arena unit_names;       /* the names of both lists */
    enum units_source units_from;
    const char *units_unknown;  /* UNITS_UNKNOWN: why, in a few words */
    Elf *elf;                   /* a linked program's file, mapped, until
                                   inputs_list_units lists its units */
};

struct input_set {
    struct program_input *programs;
    size_t n_programs;
};

/* Read every path; print what cannot be read, or carries no facts at
 * all, to stderr and return false.  With 'progress', count files read on
 * stderr. */
bool inputs_read(char *const *paths, size_t n_paths, bool progress,
                 struct input_set *set);
/* READ(BLOB, ARG), its result: BLOB's facts may lie in a mapped file,
 * and a file cut short under the tool is then an error said on stderr
 * (false), not a signal. */
bool inputs_read_facts(const struct facts_blob *blob,
                       bool (*read)(const struct facts_blob *blob, void *arg),
                       void *arg);
/* The C units of P, a linked program, into its c_units (and
 * symbol_units), read from its file, which is then let go: done as it
 * is built, on its thread, since listing them is most of what reading a
 * program costs.  False when the file was cut short under the tool
 * (said on stderr). */
bool inputs_list_units(struct program_input *p);
/* BLOB's facts text, once read: a big one need not stay while the
 * program is built and checked. */
void inputs_free_facts(struct facts_blob *blob);
void inputs_free(struct input_set *set);

#endif
