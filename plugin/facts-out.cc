/* Handing a unit's facts on: into a section of the object, which the
 * linker concatenates into every binary (and which survives
 * --gc-sections, -flto and ccache), or into a file of a facts directory
 * when there is no object (-fsyntax-only). */
#include "plugin.h"

#include "cgraph.h"
#include "toplev.h"

extern "C" {
#include "../checker/facts.h"
#include "../checker/strbuf.h"
#include "../checker/whole-file.h"
}

#include <errno.h>
#include <sys/stat.h>

/* The facts as a top-level asm statement: a non-allocated section with
 * the retain flag ("R"), the text in .ascii chunks, a NUL after it so
 * that documents from many units stay apart. */
void vmsd_emit_facts_section(const char *facts)
{
    struct vmsd_strbuf asm_text = {};
    vmsd_strbuf_printf(&asm_text, "\t.pushsection %s,\"R\",@progbits\n",
                       VMSD_FACTS_SECTION);
    size_t column = 0;
    for (const unsigned char *p = (const unsigned char *)facts; *p; p++) {
        if (column == 0)
            vmsd_strbuf_puts(&asm_text, "\t.ascii \"");
        if (*p == '"' || *p == '\\')
            vmsd_strbuf_printf(&asm_text, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            vmsd_strbuf_printf(&asm_text, "\\%03o", *p);
        else
            vmsd_strbuf_put(&asm_text, (const char *)p, 1);
        if (++column == 512 || !p[1]) {
            vmsd_strbuf_puts(&asm_text, "\"\n");
            column = 0;
        }
    }
    vmsd_strbuf_puts(&asm_text, "\t.byte 0\n\t.popsection\n");
    symtab->finalize_toplevel_asm(build_string(asm_text.len, asm_text.data));
    free(asm_text.data);
}

/* A file name for this compile: the source path, readable, plus a hash
 * of the output's dump name, since one source may be compiled several
 * times (once per QEMU target) in one directory. */
static char *facts_file_name(const char *dir)
{
    uint32_t hash = 2166136261u;        /* FNV-1a */
    for (const char *p = dump_base_name; p && *p; p++)
        hash = (hash ^ (unsigned char)*p) * 16777619u;
    struct vmsd_strbuf name = {};
    vmsd_strbuf_printf(&name, "%s/", dir);
    for (const char *p = main_input_filename; *p; p++)
        vmsd_strbuf_put(&name, *p == '/' ? "!" : p, 1);
    vmsd_strbuf_printf(&name, ".%08x.vmsdfacts", hash);
    return vmsd_strbuf_take(&name);
}

/* Written whole or not at all (a temporary file, renamed). */
bool vmsd_write_facts_file(const char *dir, const char *facts)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        error_at(UNKNOWN_LOCATION,
                 "vmsdcheck: cannot create facts directory %s: %s", dir,
                 xstrerror(errno));
        return false;
    }
    char *name = facts_file_name(dir);
    bool ok = vmsd_write_whole_file(name, facts);
    if (!ok)
        error_at(UNKNOWN_LOCATION, "vmsdcheck: cannot write facts to %s: %s",
                 name, xstrerror(errno));
    free(name);
    return ok;
}
