/* The C compile units debug information names.
 *
 * A unit's name is read from its line table where every table is DWARF
 * 5's: the table's header names the unit's source as its file 0, in a
 * directory of its own list, and the headers are read in place, one
 * after the other.  Anything else is read from the units' entries: libdw
 * finds a unit entry's abbreviation by decoding the unit's table of
 * abbreviations, each into memory, up to the one it needs; GCC numbers
 * the abbreviations by use, so the unit entry's (used once) comes late,
 * and each unit of QEMU's binaries cost some thousand decoded
 * abbreviations.  Only the unit entry's name and language are wanted:
 * the units' headers are read in place, the table is skipped through in
 * place, and the two values are read from the entry (a name in it or in
 * .debug_str or .debug_line_str, a constant language).  A unit whose
 * entry says something this reading does not know (a form it cannot
 * skip or read, a name or language it lacks, which libdw may look for
 * elsewhere) is read by libdw whole, and a section whose headers it
 * cannot read is read by libdw from the start. */
#include "dwarf-units.h"

#include "paths.h"

#include "../checker/strbuf.h"
#include "../checker/xalloc.h"

#include <dwarf.h>
#include <gelf.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of a section, as libdw left them (decompressed). */
struct bytes {
    const unsigned char *start, *end;
};

static struct bytes section_bytes(Elf *elf, const char *wanted)
{
    size_t strndx;
    Elf_Scn *scn = NULL;
    struct bytes none = { NULL, NULL };
    if (elf_getshdrstrndx(elf, &strndx) != 0)
        return none;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr shdr;
        const char *name = gelf_getshdr(scn, &shdr)
                           ? elf_strptr(elf, strndx, shdr.sh_name) : NULL;
        if (!name || strcmp(name, wanted) != 0)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        if (!data || !data->d_buf || (shdr.sh_flags & SHF_COMPRESSED))
            return none;
        const unsigned char *start = data->d_buf;
        return (struct bytes){ start, start + data->d_size };
    }
    return none;
}

/* An unsigned LEB128 number at *P, moved past it; false past END or
 * when it does not fit. */
