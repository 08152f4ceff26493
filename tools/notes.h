/* Where the tool's notes and input errors go: stderr, or, on a thread
 * building one of several programs at once, that program's own buffer,
 * written out in the programs' order once all are built
 * (tools/build-programs.c), so that stderr reads as when they are built
 * one after another. */
#ifndef VMSDCHECK_TOOL_NOTES_H
#define VMSDCHECK_TOOL_NOTES_H

#include <stdio.h>

/* The calling thread's stream for notes: stderr unless notes_to set
 * another. */
FILE *notes(void);
/* The calling thread's notes to STREAM from now on (NULL: stderr). */
void notes_to(FILE *stream);

#endif
