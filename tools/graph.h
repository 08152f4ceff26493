/* vmsdcheck graph: a program's description graph in Graphviz dot. */
#ifndef VMSDCHECK_TOOL_GRAPH_H
#define VMSDCHECK_TOOL_GRAPH_H

#include "program.h"
#include "report.h"

/* Descriptions as boxes, subsections as solid edges (numbered in list
 * order), nested fields as dashed ones; whatever a finding of REPORT
 * stands on is drawn red, with the finding as its tooltip.  With ROOT
 * (a name or a symbol), only what that description loads, transitively.
 * NULL when ROOT names nothing.  The caller frees the text. */
char *graph_render(const struct program *program, const struct report *report,
                   const char *root);

#endif