static bool uleb_long(const unsigned char **p, const unsigned char *end,
                      uint64_t *value)
{
    *value = 0;
    for (unsigned shift = 0; *p < end; shift += 7) {
        unsigned char byte = *(*p)++;
        if (shift > 63)
            return false;
        *value |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

/* The same, a number of one byte (most are) read in line. */
static inline bool uleb(const unsigned char **p, const unsigned char *end,
                        uint64_t *value)
{
    if (*p < end && !(**p & 0x80)) {
        *value = *(*p)++;
        return true;
    }
    return uleb_long(p, end, value);
}

static bool skip(const unsigned char **p, const unsigned char *end,
                 uint64_t n)
{
    if (n > (uint64_t)(end - *p))
        return false;
    *p += n;
    return true;
}

static uint64_t little_endian(const unsigned char *p, size_t n, bool big)
{
    uint64_t value = 0;
    for (size_t i = 0; i < n; i++)
        value |= (uint64_t)p[big ? n - 1 - i : i] << (8 * i);
    return value;
}

/* What a unit's header says that skipping its entry's values needs. */
struct unit_shape {
    Dwarf_Half version;
    uint8_t address_size, offset_size;
    bool big_endian;
};

/* Move *P past a value of FORM; false for a form not known here. */
static bool skip_value(const unsigned char **p, const unsigned char *end,
                       unsigned form, const struct unit_shape *u)
{
    uint64_t n;
    size_t width;
    switch (form) {
    case DW_FORM_flag_present: case DW_FORM_implicit_const:
        return true;
    case DW_FORM_data1: case DW_FORM_ref1: case DW_FORM_flag:
    case DW_FORM_strx1: case DW_FORM_addrx1:
        return skip(p, end, 1);
    case DW_FORM_data2: case DW_FORM_ref2: case DW_FORM_strx2:
    case DW_FORM_addrx2:
        return skip(p, end, 2);
    case DW_FORM_strx3: case DW_FORM_addrx3:
        return skip(p, end, 3);
    case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_strx4:
    case DW_FORM_addrx4: case DW_FORM_ref_sup4:
        return skip(p, end, 4);
    case DW_FORM_data8: case DW_FORM_ref8: case DW_FORM_ref_sig8:
    case DW_FORM_ref_sup8:
        return skip(p, end, 8);
    case DW_FORM_data16:
        return skip(p, end, 16);
    case DW_FORM_addr:
        return skip(p, end, u->address_size);
    case DW_FORM_ref_addr:
        return skip(p, end, u->version <= 2 ? u->address_size
                                            : u->offset_size);
    case DW_FORM_strp: case DW_FORM_line_strp: case DW_FORM_sec_offset:
    case DW_FORM_strp_sup: case DW_FORM_GNU_ref_alt: case DW_FORM_GNU_strp_alt:
        return skip(p, end, u->offset_size);
    case DW_FORM_sdata: case DW_FORM_udata: case DW_FORM_ref_udata:
    case DW_FORM_strx: case DW_FORM_addrx: case DW_FORM_loclistx:
    case DW_FORM_rnglistx: case DW_FORM_GNU_addr_index:
    case DW_FORM_GNU_str_index:
        return uleb(p, end, &n);
    case DW_FORM_string:
        while (*p < end && **p)
            (*p)++;
        return skip(p, end, 1);
    case DW_FORM_block1: case DW_FORM_block2: case DW_FORM_block4:
        width = form == DW_FORM_block1 ? 1 : form == DW_FORM_block2 ? 2 : 4;
        if ((size_t)(end - *p) < width)
            return false;
        n = little_endian(*p, width, u->big_endian);
        *p += width;
        return skip(p, end, n);
    case DW_FORM_block: case DW_FORM_exprloc:
        return uleb(p, end, &n) && skip(p, end, n);
    default:
        return false;
    }
}

/* Move *P past an abbreviation's list of attributes.  Nearly every
 * attribute and form is one byte: such a pair is taken whole, in line
 * (the tables are most of what the tool reads of the debug
 * information). */
static bool skip_attributes(const unsigned char **p, const unsigned char *end)
{
    for (;;) {
        const unsigned char *q = *p;
        if (end - q >= 2 && !((q[0] | q[1]) & 0x80)
            && q[1] != DW_FORM_implicit_const) {
            *p = q + 2;
            if (!(q[0] | q[1]))
                return true;
            continue;
        }
        uint64_t attr, form, value;
        if (!uleb(p, end, &attr) || !uleb(p, end, &form)
            || (form == DW_FORM_implicit_const && !uleb(p, end, &value)))
            return false;
        if (!attr && !form)
            return true;
    }
}

/* The abbreviation numbered CODE in the table at *P: *P moved to its
 * list of attributes, *TAG its tag; false when the table lacks it or is
 * cut short. */
static bool find_abbreviation(const unsigned char **p, const unsigned char *end,
                              uint64_t code, uint64_t *tag)
{
    for (;;) {
        uint64_t number, its_tag;
        if (!uleb(p, end, &number) || !number || !uleb(p, end, &its_tag)
            || !skip(p, end, 1))
            return false;
        if (number == code) {
            *tag = its_tag;
            return true;
        }
        if (!skip_attributes(p, end))
            return false;
    }
}

/* The sections the units are read from. */
struct debug_sections {
    struct bytes info, abbrev, line, str, line_str;
    bool big_endian;
};

/* A unit's header, as read in place. */
struct unit_header {
    struct unit_shape shape;
    uint8_t type;
    uint64_t abbrev_offset;
    const unsigned char *entry, *end;   /* its unit entry, its end */
};

/* The length that begins a unit or a line table at *P (32- or 64-bit
 * DWARF): *P moved past it, *UNIT_END where the unit ends, *OFFSET_SIZE
 * its offsets' width; false when it is not one (or runs past END). */
static bool read_length(const unsigned char **p, const unsigned char *end,
                        bool big, uint8_t *offset_size,
                        const unsigned char **unit_end)
{
    uint64_t length;
    *offset_size = 4;
    if (end - *p < 4)
        return false;
    length = little_endian(*p, 4, big);
    *p += 4;
    if (length == 0xffffffff) {
        if (end - *p < 8)
            return false;
        length = little_endian(*p, 8, big);
        *p += 8;
        *offset_size = 8;
    } else if (length >= 0xfffffff0)
        return false;
    if (length < 2 || length > (uint64_t)(end - *p))
        return false;
    *unit_end = *p + length;
    return true;
}

/* The header of the unit at P (DWARF 2 to 5, 32- or 64-bit); false when
 * it is not one (then libdw reads the units). */
static bool read_unit_header(const unsigned char *p,
                             const struct debug_sections *s,
                             struct unit_header *h)
{
    bool big = s->big_endian;
    h->shape = (struct unit_shape){ .big_endian = big };
    if (!read_length(&p, s->info.end, big, &h->shape.offset_size, &h->end))
        return false;
    h->shape.version = (Dwarf_Half)little_endian(p, 2, big);
    p += 2;
    size_t offset_size = h->shape.offset_size;
    if (h->shape.version < 2 || h->shape.version > 5)
        return false;
    if (h->shape.version < 5) {
        if ((size_t)(h->end - p) < offset_size + 1)
            return false;
        h->type = DW_UT_compile;
        h->abbrev_offset = little_endian(p, offset_size, big);
        h->shape.address_size = p[offset_size];
        p += offset_size + 1;
    } else {
        if ((size_t)(h->end - p) < 2 + offset_size)
            return false;
        h->type = p[0];
        h->shape.address_size = p[1];
        h->abbrev_offset = little_endian(p + 2, offset_size, big);
        p += 2 + offset_size;
        /* What each kind of unit has after: an id, a type's signature
         * and offset. */
        size_t more = h->type == DW_UT_skeleton
                      || h->type == DW_UT_split_compile ? 8
                      : h->type == DW_UT_type || h->type == DW_UT_split_type
                      ? 8 + offset_size
                      : h->type == DW_UT_compile || h->type == DW_UT_partial
                      ? 0 : SIZE_MAX;
        if (more > (size_t)(h->end - p))
            return false;
        p += more;
    }
    h->entry = p;
    return true;
}

/* A string value of FORM at P (the unit ends at END): in the entry, or
 * in a string section at an offset; NULL for another form, or an offset
 * past the section or to no NUL (then libdw reads it). */
static const char *string_value(const unsigned char *p,
                                const unsigned char *end, unsigned form,
                                const struct unit_shape *u,
                                const struct debug_sections *s)
{
    struct bytes in;
    switch (form) {
    case DW_FORM_string:
        return memchr(p, '\0', (size_t)(end - p)) ? (const char *)p : NULL;
    case DW_FORM_strp:
        in = s->str;
        break;
    case DW_FORM_line_strp:
        in = s->line_str;
        break;
    default:
        return NULL;
    }
    if ((size_t)(end - p) < u->offset_size || !in.start)
        return NULL;
    uint64_t offset = little_endian(p, u->offset_size, u->big_endian);
    if (offset >= (uint64_t)(in.end - in.start)
        || !memchr(in.start + offset, '\0',
                   (size_t)(in.end - in.start) - offset))
        return NULL;
    return (const char *)in.start + offset;
}

/* An unsigned constant of FORM at P; false for another form. */
static bool constant_value(const unsigned char *p, const unsigned char *end,
                           unsigned form, const struct unit_shape *u,
                           uint64_t *out)
{
    size_t width;
    switch (form) {
    case DW_FORM_data1:
        width = 1;
        break;
    case DW_FORM_data2:
        width = 2;
        break;
    case DW_FORM_data4:
        width = 4;
        break;
    case DW_FORM_data8:
        width = 8;
        break;
    case DW_FORM_udata:
        return uleb(&p, end, out);
    default:
        return false;
    }
    if ((size_t)(end - p) < width)
        return false;
    *out = little_endian(p, width, u->big_endian);
    return true;
}

/* What a unit's entry says that the list needs. */
struct unit_entry {
    uint64_t tag;
    const char *name;
    int language;
};

/* The tag, name and language of the unit's entry, read in place: false
 * when they cannot be (then libdw reads them). */
static bool read_unit_entry(const struct unit_header *h,
                            const struct debug_sections *s,
                            struct unit_entry *e)
{
    const unsigned char *p = h->entry, *spec;
    const struct bytes abbrev = s->abbrev;
    uint64_t code, attr, form, number;
    if (!abbrev.start
        || h->abbrev_offset >= (uint64_t)(abbrev.end - abbrev.start))
        return false;
    spec = abbrev.start + h->abbrev_offset;
    if (!uleb(&p, h->end, &code)
        || !find_abbreviation(&spec, abbrev.end, code, &e->tag))
        return false;
    e->name = NULL;
    e->language = -1;
    bool has_language = false;
    while (uleb(&spec, abbrev.end, &attr) && uleb(&spec, abbrev.end, &form)
           && (attr || form)) {
        if (form == DW_FORM_indirect && !uleb(&p, h->end, &form))
            return false;
        if (form == DW_FORM_implicit_const
            && (attr == DW_AT_name || attr == DW_AT_language
                || !uleb(&spec, abbrev.end, &number)))
            return false;
        if (attr == DW_AT_name)
            e->name = string_value(p, h->end, (unsigned)form, &h->shape,
                                   s);
        else if (attr == DW_AT_language
                 && constant_value(p, h->end, (unsigned)form, &h->shape,
                                   &number)) {
            e->language = (int)number;
            has_language = true;
        }
        if (!skip_value(&p, h->end, (unsigned)form, &h->shape))
            return false;
    }
    return e->name && has_language;
}

static bool is_c_language(int lang)
{
    /* C89, C, C99, C11, C17 */
    return lang == 0x01 || lang == 0x02 || lang == 0x0c || lang == 0x1d
           || lang == 0x2c;
}

/* NAME, a C unit's unless it is LTO's "<artificial>", into the list. */
/* Where the names go, and the list they are added to. */
struct unit_names {
    struct vmsd_arena *arena;
    char ***names;
    size_t *n_names;
};

static void add_unit(const char *name, bool is_c, struct unit_names *to)
{
    if (name && is_c && strcmp(name, "<artificial>") != 0) {
        *to->names = vmsd_grow(*to->names, *to->n_names, sizeof **to->names);
        (*to->names)[(*to->n_names)++] = vmsd_arena_strdup(to->arena, name);
    }
}

/* How a line table's entries (directories, files) are laid out: COUNT
 * pairs of a content type and a form (a byte counts them). */
struct entry_formats {
    unsigned count;
    struct {
        uint64_t type, form;
    } pair[UCHAR_MAX];
};

static bool read_formats(const unsigned char **p, const unsigned char *end,
                         struct entry_formats *f)
{
    if (*p >= end)
        return false;
    f->count = *(*p)++;
    for (unsigned i = 0; i < f->count; i++)
        if (!uleb(p, end, &f->pair[i].type) || !uleb(p, end, &f->pair[i].form))
            return false;
    return true;
}

/* The bytes each entry laid out as F takes, or 0 when they vary. */
static size_t entry_size(const struct entry_formats *f,
                         const struct unit_shape *u)
{
    size_t size = 0;
    for (unsigned i = 0; i < f->count; i++) {
        switch (f->pair[i].form) {
        case DW_FORM_data1: size += 1; break;
        case DW_FORM_data2: size += 2; break;
        case DW_FORM_data4: size += 4; break;
        case DW_FORM_data8: size += 8; break;
        case DW_FORM_data16: size += 16; break;
        case DW_FORM_strp: case DW_FORM_line_strp: size += u->offset_size;
            break;
        default: return 0;
        }
    }
    return size;
}

/* Moves *P past N entries laid out as F: at once when each takes SIZE
 * bytes, else value by value (an entry that takes none is refused, so
 * the walk ends with the table). */
static bool skip_entries(const unsigned char **p, const unsigned char *end,
                         const struct entry_formats *f, size_t size,
                         const struct unit_shape *u, uint64_t n)
{
    if (size)
        return n <= (uint64_t)(end - *p) / size && skip(p, end, n * size);
    for (uint64_t i = 0; i < n; i++) {
        const unsigned char *start = *p;
        for (unsigned k = 0; k < f->count; k++)
            if (!skip_value(p, end, (unsigned)f->pair[k].form, u))
                return false;
        if (*p == start)
            return false;
    }
    return true;
}

/* What a line table's entry says: a path, and a file's directory. */
struct line_entry {
    const char *path;
    uint64_t directory;
};

/* The entry at P, laid out as F says; false when it has no path or a
 * value cannot be read. */
static bool read_line_entry(const unsigned char *p, const unsigned char *end,
                            const struct entry_formats *f,
                            const struct unit_shape *u,
                            const struct debug_sections *s,
                            struct line_entry *e)
{
    e->path = NULL;
    e->directory = 0;
    for (unsigned i = 0; i < f->count; i++) {
        uint64_t type = f->pair[i].type, form = f->pair[i].form;
        if (type == DW_LNCT_path
            && !(e->path = string_value(p, end, (unsigned)form, u, s)))
            return false;
        if (type == DW_LNCT_directory_index
            && !constant_value(p, end, (unsigned)form, u, &e->directory))
            return false;
        if (!skip_value(&p, end, (unsigned)form, u))
            return false;
    }
    return e->path != NULL;
}

/* The source of the unit whose line table is at P, into NAME (emptied
 * first): file 0, in its directory unless that is the unit's own (0) or
 * the file's path is absolute, as the compiler was given it.  *NEXT is
 * the next table.  False when the table is not DWARF 5's or cannot be
 * read here. */
static bool read_line_table(const unsigned char *p,
                            const struct debug_sections *s,
                            struct vmsd_strbuf *name,
                            const unsigned char **next)
{
    struct unit_shape u = { .big_endian = s->big_endian };
    const unsigned char *end;
    if (!read_length(&p, s->line.end, u.big_endian, &u.offset_size, &end))
        return false;
    *next = end;
    u.version = (Dwarf_Half)little_endian(p, 2, u.big_endian);
    p += 2;
    /* Address and segment selector sizes, the header's length, then
     * five one-byte fields and the opcode base. */
    if (u.version != 5 || (size_t)(end - p) < 2u + u.offset_size + 6)
        return false;
    u.address_size = p[0];
    p += 2 + u.offset_size;
    unsigned opcode_base = p[5];
    p += 6;
    struct entry_formats dir_formats, file_formats;
    struct line_entry file, dir;
    uint64_t n_dirs, n_files;
    if (!opcode_base || !skip(&p, end, opcode_base - 1)
        || !read_formats(&p, end, &dir_formats) || !uleb(&p, end, &n_dirs))
        return false;
    const unsigned char *dirs = p;
    size_t dir_size = entry_size(&dir_formats, &u);
    if (!skip_entries(&p, end, &dir_formats, dir_size, &u, n_dirs)
        || !read_formats(&p, end, &file_formats) || !uleb(&p, end, &n_files)
        || !n_files || !read_line_entry(p, end, &file_formats, &u, s, &file))
        return false;
    name->len = 0;
    if (file.path[0] != '/' && file.directory) {
        p = dirs;
        if (file.directory >= n_dirs
            || !skip_entries(&p, end, &dir_formats, dir_size, &u,
                             file.directory)
            || !read_line_entry(p, end, &dir_formats, &u, s, &dir))
            return false;
        vmsd_strbuf_puts(name, dir.path);
        vmsd_strbuf_putc(name, '/');
    }
    vmsd_strbuf_puts(name, file.path);
    return true;
}

/* The units named by their line tables: -1 when a table is not DWARF
 * 5's or cannot be read here (then the units' entries are read). */
static int units_from_line_tables(const struct debug_sections *s,
                                  struct unit_names *to)
{
    struct vmsd_strbuf name = { 0 };
    size_t before = *to->n_names;
    int any = 0;
    for (const unsigned char *p = s->line.start, *next; p < s->line.end;
         p = next) {
        if (!read_line_table(p, s, &name, &next)) {
            *to->n_names = before;      /* the arena keeps them */
            any = -1;
            break;
        }
        any = 1;
        add_unit(name.data, paths_is_c_source(name.data), to);
    }
    free(name.data);
    return any;
}

/* The units, their headers read in place; libdw reads only an entry
 * this reading cannot.  -1 when a header cannot be read: then libdw
 * reads the section (it stops at a unit it cannot read). */
static int units_in_place(Dwarf *dw, const struct debug_sections *s,
                          struct unit_names *to)
{
    struct unit_header h;
    int any = 0;
    for (const unsigned char *p = s->info.start; p < s->info.end;
         p = h.end) {
        if (!read_unit_header(p, s, &h))
            return -1;
        if (h.type != DW_UT_compile && h.type != DW_UT_skeleton)
            continue;
        struct unit_entry e;
        Dwarf_Die die;
        if (!read_unit_entry(&h, s, &e)) {
            bool found = dwarf_offdie(dw, (Dwarf_Off)(h.entry - s->info.start),
                                      &die) != NULL;
            e.tag = found ? (uint64_t)dwarf_tag(&die) : DW_TAG_compile_unit;
            e.name = found ? dwarf_diename(&die) : NULL;
            e.language = found ? dwarf_srclang(&die) : -1;
        }
        /* Before DWARF 5 the entry's tag says a partial unit (dwz's) or
         * a type unit, as it does to libdw. */
        if (e.tag == DW_TAG_partial_unit || e.tag == DW_TAG_type_unit)
            continue;
        any = 1;
        add_unit(e.name, is_c_language(e.language), to);
    }
    return any;
}

/* The units as libdw reads them. */
static bool units_by_libdw(Dwarf *dw, struct unit_names *to)
{
    Dwarf_CU *cu = NULL;
    Dwarf_Die die;
    uint8_t type;
    bool any = false;
    while (dwarf_get_units(dw, cu, &cu, NULL, &type, &die, NULL) == 0) {
        if (type != DW_UT_compile && type != DW_UT_skeleton)
            continue;
        any = true;
        add_unit(dwarf_diename(&die), is_c_language(dwarf_srclang(&die)),
                 to);
    }
    return any;
}

bool dwarf_c_units(Elf *elf, struct vmsd_arena *arena, char ***names,
                   size_t *n_names)
{
    struct unit_names to = { arena, names, n_names };
    Dwarf *dw = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
    if (!dw)
        return false;
    /* Read after dwarf_begin_elf, which decompresses the sections. */
    GElf_Ehdr ehdr;
    struct debug_sections s = {
        .info = section_bytes(elf, ".debug_info"),
        .abbrev = section_bytes(elf, ".debug_abbrev"),
        .line = section_bytes(elf, ".debug_line"),
        .str = section_bytes(elf, ".debug_str"),
        .line_str = section_bytes(elf, ".debug_line_str"),
        .big_endian = gelf_getehdr(elf, &ehdr)
                      && ehdr.e_ident[EI_DATA] == ELFDATA2MSB,
    };
    size_t before = *n_names;
    int any = s.line.start ? units_from_line_tables(&s, &to) : -1;
    if (any <= 0 && s.info.start)
        any = units_in_place(dw, &s, &to);
    if (any < 0) {
        *n_names = before;      /* the arena keeps them */
        any = units_by_libdw(dw, &to);
    }
    dwarf_end(dw);
    return any;
}
