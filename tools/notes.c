/* The calling thread's stream for notes (see notes.h). */
#include "notes.h"

static _Thread_local FILE *stream;

FILE *notes(void)
{
    return stream ? stream : stderr;
}

void notes_to(FILE *to)
{
    stream = to;
}
