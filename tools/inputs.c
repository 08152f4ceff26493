/* Finding the facts: ELF files and archives through libelf, facts files
 * and directories through plain reads. */
#define _DEFAULT_SOURCE
#include "inputs.h"
#include "dwarf-units.h"
#include "notes.h"
#include "paths.h"

#include "../checker/facts.h"
#include "../checker/model.h"
#include "../checker/strbuf.h"
#include "../checker/text.h"
#include "../checker/whole-file.h"
#include "../checker/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOOSE_PROGRAM_NAME "(objects)"

#define BUILD_HINT "build it with -fplugin=vmsdcheck (for QEMU: configure " \
    "--extra-cflags=-fplugin=vmsdcheck)"
#define NO_FACTS_HINT "no vmsdcheck facts: " BUILD_HINT

/* A message about the input ORIGIN, whose name (a directory's entry, an
 * archive's member, a section's) is shown as the terminal may show it;
 * false. */
static bool input_error(const char *origin, const char *fmt, ...)
{
    char *shown = vmsd_shown(origin);
    va_list ap;
    va_start(ap, fmt);
    FILE *to = notes();
    fprintf(to, "vmsdcheck: %s: ", shown);
    vfprintf(to, fmt, ap);
    fputc('\n', to);
    va_end(ap);
    free(shown);
    return false;
}

struct reading {
    struct input_set *set;
    bool loose_units_unknown;   /* a loose input could not count its units */
    bool loose_seen;
    size_t loose;               /* the loose program's index, once seen */
    Elf *kept;                  /* the ELF file read last, when a program
                                   keeps it to list its units */
};

static struct program_input *new_program(struct input_set *set,
                                         const char *name)
{
    struct program_input *p = VMSD_APPEND(set->programs, set->n_programs);
    p->name = vmsd_strdup(name);
    vmsd_arena_use_reserve(&p->unit_names);
    return p;
}

/* new_program may move the array: the loose one is kept by index (a
 * search by name for each object would cost objects x programs). */
static struct program_input *loose_program(struct reading *r)
{
    if (!r->loose_seen) {
        r->loose_seen = true;
        r->loose = r->set->n_programs;
        new_program(r->set, LOOSE_PROGRAM_NAME);
    }
    return &r->set->programs[r->loose];
}

static void add_name(struct vmsd_arena *arena, char ***names, size_t *n,
                     const char *name)
{
    *names = vmsd_grow(*names, *n, sizeof **names);
    (*names)[(*n)++] = vmsd_arena_strdup(arena, name);
}

/* Whether symbol I of DATA (a symbol table, as libelf translated it)
 * names a file, and where its name is.  TABLE64: the table when it can
 * be read in place (64-bit), else NULL: gelf_getsym copies each
 * symbol, and QEMU's programs have some 60,000 of them. */
static bool file_symbol(Elf_Data *data, const Elf64_Sym *table64, size_t i,
                        size_t *name_at)
{
    GElf_Sym sym;
    if (table64) {
        *name_at = table64[i].st_name;
        return ELF64_ST_TYPE(table64[i].st_info) == STT_FILE;
    }
    if (!gelf_getsym(data, (int)i, &sym))
        return false;
    *name_at = sym.st_name;
    return GELF_ST_TYPE(sym.st_info) == STT_FILE;
}

/* Without debug information, the symbol table: each unit GCC compiles
 * leaves a file symbol naming its source (without directories), which
 * the linker keeps unless the program is stripped.  GCC's own crtstuff.c
 * (crtbegin.o, crtend.o) is linked into every program and is not the
 * program's.  A file symbol is local, and the local symbols come first,
 * as many as the table's sh_info says (QEMU's programs: 35,000 of
 * 62,000): the rest is not read.  False when there is no symbol
 * table. */
static bool symbol_c_units(Elf *elf, struct vmsd_arena *arena,
                           char ***names, size_t *n_names)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = shdr.sh_entsize ? shdr.sh_size / shdr.sh_entsize : 0;
        if (shdr.sh_info && shdr.sh_info < n)
            n = shdr.sh_info;
        const Elf64_Sym *table64 =
            data && gelf_getclass(elf) == ELFCLASS64
            && data->d_type == ELF_T_SYM
            && n <= data->d_size / sizeof *table64 ? data->d_buf : NULL;
        for (size_t i = 0; data && i < n; i++) {
            size_t name_at;
            if (!file_symbol(data, table64, i, &name_at))
                continue;
            const char *name = elf_strptr(elf, shdr.sh_link, name_at);
            if (name && paths_is_c_source(name)
                && strcmp(name, "crtstuff.c") != 0)
                add_name(arena, names, n_names, name);
        }
        return true;
    }
    return false;
}

