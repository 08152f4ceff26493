/* The base of a change, built from a model or by a reader, and the
 * tables of the records it keeps. */
#include "baseline.h"
#include "record-copy.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each record's members (records.def), with their places in the
 * model's struct and the base's. */
#define BASE_AT_BASE(member, key) BASE_AT, member, key
#define BASE_AT_DERIVED(member, key) BASE_AT, member, key
#define BASE_AT_NO_BASE NO_BASE_AT
#define BASE_AT(member, key, st) offsetof(st, member), key
#define NO_BASE_AT(st) VMSD_NOWHERE, NULL
#define DUMP_AT_DUMP(n, key) n, key, false
#define DUMP_AT_DUMP_ARRAY(n, key) n, key, true
#define DUMP_AT_NO_DUMP 0, NULL, false
#define ENTRY(model_struct, base_struct, kind, member, base, dump)          \
    { #member, VMSD_KIND_##kind, VMSD_MODEL_AT(model_struct, member, base), \
      VMSD_PICK(BASE_AT_##base, base_struct), DUMP_AT_##dump },

static const struct vmsd_member desc_members[] = {
#define VMSD_DESC_MEMBER(kind, member, facts, base, dump)                 \
    ENTRY(struct vmsd_desc, struct vmsd_base_desc, kind, member, base, dump)
#include "records.def"
};

static const struct vmsd_member field_members[] = {
#define VMSD_FIELD_MEMBER(kind, member, facts, base, dump)                \
    ENTRY(struct vmsd_field, struct vmsd_base_field, kind, member, base,  \
          dump)
#include "records.def"
};

/* A subsection entry's members are those of the description it names. */
static const struct vmsd_member sub_members[] = {
#define VMSD_SUB_MEMBER(kind, member, facts, base, dump)                  \
    ENTRY(struct vmsd_desc, struct vmsd_base_sub, kind, member, base, dump)
#include "records.def"
};

static const struct vmsd_member device_members[] = {
#define VMSD_DEVICE_MEMBER(kind, member, facts, base, dump)               \
    ENTRY(struct vmsd_device, struct vmsd_base_device, kind, member, base, \
          dump)
#include "records.def"
};

/* The program's struct is the base's. */
static const struct vmsd_member type_machines_members[] = {
#define VMSD_TYPE_MACHINES_MEMBER(kind, member, facts, base, dump)        \
    ENTRY(struct vmsd_type_machines, struct vmsd_type_machines, kind,     \
          member, base, dump)
#include "records.def"
};

#define RECORD(members) { members, sizeof members / sizeof *members }
const struct vmsd_record vmsd_desc_record = RECORD(desc_members);
const struct vmsd_record vmsd_field_record = RECORD(field_members);
const struct vmsd_record vmsd_sub_record = RECORD(sub_members);
const struct vmsd_record vmsd_device_record = RECORD(device_members);
const struct vmsd_record vmsd_type_machines_record =
    RECORD(type_machines_members);

static void add_pair(struct vmsd_strset *pairs, const char *parent,
                     const char *sub, void *value)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_pair(pairs, parent, sub);
    if (!slot->value)
        slot->value = value;
}

/* The subsection a list entry names, when the loader can match it. */
static const struct vmsd_desc *named_entry(const struct vmsd_ref *entry)
{
    const struct vmsd_desc *sub = entry->target;
    return sub && sub->defined && sub->name ? sub : NULL;
}

/* NAME's slot in SET, pointing at D when new. */
static void add_first(struct vmsd_strset *set, const char *name,
                      struct vmsd_desc *d)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(set, name);
    if (!slot->value)
        slot->value = d;
}

void vmsd_model_names(const struct vmsd_model *model,
                      struct vmsd_strset *names, struct vmsd_strset *pairs,
                      struct vmsd_strset *symbols)
{
    for (size_t i = 0; i < model->n_descs; i++) {
        struct vmsd_desc *d = model->descs[i];
        if (!d->defined || !d->name)
            continue;
        add_first(names, d->name, d);
        if (symbols && d->symbol)
            add_first(symbols, d->symbol, d);
        if (!pairs || !d->subsections)
            continue;
        size_t n = vmsd_sublist_length(d->subsections);
        for (size_t j = 0; j < n; j++) {
            const struct vmsd_desc *sub = named_entry(&d->subsections->slots[j]);
            if (sub)
                add_pair(pairs, d->name, sub->name, d);
        }
    }
}

