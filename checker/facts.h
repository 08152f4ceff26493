/* The facts format: one unit's model as a compact text document, the
 * way it travels from the plugin (in an ELF section of the object, or in a file
 * with -fsyntax-only) to the whole-program tool.  docs/facts.md. */
#ifndef VMSDCHECK_FACTS_H
#define VMSDCHECK_FACTS_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

#define VMSD_FACTS_FORMAT "vmsdcheck-facts"
/* The version written, and the oldest read: a version 7 document
 * may have records after its creation records (Q, J) and text after
 * its end record; a version 6 one writes GCC's ids, every place and new name whole and an L record for
 * each field list; a version 5 one has no types registered by code (R,
 * U), structs (Y, I, O), machine records (M, P, G, V) or creations (Q,
 * J), a version 4 one no fields' places; they read as absent, so
 * objects built with an older plugin stay readable.  Versions 1 to 3
 * were JSON and are refused with a word on rebuilding (docs/facts.md,
 * "Versions"). */
#define VMSD_FACTS_VERSION 8
#define VMSD_FACTS_OLDEST_READ 4

/* The ELF section that carries the facts of every unit linked in. */
#define VMSD_FACTS_SECTION ".vmsdcheck.facts"

/* A unit's facts as text (the caller frees it); 'unit' is
 * the main source file as the compiler was given it.  Every unit writes
 * them, even one that defines no description: the tool counts the units
 * that carry facts to tell how much of a program it sees.  Descriptions
 * that are only declared here are left out. */
char *vmsd_facts_write(const struct vmsd_model *model, const char *unit);
/* The same text handed to SINK in pieces of about 64 KiB, so that a big
 * unit's facts are never held whole. */
void vmsd_facts_stream(const struct vmsd_model *model, const char *unit,
                       void (*sink)(const char *text, size_t len, void *arg),
                       void *arg);

/* Read one document from TEXT (LENGTH bytes, not NUL-ended) into an
 * empty model.  *unit gets the unit's name (the caller frees it); *used
 * the bytes the document took, so that documents can follow each other.
 * On failure 'error' says why and the result is false. */
bool vmsd_facts_read(const char *text, size_t length,
                     struct vmsd_model *model, char **unit, size_t *used,
                     char *error, size_t error_size);
/* The same, with the creation records (Q and J, what only the
 * containment graph reads) left out of the model unless CREATIONS.
 * From version 8 they come last, so left out they are passed over to
 * the document's end, of which only the end record is checked; before
 * it, a record left out is read as strictly as one kept (its names
 * numbered for the "^N" after it). */
bool vmsd_facts_read_parts(const char *text, size_t length, bool creations,
                           struct vmsd_model *model, char **unit,
                           size_t *used, char *error, size_t error_size);

/* How a caller that reads many documents, into models it merges into
 * one that outlives them, has them read (the tool: a program's units). */
struct vmsd_facts_scratch;
struct vmsd_facts_reading {
    bool creations;             /* as vmsd_facts_read_parts's */
    /* Where the names go, the unit's among them, and the field lists'
     * fields: an arena that outlives the models, so that what they are
     * merged into keeps them, not copies. */
    struct vmsd_arena *lasting;
    /* What places name a file by, kept as long as LASTING: FILE is the
     * file's name there. */
    const char *(*file)(void *arg, const char *file);
    void *file_arg;
    /* The reader's tables, from one document to the next (NULL at
     * first; vmsd_facts_reading_end frees them). */
    struct vmsd_facts_scratch *scratch;
};

/* One document read as vmsd_facts_read_parts reads it, but as HOW says,
 * into MODEL, made with vmsd_model_init_in: its records' arrays come
 * from its arena, as its records do (free it with
 * vmsd_model_free_tables, then its arena), and it lists no files.
 * *UNIT is the unit's name, in HOW's lasting arena. */
bool vmsd_facts_read_unit(struct vmsd_facts_reading *how, const char *text,
                          size_t length, struct vmsd_model *model,
                          const char **unit, size_t *used, char *error,
                          size_t error_size);
void vmsd_facts_reading_end(struct vmsd_facts_reading *how);

#endif
