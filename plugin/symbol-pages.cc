/* cc1's dynamic symbol tables, handed back once the plugin is loaded.
 * GCC loads the plugin with RTLD_NOW, so the dynamic linker looks each
 * symbol it takes from cc1 up in cc1's tables (2.2 MB of hash, symbols,
 * strings and versions), and the kernel maps the 64 KiB around each
 * page a lookup faults in: about 0.8 MB, which then counts in cc1's
 * peak memory till exit though nothing reads it again.  They are pages
 * of the file, never written, so dropping them from the process loses
 * nothing: a later lookup (another plugin's, a first call through
 * cc1's lazy PLT) reads them in again. */
#include "plugin.h"

#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

/* The address of DYN's entry TAG (0 if none), whether the dynamic
 * linker has already relocated it or not. */
static ElfW(Addr) dynamic_address(const struct dl_phdr_info *info,
                                  const ElfW(Dyn) *dyn, ElfW(Sxword) tag)
{
    for (; dyn->d_tag != DT_NULL; dyn++)
        if (dyn->d_tag == tag)
            return dyn->d_un.d_ptr >= info->dlpi_addr
                   ? dyn->d_un.d_ptr : dyn->d_un.d_ptr + info->dlpi_addr;
    return 0;
}

/* The main program's segment that holds its symbol table, dropped when
 * it is read-only and not code (in GCC's builds: the dynamic linking
 * tables alone, ELF headers to relocations). */
static int drop_symbol_segment(struct dl_phdr_info *info, size_t, void *)
{
    const ElfW(Dyn) *dyn = NULL;
    for (int i = 0; i < info->dlpi_phnum; i++)
        if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
            dyn = (const ElfW(Dyn) *)(info->dlpi_addr
                                      + info->dlpi_phdr[i].p_vaddr);
    ElfW(Addr) symtab = dyn ? dynamic_address(info, dyn, DT_SYMTAB) : 0;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; symtab && i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        uintptr_t end = start + ph->p_memsz;
        if (ph->p_type != PT_LOAD || symtab < start || symtab >= end)
            continue;
        start = (start + page - 1) & ~(page - 1);
        end &= ~(page - 1);
        if (ph->p_flags == PF_R && ph->p_filesz == ph->p_memsz && end > start)
            madvise((void *)start, end - start, MADV_DONTNEED);
    }
    return 1;                   /* the main program, listed first, only */
}

void vmsd_drop_symbol_pages(void)
{
    dl_iterate_phdr(drop_symbol_segment, NULL);
}
