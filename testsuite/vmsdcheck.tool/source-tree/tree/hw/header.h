/* A header: not a C file of the tree, whatever it holds.  */
static const VMStateDescription vmstate_header = { .name = "header" };