/* DATA (SIZE bytes and a NUL, allocated) becomes P's. */
static struct facts_blob *add_blob(struct program_input *p,
                                   const char *origin, char *data,
                                   size_t size, bool from_archive)
{
    struct facts_blob *b = VMSD_APPEND(p->blobs, p->n_blobs);
    b->origin = vmsd_strdup(origin);
    b->data = data;
    b->size = size;
    b->from_archive = from_archive;
    return b;
}

/* A facts section this big is read from the file, mapped again (libelf
 * unmaps its own when the file is let go), not copied: a copy of
 * QEMU's 2 MB cost a page fault for each of its pages.  A smaller one
 * (an object's) is copied: a mapping for each of thousands of objects
 * would cost more. */
#define MAP_FACTS_FROM ((size_t)64 << 10)

/* DATA, an ELF section's data as libelf read it from file descriptor
 * FD, mapped again into BLOB when it is the file's bytes as they are;
 * false when it is not (then it is copied). */
static bool map_section(struct facts_blob *blob, Elf *elf, int fd,
                        const Elf_Data *data)
{
    size_t file_size;
    const char *image = elf_rawfile(elf, &file_size);
    const char *at = data->d_buf;
    if (data->d_size < MAP_FACTS_FROM || !image || at < image
        || data->d_size > file_size || at - image > (ptrdiff_t)(file_size
                                                                - data->d_size))
        return false;
    off_t start = elf_getbase(elf) + (at - image);
    long page = sysconf(_SC_PAGESIZE);
    off_t aligned = page > 0 ? start - start % page : start;
    size_t size = data->d_size + (size_t)(start - aligned);
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, aligned);
    if (map == MAP_FAILED)
        return false;
    blob->mapping = map;
    blob->mapping_size = size;
    blob->data = (char *)map + (start - aligned);
    return true;
}

/* An ELF section's data (which lives only as long as its file is open)
 * into P: read from the file where map_section can, else copied. */
static void add_section(struct program_input *p, const char *origin,
                        Elf *elf, int fd, const Elf_Data *data,
                        bool from_archive)
{
    struct facts_blob *b = add_blob(p, origin, NULL, data->d_size,
                                    from_archive);
    if (map_section(b, elf, fd, data))
        return;
    b->data = vmsd_xrealloc(NULL, data->d_size + 1);
    memcpy(b->data, data->d_buf, data->d_size);
    b->data[data->d_size] = '\0';
}

static bool broken_elf(const char *origin)
{
    int error = elf_errno();
    return input_error(origin, "a truncated or malformed ELF file%s%s",
                       error ? ": " : "", error ? elf_errmsg(error) : "");
}

/* Find the facts section's data (*facts, NULL when none); *lto says the
 * file carries LTO bytecode (whose facts appear only once it is linked).
 * Every section header and name must read: a damaged file is an error,
 * never a file without facts. */
static bool facts_section(Elf *elf, const char *origin, size_t size,
                          Elf_Data **facts, bool *lto)
{
    size_t strndx, shnum;
    GElf_Ehdr ehdr;
    Elf_Scn *scn = NULL;
    *facts = NULL;
    *lto = false;
    (void)elf_errno();          /* clear what came before */
    /* libelf reads past the end of a cut file without a word: check
     * every header and section against the file's size. */
    if (!gelf_getehdr(elf, &ehdr)
        || elf_getshdrnum(elf, &shnum) != 0
        || elf_getshdrstrndx(elf, &strndx) != 0
        || ehdr.e_shoff > size || (ehdr.e_shoff && !shnum)
        || (size - ehdr.e_shoff) / (ehdr.e_shentsize ? ehdr.e_shentsize : 1)
           < (ehdr.e_shnum ? ehdr.e_shnum : shnum))
        return broken_elf(origin);
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr shdr;
        const char *name = gelf_getshdr(scn, &shdr)
                           ? elf_strptr(elf, strndx, shdr.sh_name) : NULL;
        if (!name || (shdr.sh_type != SHT_NOBITS
                      && (shdr.sh_offset > size
                          || shdr.sh_size > size - shdr.sh_offset)))
            return broken_elf(origin);
        if (strncmp(name, ".gnu.lto_", 9) == 0)
            *lto = true;
        if (strcmp(name, VMSD_FACTS_SECTION) != 0 || shdr.sh_type == SHT_NOBITS)
            continue;
        /* The plugin's section is never loaded into memory: one that is
         * holds someone else's data under the name. */
        if (shdr.sh_flags & SHF_ALLOC) {
            char *shown = vmsd_shown(name);
            input_error(origin, "section [%zu] %s is not vmsdcheck's (it "
                        "is allocated: a variable placed there?): ignored",
                        elf_ndxscn(scn), shown);
            free(shown);
            continue;
        }
        if (*facts) {
            return input_error(origin, "two %s sections that are not "
                               "allocated: cannot tell which holds the facts",
                               name);
        }
        *facts = elf_getdata(scn, NULL);
        if (!*facts)
            return broken_elf(origin);
    }
    return elf_errno() == 0 || broken_elf(origin);
}

