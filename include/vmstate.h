/* A minimal model of QEMU's migration state descriptions.
 *
 * Written for vmsdcheck's tests and examples: it has the members and the
 * initializer shapes vmsdcheck reads (see docs/loader-model.md, "The
 * description and its lists"),
 * and nothing that saves or loads state.  It is not QEMU's header.
 */
#ifndef VMSDCHECK_MINI_VMSTATE_H
#define VMSDCHECK_MINI_VMSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct VMStateInfo {
    const char *name;
} VMStateInfo;

enum VMStateFlags {
    VMS_SINGLE = 0x001,
    VMS_POINTER = 0x002,
    VMS_ARRAY = 0x004,
    VMS_BUFFER = 0x020,
    VMS_STRUCT = 0x008,
    VMS_MUST_EXIST = 0x1000,
    VMS_VSTRUCT = 0x8000,
    VMS_END = 0x10000,
};

typedef struct VMStateDescription VMStateDescription;

typedef struct VMStateField {
    const char *name;
    size_t offset;
    size_t size;
    int num;
    const VMStateInfo *info;
    enum VMStateFlags flags;
    const VMStateDescription *vmsd;
    int version_id;
    int struct_version_id;
    bool (*field_exists)(void *opaque, int version_id);
} VMStateField;

struct VMStateDescription {
    const char *name;
#ifdef VMSTATE_HAS_LEGACY_MARKER
    /* "My subsections use legacy names": a flag QEMU's maintainers have
     * discussed.  Tests that check the marker rules define the macro. */
    bool legacy_bad_subsection_name;
#endif
    bool unmigratable;
    int version_id;
    int minimum_version_id;
    int (*pre_save)(void *opaque);
    int (*post_load)(void *opaque, int version_id);
    bool (*needed)(void *opaque);
    const VMStateField *fields;
    const VMStateDescription * const *subsections;
};

extern const VMStateInfo vmstate_info_uint32;
extern const VMStateInfo vmstate_info_qtailq;
extern const VMStateInfo vmstate_info_tmp;

#define VMSTATE_UINT32_V(_field, _state, _version) {                    \
    .name = #_field,                                                    \
    .version_id = (_version),                                           \
    .size = sizeof(uint32_t),                                           \
    .info = &vmstate_info_uint32,                                       \
    .flags = VMS_SINGLE,                                                \
    .offset = offsetof(_state, _field),                                 \
}
#define VMSTATE_UINT32(_field, _state) VMSTATE_UINT32_V(_field, _state, 0)

#define VMSTATE_UINT32_TEST(_field, _state, _test) {                    \
    .name = #_field,                                                    \
    .field_exists = (_test),                                            \
    .size = sizeof(uint32_t),                                           \
    .info = &vmstate_info_uint32,                                       \
    .flags = VMS_SINGLE,                                                \
    .offset = offsetof(_state, _field),                                 \
}

/* N elements in a row. */
#define VMSTATE_UINT32_ARRAY(_field, _state, _n) {                      \
    .name = #_field,                                                    \
    .num = (_n),                                                        \
    .size = sizeof(uint32_t),                                           \
    .info = &vmstate_info_uint32,                                       \
    .flags = VMS_ARRAY,                                                 \
    .offset = offsetof(_state, _field),                                 \
}

/* A check run on load that sends nothing. */
#define VMSTATE_VALIDATE(_name, _test) {                                \
    .name = (_name),                                                    \
    .field_exists = (_test),                                            \
    .flags = VMS_ARRAY | VMS_MUST_EXIST,                                \
    .num = 0,                                                           \
}

/* Bytes that carry nothing any more, kept so the stream stays alike. */
#define VMSTATE_UNUSED(_size) {                                         \
    .name = "unused",                                                   \
    .size = (_size),                                                    \
    .flags = VMS_BUFFER,                                                \
}

/* A field whose state another description loads inline. */
#define VMSTATE_STRUCT_V(_field, _state, _version, _vmsd, _type) {      \
    .name = #_field,                                                    \
    .version_id = (_version),                                           \
    .vmsd = &(_vmsd),                                                   \
    .size = sizeof(_type),                                              \
    .flags = VMS_STRUCT,                                                \
    .offset = offsetof(_state, _field),                                 \
}
#define VMSTATE_STRUCT(_field, _state, _vmsd, _type)                    \
    VMSTATE_STRUCT_V(_field, _state, 0, _vmsd, _type)

/* _n elements of _type, each loaded by _vmsd. */
#define VMSTATE_STRUCT_ARRAY(_field, _state, _n, _vmsd, _type) {       \
    .name = #_field,                                                    \
    .num = (_n),                                                        \
    .vmsd = &(_vmsd),                                                   \
    .size = sizeof(_type),                                              \
    .flags = VMS_STRUCT | VMS_ARRAY,                                    \
    .offset = offsetof(_state, _field),                                 \
}

/* A member that points to a _type, loaded by _vmsd. */
#define VMSTATE_STRUCT_POINTER(_field, _state, _vmsd, _type) {          \
    .name = #_field,                                                    \
    .vmsd = &(_vmsd),                                                   \
    .size = sizeof(_type),                                              \
    .flags = VMS_STRUCT | VMS_POINTER,                                  \
    .offset = offsetof(_state, _field),                                 \
}

/* A temporary _tmp_type, whose first member 'parent' points to the
 * _state, loaded by _vmsd (its pre_save and post_load copy). */
#define VMSTATE_WITH_TMP(_state, _tmp_type, _vmsd) {                   \
    .name = "tmp",                                                      \
    .size = sizeof(_tmp_type),                                          \
    .vmsd = &(_vmsd),                                                   \
    .info = &vmstate_info_tmp,                                          \
}

#define VMSTATE_STRUCT_TEST(_field, _state, _test, _vmsd, _type) {      \
    .name = #_field,                                                    \
    .field_exists = (_test),                                            \
    .vmsd = &(_vmsd),                                                   \
    .size = sizeof(_type),                                              \
    .flags = VMS_STRUCT,                                                \
    .offset = offsetof(_state, _field),                                 \
}

/* A queue of elements, each described by _vmsd and framed by markers
 * on the wire (as QEMU's QTAILQ fields are). */
#define VMSTATE_QTAILQ(_field, _state, _vmsd, _type) {                  \
    .name = #_field,                                                    \
    .vmsd = &(_vmsd),                                                   \
    .size = sizeof(_type),                                              \
    .info = &vmstate_info_qtailq,                                       \
    .offset = offsetof(_state, _field),                                 \
}

#define VMSTATE_END_OF_LIST() { .flags = VMS_END, }

#endif
