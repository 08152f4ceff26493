/* Under a directory whose name starts with a dot: not walked.  */
const VMStateDescription vmstate_hidden = { .name = "hidden" };
