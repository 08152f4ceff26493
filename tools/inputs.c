/* Finding the facts: ELF files and archives through libelf, facts files
 * and directories through plain reads. */
#define _DEFAULT_SOURCE
#include "inputs.h"

#include "../checker/facts.h"
#include "../checker/model.h"
#include "../checker/whole-file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOOSE_PROGRAM_NAME "(objects)"

struct reading {
    struct input_set *set;
};

static struct program_input *new_program(struct input_set *set,
                                         const char *name)
{
    set->programs = vmsd_xrealloc(set->programs, (set->n_programs + 1)
                                  * sizeof *set->programs);
    struct program_input *p = &set->programs[set->n_programs++];
    memset(p, 0, sizeof *p);
    p->name = vmsd_strdup(name);
    return p;
}

static struct program_input *loose_program(struct reading *r)
{
    /* new_program may move the array: find the loose one by name. */
    for (size_t i = 0; i < r->set->n_programs; i++)
        if (strcmp(r->set->programs[i].name, LOOSE_PROGRAM_NAME) == 0)
            return &r->set->programs[i];
    return new_program(r->set, LOOSE_PROGRAM_NAME);
}

static void add_blob(struct program_input *p, const char *origin,
                     const void *data, size_t size, bool from_archive)
{
    p->blobs = vmsd_xrealloc(p->blobs, (p->n_blobs + 1) * sizeof *p->blobs);
    struct facts_blob *b = &p->blobs[p->n_blobs++];
    b->origin = vmsd_strdup(origin);
    b->data = vmsd_xrealloc(NULL, size + 1);
    memcpy(b->data, data, size);
    b->data[size] = '\0';
    b->size = size;
    b->from_archive = from_archive;
}

/* The facts section's data, or NULL; *lto says the file carries LTO
 * bytecode (whose facts appear only once it is linked). */
static Elf_Data *facts_section(Elf *elf, bool *lto)
{
    size_t strndx;
    Elf_Scn *scn = NULL;
    Elf_Data *found = NULL;
    *lto = false;
    if (elf_getshdrstrndx(elf, &strndx) != 0)
        return NULL;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr))
            continue;
        const char *name = elf_strptr(elf, strndx, shdr.sh_name);
        if (!name)
            continue;
        if (strncmp(name, ".gnu.lto_", 9) == 0)
            *lto = true;
        if (strcmp(name, VMSD_FACTS_SECTION) == 0 && shdr.sh_type != SHT_NOBITS)
            found = elf_getdata(scn, NULL);
    }
    return found;
}

/* One ELF file (or archive member): returns false on a broken file. */
static bool read_elf(struct reading *r, Elf *elf, const char *origin,
                     bool from_archive)
{
    GElf_Ehdr ehdr;
    bool lto;
    if (!gelf_getehdr(elf, &ehdr)) {
        fprintf(stderr, "vmsdcheck: %s: not a readable ELF file: %s\n",
                origin, elf_errmsg(-1));
        return false;
    }
    Elf_Data *data = facts_section(elf, &lto);
    if (ehdr.e_type == ET_EXEC || ehdr.e_type == ET_DYN) {
        struct program_input *p = new_program(r->set, origin);
        if (data && data->d_size)
            add_blob(p, origin, data->d_buf, data->d_size, false);
        return true;
    }
    if (data && data->d_size)
        add_blob(loose_program(r), origin, data->d_buf, data->d_size,
                 from_archive);
    else if (lto)
        fprintf(stderr, "vmsdcheck: %s: LTO bytecode carries its facts only "
                "once linked: give the linked program\n", origin);
    return true;
}

static bool read_archive(struct reading *r, int fd, Elf *archive,
                         const char *path)
{
    Elf *member;
    Elf_Cmd cmd = ELF_C_READ;
    bool ok = true;
    while ((member = elf_begin(fd, cmd, archive))) {
        Elf_Arhdr *hdr = elf_getarhdr(member);
        /* "/" and "//" are the archive's symbol and name tables. */
        if (hdr && hdr->ar_name[0] != '/' && elf_kind(member) == ELF_K_ELF) {
            size_t n = strlen(path) + strlen(hdr->ar_name) + 3;
            char *origin = vmsd_xrealloc(NULL, n);
            snprintf(origin, n, "%s(%s)", path, hdr->ar_name);
            ok = read_elf(r, member, origin, true) && ok;
            free(origin);
        }
        cmd = elf_next(member);
        elf_end(member);
    }
    return ok;
}

static bool read_facts_file(struct reading *r, const char *path)
{
    size_t n;
    char *text = vmsd_read_whole_file(path, &n);
    if (!text) {
        fprintf(stderr, "vmsdcheck: %s: %s\n", path, strerror(errno));
        return false;
    }
    add_blob(loose_program(r), path, text, n, false);
    free(text);
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

/* Every *.vmsdfacts file of a directory, in name order. */
static bool read_facts_dir(struct reading *r, const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "vmsdcheck: %s: %s\n", path, strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".vmsdfacts"))
            continue;
        names = vmsd_xrealloc(names, (n + 1) * sizeof *names);
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = vmsd_xrealloc(NULL, len);
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        ok = read_facts_file(r, names[i]) && ok;
        free(names[i]);
    }
    free(names);
    return ok;
}

static bool read_path(struct reading *r, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "vmsdcheck: %s: %s\n", path, strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode))
        return read_facts_dir(r, path);
    if (has_suffix(path, ".vmsdfacts"))
        return read_facts_file(r, path);

    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "vmsdcheck: %s: %s\n", path, strerror(errno));
        return false;
    }
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    bool ok;
    switch (elf ? elf_kind(elf) : ELF_K_NONE) {
    case ELF_K_AR:
        ok = read_archive(r, fd, elf, path);
        break;
    case ELF_K_ELF:
        ok = read_elf(r, elf, path, false);
        break;
    default:
        fprintf(stderr, "vmsdcheck: %s: not an ELF file, archive, facts file "
                "or facts directory\n", path);
        ok = false;
        break;
    }
    elf_end(elf);
    close(fd);
    return ok;
}

bool inputs_read(char *const *paths, size_t n_paths, bool progress,
                 struct input_set *set)
{
    struct reading r = { set };
    bool ok = true;
    memset(set, 0, sizeof *set);
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, "vmsdcheck: libelf is out of date\n");
        return false;
    }
    for (size_t i = 0; i < n_paths; i++) {
        ok = read_path(&r, paths[i]) && ok;
        set->n_files_read++;
        if (progress && ((i + 1) % 100 == 0 || i + 1 == n_paths))
            fprintf(stderr, "vmsdcheck: read %zu of %zu inputs\n", i + 1,
                    n_paths);
    }
    return ok;
}

void inputs_free(struct input_set *set)
{
    for (size_t i = 0; i < set->n_programs; i++) {
        struct program_input *p = &set->programs[i];
        for (size_t j = 0; j < p->n_blobs; j++) {
            free(p->blobs[j].origin);
            free(p->blobs[j].data);
        }
        free(p->blobs);
        free(p->name);
    }
    free(set->programs);
    memset(set, 0, sizeof *set);
}