/* A linked program's C units, from its debug information, else its
 * symbol table. */
static void list_units(struct program_input *p, Elf *elf)
{
    if (dwarf_c_units(elf, &p->unit_names, &p->c_units, &p->n_c_units)) {
        p->units_from = UNITS_DEBUG_INFO;
        symbol_c_units(elf, &p->unit_names, &p->symbol_units,
                       &p->n_symbol_units);
    } else if (symbol_c_units(elf, &p->unit_names, &p->c_units,
                              &p->n_c_units))
        p->units_from = UNITS_SYMBOLS;
    else
        p->units_unknown = "no debug information and no symbol table: "
                           "stripped";
}

/* One ELF file (or archive member) of SIZE bytes, of file descriptor
 * FD: returns false on a broken file. */
static bool read_elf(struct reading *r, Elf *elf, int fd, const char *origin,
                     size_t size, bool from_archive)
{
    GElf_Ehdr ehdr;
    bool lto;
    if (!gelf_getehdr(elf, &ehdr)) {
        return input_error(origin, "not a readable ELF file: %s",
                           elf_errmsg(-1));
    }
    Elf_Data *data;
    if (!facts_section(elf, origin, size, &data, &lto))
        return false;
    bool has_facts = data && data->d_size;
    if (ehdr.e_type == ET_EXEC || ehdr.e_type == ET_DYN) {
        if (!has_facts) {
            return input_error(origin, "%s", NO_FACTS_HINT);
        }
        struct program_input *p = new_program(r->set, origin);
        add_section(p, origin, elf, fd, data, false);
        if (from_archive) {
            list_units(p, elf);
        } else {
            /* Listed when the program is built: on its own thread. */
            elf_cntl(elf, ELF_C_FDDONE);        /* mapped: FD not needed */
            p->elf = r->kept = elf;
        }
        return true;
    }
    if (lto && !has_facts) {
        return input_error(origin, "LTO bytecode carries its facts only "
                           "once linked: give the linked program");
    }
    struct program_input *loose = loose_program(r);
    size_t units_before = loose->n_c_units;
    /* An object's file symbol first: the debug information of an object
     * is not relocated yet, and libdw reads its strings (the unit's name
     * among them, DW_FORM_line_strp) at offsets the relocations would
     * have set, so a name can read as another string (the directory). */
    if (!symbol_c_units(elf, &loose->unit_names, &loose->c_units,
                        &loose->n_c_units)
        || loose->n_c_units == units_before)
        dwarf_c_units(elf, &loose->unit_names, &loose->c_units,
                      &loose->n_c_units);
    if (has_facts)
        add_section(loose, origin, elf, fd, data, from_archive);
    else if (!from_archive && loose->n_c_units > units_before) {
        return input_error(origin, "%s", NO_FACTS_HINT);
    }
    return true;
}

static bool read_archive(struct reading *r, int fd, Elf *archive,
                         const char *path)
{
    Elf *member;
    Elf_Cmd cmd = ELF_C_READ_MMAP;
    bool ok = true;
    struct program_input *loose = loose_program(r);
    size_t blobs_before = loose->n_blobs;
    while (((void)elf_errno(), member = elf_begin(fd, cmd, archive))) {
        Elf_Arhdr *hdr = elf_getarhdr(member);
        /* "/" and "//" are the archive's symbol and name tables. */
        if (hdr && hdr->ar_name[0] != '/' && elf_kind(member) == ELF_K_ELF) {
            size_t n = strlen(path) + strlen(hdr->ar_name) + 3;
            char *origin = vmsd_xrealloc(NULL, n);
            snprintf(origin, n, "%s(%s)", path, hdr->ar_name);
            ok = read_elf(r, member, fd, origin, (size_t)hdr->ar_size,
                          true) && ok;
            free(origin);
        }
        cmd = elf_next(member);
        elf_end(member);
        loose = loose_program(r);
    }
    if (ok && elf_errno() != 0)
        ok = broken_elf(path);
    if (ok && loose->n_blobs == blobs_before) {
        return input_error(path, "%s", NO_FACTS_HINT);
    }
    return ok;
}

