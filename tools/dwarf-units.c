/* The C compile units debug information names.
 *
 * libdw finds a unit entry's abbreviation by decoding the unit's table
 * of abbreviations, each into memory, up to the one it needs; GCC
 * numbers the abbreviations by use, so the unit entry's (used once)
 * comes late, and each unit of QEMU's binaries cost some thousand
 * decoded abbreviations.  Only the unit entry's name and language are
 * wanted: the table is skipped through in place, and the two values are
 * read from the entry by libdw's form readers.  A unit whose entry says
 * something this reading does not know (a form it cannot skip, a name or
 * language it lacks, which libdw may look for elsewhere) is read by
 * libdw whole. */
#include "dwarf-units.h"

#include "../checker/xalloc.h"

#include <dwarf.h>
#include <gelf.h>
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
 * list of attributes; false when the table lacks it or is cut short. */
static bool find_abbreviation(const unsigned char **p, const unsigned char *end,
                              uint64_t code)
{
    for (;;) {
        uint64_t number, tag;
        if (!uleb(p, end, &number) || !number || !uleb(p, end, &tag)
            || !skip(p, end, 1))
            return false;
        if (number == code)
            return true;
        if (!skip_attributes(p, end))
            return false;
    }
}

/* The name and language of the unit entry DIE, read in place: false
 * when they cannot be (then libdw reads them). */
static bool read_unit_entry(Dwarf_CU *cu, const Dwarf_Die *die,
                            struct bytes info,
                            struct bytes abbrev, bool big_endian,
                            const char **name, int *language)
{
    struct unit_shape shape = { .big_endian = big_endian };
    Dwarf_Off abbrev_offset;
    Dwarf_Die header_die;
    const unsigned char *p = die->addr, *spec;
    uint64_t code, attr, form, constant;
    if (!dwarf_cu_die(cu, &header_die, &shape.version, &abbrev_offset,
                      &shape.address_size, &shape.offset_size, NULL, NULL)
        || p < info.start || p >= info.end
        || abbrev_offset >= (uint64_t)(abbrev.end - abbrev.start))
        return false;
    spec = abbrev.start + abbrev_offset;
    if (!uleb(&p, info.end, &code)
        || !find_abbreviation(&spec, abbrev.end, code))
        return false;
    *name = NULL;
    *language = -1;
    bool named = false, has_language = false;
    while (uleb(&spec, abbrev.end, &attr) && uleb(&spec, abbrev.end, &form)
           && (attr || form)) {
        Dwarf_Attribute value = { (unsigned)attr, (unsigned)form,
                                  (unsigned char *)p, cu };
        if (form == DW_FORM_indirect) {
            if (!uleb(&p, info.end, &form))
                return false;
            value.form = (unsigned)form;
            value.valp = (unsigned char *)p;
        }
        if (form == DW_FORM_implicit_const) {
            value.valp = (unsigned char *)spec;
            if (!uleb(&spec, abbrev.end, &constant))
                return false;
        }
        Dwarf_Word number;
        if (attr == DW_AT_name) {
            *name = dwarf_formstring(&value);
            named = *name != NULL;
        } else if (attr == DW_AT_language
                   && dwarf_formudata(&value, &number) == 0) {
            *language = (int)number;
            has_language = true;
        }
        if (!skip_value(&p, info.end, (unsigned)form, &shape))
            return false;
    }
    return named && has_language;
}

static bool is_c_language(int lang)
{
    /* C89, C, C99, C11, C17 */
    return lang == 0x01 || lang == 0x02 || lang == 0x0c || lang == 0x1d
           || lang == 0x2c;
}

bool dwarf_c_units(Elf *elf, char ***names, size_t *n_names)
{
    Dwarf *dw = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
    if (!dw)
        return false;
    /* Read after dwarf_begin_elf, which decompresses the sections. */
    struct bytes info = section_bytes(elf, ".debug_info");
    struct bytes abbrev = section_bytes(elf, ".debug_abbrev");
    GElf_Ehdr ehdr;
    bool big_endian = gelf_getehdr(elf, &ehdr)
                      && ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
    Dwarf_CU *cu = NULL;
    Dwarf_Die die;
    uint8_t type;
    bool any = false;
    while (dwarf_get_units(dw, cu, &cu, NULL, &type, &die, NULL) == 0) {
        if (type != DW_UT_compile && type != DW_UT_skeleton)
            continue;
        any = true;
        const char *name;
        int language;
        if (!read_unit_entry(cu, &die, info, abbrev, big_endian, &name,
                             &language)) {
            name = dwarf_diename(&die);
            language = dwarf_srclang(&die);
        }
        /* "<artificial>" is the unit LTO adds. */
        if (name && strcmp(name, "<artificial>") != 0
            && is_c_language(language)) {
            *names = vmsd_grow(*names, *n_names, sizeof **names);
            (*names)[(*n_names)++] = vmsd_strdup(name);
        }
    }
    dwarf_end(dw);
    return any;
}