static const char *own_file(void *program, const char *file)
{
    return vmsd_base_program_file(program, file);
}

/* A field's BASE members, and the name of the description it nests. */
static void copy_field(struct vmsd_base_program *p,
                       struct vmsd_base_field *to,
                       const struct vmsd_field *from)
{
    const struct vmsd_desc *nested = from->vmsd.target;
    vmsd_record_to_base(&vmsd_field_record, to, from, own_file, p);
    to->nested = vmsd_strdup(nested && nested->defined ? nested->name : NULL);
}

void vmsd_base_program_from_model(struct vmsd_base_program *out,
                                  const char *name,
                                  const struct vmsd_model *model)
{
    memset(out, 0, sizeof *out);
    out->name = vmsd_strdup(name);
    for (size_t i = 0; i < model->n_descs; i++) {
        const struct vmsd_desc *d = model->descs[i];
        if (!d->defined || !d->name)
            continue;
        struct vmsd_base_desc *bd = vmsd_base_program_add(out);
        vmsd_record_to_base(&vmsd_desc_record, bd, d, own_file, out);
        bd->top_level = vmsd_desc_top_level(d);
        for (size_t j = 0; d->fields && j < d->fields->n_fields; j++)
            copy_field(out, vmsd_base_desc_add_field(bd),
                       &d->fields->fields[j]);
        if (!d->subsections)
            continue;
        size_t n = vmsd_sublist_length(d->subsections);
        for (size_t j = 0; j < n; j++) {
            const struct vmsd_desc *sub = named_entry(&d->subsections->slots[j]);
            if (sub)
                vmsd_record_to_base(&vmsd_sub_record,
                                    vmsd_base_desc_add_sub(bd), sub,
                                    own_file, out);
        }
    }
    vmsd_base_program_index(out);
}

struct vmsd_base_desc *vmsd_base_program_add(struct vmsd_base_program *p)
{
    return VMSD_APPEND(p->descs, p->n_descs);
}

struct vmsd_base_sub *vmsd_base_desc_add_sub(struct vmsd_base_desc *d)
{
    return VMSD_APPEND(d->subs, d->n_subs);
}

struct vmsd_base_field *vmsd_base_desc_add_field(struct vmsd_base_desc *d)
{
    return VMSD_APPEND(d->fields, d->n_fields);
}

const char *vmsd_base_program_file(struct vmsd_base_program *p,
                                   const char *file)
{
    return file ? vmsd_strset_add_name(&p->files, file)->key : NULL;
}

static int compare_type_machines(const void *pa, const void *pb)
{
    const struct vmsd_type_machines *a = pa, *b = pb;
    return strcmp(a->type, b->type);
}

void vmsd_base_program_index(struct vmsd_base_program *p)
{
    for (size_t i = 0; i < p->n_descs; i++) {
        struct vmsd_base_desc *d = &p->descs[i];
        struct vmsd_strset_slot *slot = vmsd_strset_add_name(&p->names,
                                                             d->name);
        if (!slot->value)
            slot->value = d;
        add_pair(&p->by_symbol, d->name, d->symbol ? d->symbol : "", d);
        for (size_t j = 0; j < d->n_subs; j++) {
            add_pair(&p->pairs, d->name, d->subs[j].name, d);
            vmsd_strset_add_name(&p->sub_names, d->subs[j].name);
        }
    }
    if (p->n_type_machines)
        qsort(p->type_machines, p->n_type_machines, sizeof *p->type_machines,
              compare_type_machines);
}

bool vmsd_base_has_pair(const struct vmsd_base_program *p,
                        const char *parent, const char *sub)
{
    return vmsd_strset_find_pair(&p->pairs, parent, sub) != NULL;
}