static bool read_facts_file(struct reading *r, const char *path)
{
    size_t n;
    const char *why;
    char *text = vmsd_read_whole_file(path, VMSD_MAX_FACTS_BYTES, &n, &why);
    if (!text) {
        return input_error(path, "%s", why);
    }
    add_blob(loose_program(r), path, text, n, false);
    r->loose_units_unknown = true;      /* facts, but no object to count */
    return true;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.vmsdfacts file of a directory, in name order.  A name may
 * begin with a dot: a unit compiled as ../hw/x.c writes
 * "..!hw!x.c.HASH.vmsdfacts".  The writer's temporary files end in
 * ".tmp-XXXXXX", so the suffix alone leaves them out. */
static bool read_facts_dir(struct reading *r, const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        return input_error(path, "%s", strerror(errno));
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!has_suffix(e->d_name, ".vmsdfacts"))
            continue;
        names = vmsd_grow(names, n, sizeof *names);
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = vmsd_xrealloc(NULL, len);
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (!n) {
        return input_error(path, "no *.vmsdfacts files: give the directory "
                           "named by -fplugin-arg-vmsdcheck-facts-dir");
    }
    qsort(names, n, sizeof *names, compare_names);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        ok = read_facts_file(r, names[i]) && ok;
        free(names[i]);
    }
    free(names);
    return ok;
}

/* Where a read of a mapped input that was cut short under the tool (a
 * build still writing it) lands: the kernel sends SIGBUS, to the thread
 * that read, for a page past the file's new end, and the handler jumps
 * back to that thread's guarded read.  The handler is installed once
 * for the run, since guarded reads overlap on threads building programs
 * at once; a SIGBUS outside any guarded read is let kill the tool, as
 * without the handler. */
static _Thread_local sigjmp_buf *mapped_read;

static void on_mapped_read_fault(int sig)
{
    if (mapped_read)
        siglongjmp(*mapped_read, 1);
    signal(sig, SIG_DFL);       /* the fault comes again, unhandled */
}

static void install_fault_handler(void)
{
    struct sigaction guard = { .sa_handler = on_mapped_read_fault };
    sigemptyset(&guard.sa_mask);
    sigaction(SIGBUS, &guard, NULL);
}

static bool read_elf_kind(struct reading *r, int fd, Elf *elf,
                          const char *path, size_t size)
{
    switch (elf ? elf_kind(elf) : ELF_K_NONE) {
    case ELF_K_AR:
        return read_archive(r, fd, elf, path);
    case ELF_K_ELF:
        return read_elf(r, elf, fd, path, size, false);
    default:
        return input_error(path, "not an ELF file, archive, facts file or "
                           "facts directory");
    }
}

/* BODY(ARG), its result, on the mapped input PATH: a read of a file
 * cut short under the tool is an error, not a signal.  What the body
 * held when the fault came is left behind (the tool ends with exit
 * status 2 soon after). */
static bool guarded(const char *path, bool (*body)(void *), void *arg)
{
    static pthread_once_t installed = PTHREAD_ONCE_INIT;
    sigjmp_buf here;
    volatile bool ok = false;
    pthread_once(&installed, install_fault_handler);
    if (sigsetjmp(here, 1) == 0) {
        mapped_read = &here;
        ok = body(arg);
    } else {
        input_error(path, "changed while being read");
    }
    mapped_read = NULL;
    return ok;
}

struct mapped_input {
    struct reading *r;
    int fd;
    const char *path;
    size_t size;
    Elf *elf;
};

static bool read_mapped_body(void *arg)
{
    struct mapped_input *in = arg;
    in->elf = elf_begin(in->fd, ELF_C_READ_MMAP, NULL);
    return read_elf_kind(in->r, in->fd, in->elf, in->path, in->size);
}

