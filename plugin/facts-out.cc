/* Handing a unit's facts on: into a section of the object, which the
 * linker concatenates into every binary (and which survives
 * --gc-sections, -flto and ccache), or into a file of a facts directory
 * when there is no object (-fsyntax-only).  The section is written in
 * pieces, so that a big unit's facts are never held whole. */
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

/* Where the assembler text of the facts goes: a FILE, or top-level
 * asm statements. */
struct asm_target {
    FILE *out;
};

/* One piece of the facts as assembler text: .ascii lines in a
 * non-allocated section with the retain flag ("R").  Pieces of one unit
 * follow each other in the section, in order. */
static void emit_piece(const char *text, size_t len, void *arg)
{
    static const char octal_digits[] = "01234567";
    const struct asm_target *target = (const struct asm_target *)arg;
    struct vmsd_strbuf out = {};
    vmsd_strbuf_puts(&out, "\t.pushsection " VMSD_FACTS_SECTION
                     ",\"R\",@progbits\n");
    const unsigned char *p = (const unsigned char *)text;
    for (size_t start = 0; start < len; start += 512) {
        size_t end = start + 512 < len ? start + 512 : len;
        vmsd_strbuf_puts(&out, "\t.ascii \"");
        size_t plain = start;
        for (size_t k = start; k < end; k++) {
            unsigned char c = p[k];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                continue;
            vmsd_strbuf_put(&out, text + plain, k - plain);
            char esc[4] = { '\\', (char)c, 0, 0 };
            if (c == '"' || c == '\\') {
                vmsd_strbuf_put(&out, esc, 2);
            } else {    /* octal, three digits */
                esc[1] = octal_digits[c >> 6];
                esc[2] = octal_digits[(c >> 3) & 7];
                esc[3] = octal_digits[c & 7];
                vmsd_strbuf_put(&out, esc, 4);
            }
            plain = k + 1;
        }
        vmsd_strbuf_put(&out, text + plain, end - plain);
        vmsd_strbuf_puts(&out, "\"\n");
    }
    vmsd_strbuf_puts(&out, "\t.popsection\n");
    if (target->out)
        fwrite(out.data, 1, out.len, target->out);
    else
        symtab->finalize_toplevel_asm(build_string(out.len, out.data));
    free(out.data);
}

/* The unit's facts, followed by a NUL so that the documents of many
 * units stay apart once linked. */
static void emit_facts(struct asm_target *target,
                       const struct vmsd_model *model, const char *unit)
{
    vmsd_facts_stream(model, unit, emit_piece, target);
    emit_piece("", 1, target);
}

void vmsd_print_facts_asm(FILE *out, const struct vmsd_model *model,
                          const char *unit)
{
    struct asm_target target = { out };
    emit_facts(&target, model, unit);
}

void vmsd_emit_facts_asm(const struct vmsd_model *model, const char *unit)
{
    struct asm_target target = { NULL };
    emit_facts(&target, model, unit);
}

/* A file name for this compile: the end of the source path, readable,
 * and a hash of the whole path and the output's dump name, since one
 * source may be compiled several times (once per QEMU target) in one
 * directory.  The readable part is cut to fit any file system's limit
 * on a name (255 bytes), so a deep source tree still builds. */
#define READABLE_NAME_MAX 200

static char *facts_file_name(const char *dir)
{
    uint32_t hash = 2166136261u;        /* FNV-1a */
    for (const char *p = main_input_filename; *p; p++)
        hash = (hash ^ (unsigned char)*p) * 16777619u;
    for (const char *p = dump_base_name; p && *p; p++)
        hash = (hash ^ (unsigned char)*p) * 16777619u;
    size_t len = strlen(main_input_filename);
    const char *tail = main_input_filename
                       + (len > READABLE_NAME_MAX ? len - READABLE_NAME_MAX : 0);
    struct vmsd_strbuf name = {};
    vmsd_strbuf_printf(&name, "%s/", dir);
    for (const char *p = tail; *p; p++)
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