void vmsd_base_program_add_device(struct vmsd_base_program *p,
                                  const struct vmsd_base_device *device)
{
    struct vmsd_strset_slot *slot = vmsd_strset_add_name(&p->device_index,
                                                         device->type);
    if (slot->value)
        return;                 /* the first stays */
    /* The index holds positions: the array may move as it grows. */
    slot->value = (void *)(uintptr_t)(p->n_devices + 1);
    vmsd_record_copy_base(&vmsd_device_record,
                          VMSD_APPEND(p->devices, p->n_devices), device,
                          own_file, p);
}

/* A device type's BASE members, its description's name and place. */
void vmsd_base_program_add_devices(struct vmsd_base_program *p,
                                   const struct vmsd_device *devices,
                                   size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!devices[i].vmsd || !devices[i].vmsd->name)
            continue;
        struct vmsd_base_device d;
        vmsd_record_to_base(&vmsd_device_record, &d, &devices[i], own_file,
                            p);
        d.vmsd = devices[i].vmsd->name;
        d.loc = devices[i].vmsd->loc;
        vmsd_base_program_add_device(p, &d);
        d.vmsd = NULL;
        vmsd_record_free_base(&vmsd_device_record, &d);
    }
}

void vmsd_base_program_add_stateless(struct vmsd_base_program *p,
                                     const char *type)
{
    vmsd_strset_add_name(&p->stateless, type);
}

void vmsd_base_program_add_type_machines(struct vmsd_base_program *p,
                                         const struct vmsd_type_machines *tm)
{
    vmsd_record_copy_base(&vmsd_type_machines_record,
                          VMSD_APPEND(p->type_machines, p->n_type_machines),
                          tm, own_file, p);
}

const struct vmsd_type_machines *vmsd_find_type_machines(
    const struct vmsd_type_machines *list, size_t n, const char *type)
{
    const struct vmsd_type_machines key = { .type = type };
    return n ? bsearch(&key, list, n, sizeof *list, compare_type_machines)
             : NULL;
}

const struct vmsd_base_device *vmsd_base_find_device(
    const struct vmsd_base_program *p, const char *type)
{
    struct vmsd_strset_slot *slot = vmsd_strset_find_name(&p->device_index,
                                                          type);
    return slot ? &p->devices[(uintptr_t)slot->value - 1] : NULL;
}

const struct vmsd_base_desc *vmsd_base_find(const struct vmsd_base_program *p,
                                            const char *name,
                                            const char *symbol)
{
    struct vmsd_strset_slot *slot =
        vmsd_strset_find_pair(&p->by_symbol, name, symbol ? symbol : "");
    return slot ? slot->value : NULL;
}

void vmsd_base_program_free(struct vmsd_base_program *p)
{
    for (size_t i = 0; i < p->n_descs; i++) {
        struct vmsd_base_desc *d = &p->descs[i];
        for (size_t j = 0; j < d->n_fields; j++)
            vmsd_record_free_base(&vmsd_field_record, &d->fields[j]);
        free(d->fields);
        for (size_t j = 0; j < d->n_subs; j++)
            vmsd_record_free_base(&vmsd_sub_record, &d->subs[j]);
        free(d->subs);
        vmsd_record_free_base(&vmsd_desc_record, d);
    }
    free(p->descs);
    free(p->name);
    vmsd_strset_free(&p->files);
    vmsd_strset_free(&p->names);
    vmsd_strset_free(&p->pairs);
    vmsd_strset_free(&p->sub_names);
    vmsd_strset_free(&p->by_symbol);
    for (size_t i = 0; i < p->n_devices; i++)
        vmsd_record_free_base(&vmsd_device_record, &p->devices[i]);
    free(p->devices);
    vmsd_strset_free(&p->device_index);
    for (size_t i = 0; i < p->n_type_machines; i++)
        vmsd_record_free_base(&vmsd_type_machines_record,
                              &p->type_machines[i]);
    free(p->type_machines);
    vmsd_strset_free(&p->stateless);
    memset(p, 0, sizeof *p);
}
