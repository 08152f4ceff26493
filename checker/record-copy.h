/* A record's members copied, whatever the member, by its table
 * (records.h): into the gate's base, from base to base, and from a
 * unit's model into the program's. */
#ifndef VMSDCHECK_RECORD_COPY_H
#define VMSDCHECK_RECORD_COPY_H

#include "model.h"
#include "records.h"

/* Copy RECORD's BASE members of the model's struct FROM into the
 * base's struct TO: names copied (the caller frees them), places' files
 * through OWN_FILE (with ARG), which keeps them as long as the base. */
void vmsd_record_to_base(const struct vmsd_record *record, void *to,
                         const void *from,
                         const char *(*own_file)(void *arg, const char *),
                         void *arg);
/* Copy a base's struct FROM (BASE and DERIVED members) into TO, the
 * same way. */
void vmsd_record_copy_base(const struct vmsd_record *record, void *to,
                           const void *from,
                           const char *(*own_file)(void *arg, const char *),
                           void *arg);
/* Copy RECORD's model struct FROM into TO, of another model: names
 * and places' files shared (they must live as long as TO's model: the
 * tool's units name what their program keeps); references are left zero
 * and ids as TO has them, for the caller to link. */
void vmsd_record_copy_model(const struct vmsd_record *record, void *to,
                            const void *from);
/* Free the names of a base's struct AT. */
void vmsd_record_free_base(const struct vmsd_record *record, void *at);

#endif