/* An ELF file or archive, mapped: only the pages read are loaded, where
 * libelf's reads copied whole debug sections (QEMU's binaries carry
 * hundreds of MB of DWARF, and the tool looks at each unit's header).
 * A file truncated while it is read is an error, not a signal: the
 * file is let go (elf_end frees and unmaps, reading nothing). */
static bool read_mapped(struct reading *r, int fd, const char *path,
                        size_t size)
{
    struct mapped_input in = { r, fd, path, size, NULL };
    bool ok = guarded(path, read_mapped_body, &in);
    if (in.elf != r->kept)      /* else the program's (inputs_list_units) */
        elf_end(in.elf);
    return ok;
}

static bool list_units_body(void *arg)
{
    struct program_input *p = arg;
    list_units(p, p->elf);
    return true;
}

bool inputs_list_units(struct program_input *p)
{
    if (!p->elf)
        return true;
    bool ok = guarded(p->name, list_units_body, p);
    /* Let go now: the pages of its debug information it touched are
     * mapped until then (the four QEMU programs' peak RSS 165 MB with
     * each kept to the end, 41 MB without). */
    elf_end(p->elf);
    p->elf = NULL;
    return ok;
}

struct facts_reading {
    const struct facts_blob *blob;
    bool (*read)(const struct facts_blob *blob, void *arg);
    void *arg;
};

static bool read_facts_body(void *arg)
{
    struct facts_reading *f = arg;
    return f->read(f->blob, f->arg);
}

bool inputs_read_facts(const struct facts_blob *blob,
                       bool (*read)(const struct facts_blob *blob, void *arg),
                       void *arg)
{
    if (!blob->mapping)
        return read(blob, arg);
    struct facts_reading f = { blob, read, arg };
    return guarded(blob->origin, read_facts_body, &f);
}

static bool read_path(struct reading *r, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return input_error(path, "%s", strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return read_facts_dir(r, path);
    if (!S_ISREG(st.st_mode)) {
        return input_error(path, "not a regular file");
    }
    if (has_suffix(path, ".vmsdfacts"))
        return read_facts_file(r, path);

    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return input_error(path, "%s", strerror(errno));
    }
    bool ok = read_mapped(r, fd, path, (size_t)st.st_size);
    close(fd);
    return ok;
}

bool inputs_read(char *const *paths, size_t n_paths, bool progress,
                 struct input_set *set)
{
    struct reading r = { set, false, false, 0, NULL };
    bool ok = true;
    memset(set, 0, sizeof *set);
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, "vmsdcheck: libelf is out of date\n");
        return false;
    }
    for (size_t i = 0; i < n_paths; i++) {
        ok = read_path(&r, paths[i]) && ok;
        if (progress && ((i + 1) % 100 == 0 || i + 1 == n_paths))
            fprintf(stderr, "vmsdcheck: read %zu of %zu inputs\n", i + 1,
                    n_paths);
    }
    if (r.loose_seen) {
        struct program_input *loose = loose_program(&r);
        loose->units_from = r.loose_units_unknown ? UNITS_UNKNOWN
                                                  : UNITS_OBJECTS;
        if (r.loose_units_unknown)
            loose->units_unknown = "facts files name only the units that "
                                   "carry facts";
        /* Objects that are not C (assembler) and carry nothing make no
         * program. */
        if (!loose->n_blobs && !loose->n_c_units) {
            free(loose->c_units);
            vmsd_arena_free(&loose->unit_names);
            free(loose->blobs);
            free(loose->name);
            *loose = set->programs[--set->n_programs];
        }
    }
    if (ok && !set->n_programs) {
        fprintf(stderr, "vmsdcheck: no input carries vmsdcheck facts: %s\n",
                BUILD_HINT);
        return false;
    }
    return ok;
}

void inputs_free_facts(struct facts_blob *blob)
{
    if (blob->mapping)
        munmap(blob->mapping, blob->mapping_size);
    else
        free(blob->data);
    blob->data = NULL;
    blob->mapping = NULL;
    blob->size = 0;
}

void inputs_free(struct input_set *set)
{
    for (size_t i = 0; i < set->n_programs; i++) {
        struct program_input *p = &set->programs[i];
        for (size_t j = 0; j < p->n_blobs; j++) {
            inputs_free_facts(&p->blobs[j]);
            free(p->blobs[j].origin);
        }
        free(p->c_units);
        free(p->symbol_units);
        vmsd_arena_free(&p->unit_names);
        elf_end(p->elf);
        free(p->blobs);
        free(p->name);
    }
    free(set->programs);
    memset(set, 0, sizeof *set);
}
