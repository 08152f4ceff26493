/* How the tool's memory is kept: set once, before anything is read. */
#ifndef VMSDCHECK_TOOL_MEMORY_H
#define VMSDCHECK_TOOL_MEMORY_H

/* Sets malloc up for the tool's way of allocating (see memory.c). */
void memory_tune(void);
/* The same for a thread's own heap, first thing in a thread: what it
 * returns is freed when the thread ends. */
void *memory_tune_thread(void);

#endif
