/* Models made from a fuzzer's bytes: every description, list, field,
 * device type, class_init assignment and call a unit's facts can hold,
 * each chosen by the next byte, so that mutations reach the walks over
 * models (the load-ambiguity walk, dump-vmstate, the graph) and not
 * only the readers of text. */
#ifndef VMSDCHECK_FUZZ_MODEL_GEN_H
#define VMSDCHECK_FUZZ_MODEL_GEN_H

#include <stddef.h>

/* The facts document of the model DATA describes (any bytes make one);
 * the caller frees it. */
char *fuzz_model_facts(const unsigned char *data, size_t size);

#endif
