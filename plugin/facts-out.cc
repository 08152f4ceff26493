/* Handing a unit's facts on: into a section of the object, which the
 * linker concatenates into every binary (and which survives
 * --gc-sections, -flto and ccache), either appended to the assembler
 * file and taken in by .incbin or as .ascii strings; or into a file of
 * a facts directory when there is no object (-fsyntax-only).  The
 * section is written in pieces, so that a big unit's facts are never
 * held whole. */
#include "plugin.h"

#include "cgraph.h"
#include "toplev.h"

extern "C" {
#include "../checker/facts.h"
#include "../checker/strbuf.h"
#include "../checker/whole-file.h"
}

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the assembler text of the facts goes: a FILE, or top-level
 * asm statements. */
struct asm_target {
    FILE *out;
};

/* How each byte goes into an .ascii string: 0, itself; else a
 * backslash and this letter ("\\", "\"", and "\n" for the facts' line
 * ends, short since the assembler's work grows with every character it
 * reads), or OCTAL: a backslash and three octal digits. */
#define OCTAL 1
static char escape_letter[256];

static void init_escape_letters(void)
{
    for (int c = 0; c < 256; c++)
        escape_letter[c] = c == '\n' ? 'n'
                           : c == '"' || c == '\\' ? (char)c
                           : c < 0x20 || c >= 0x7f ? OCTAL : 0;
}

#define ASCII_LINE 512          /* input bytes per .ascii line */

/* The section the facts go to: not allocated, with the retain flag
 * ("R").  Its type is left to the assembler (progbits for a new
 * section): "@progbits" does not assemble for 32-bit Arm, where "@"
 * begins a comment. */
#define SECTION_OPEN "\t.pushsection " VMSD_FACTS_SECTION ",\"R\"\n"

/* One piece of the facts as assembler text: .ascii lines in the facts
 * section.  Pieces of one unit follow each other in the section, in
 * order.  Escaped into one buffer sized for the worst case (every byte
 * an octal escape). */
static void emit_piece(const char *text, size_t len, void *arg)
{
    static const char head[] = SECTION_OPEN;
    static const char tail[] = "\t.popsection\n";
    static const char line_open[] = "\t.ascii \"", line_close[] = "\"\n";
    const struct asm_target *target = (const struct asm_target *)arg;
    size_t lines = len / ASCII_LINE + 1;
    char *out = XNEWVEC(char, sizeof head + 4 * len
                        + lines * (sizeof line_open + sizeof line_close)
                        + sizeof tail);
    char *o = out;

    if (!escape_letter['"'])
        init_escape_letters();
    o = stpcpy(o, head);
    const unsigned char *p = (const unsigned char *)text;
    for (size_t start = 0; start < len; start += ASCII_LINE) {
        size_t end = start + ASCII_LINE < len ? start + ASCII_LINE : len;
        o = stpcpy(o, start ? "\"\n\t.ascii \"" : line_open);
        for (size_t k = start; k < end; k++) {
            unsigned char c = p[k];
            if (!escape_letter[c]) {
                *o++ = (char)c;
                continue;
            }
            *o++ = '\\';
            if (escape_letter[c] != OCTAL) {
                *o++ = escape_letter[c];
            } else {
                *o++ = (char)('0' + (c >> 6));
                *o++ = (char)('0' + ((c >> 3) & 7));
                *o++ = (char)('0' + (c & 7));
            }
        }
    }
    if (len)
        o = stpcpy(o, line_close);
    o = stpcpy(o, tail);
    if (target->out)
        fwrite(out, 1, (size_t)(o - out), target->out);
    else
        symtab->finalize_toplevel_asm(build_string((int)(o - out), out));
    XDELETEVEC(out);
}

/* The unit's facts, followed by a NUL so that the documents of many
 * units stay apart once linked. */
static void emit_facts(struct asm_target *target,
                       const struct vmsd_model *model, const char *unit)
{
    vmsd_facts_stream(model, unit, emit_piece, target);
    emit_piece("", 1, target);
}

void vmsd_emit_facts_asm(const struct vmsd_model *model, const char *unit)
{
    struct asm_target target = { NULL };
    emit_facts(&target, model, unit);
}

/* The facts after the end of an assembler file of its own.  They are
 * written as the unit is checked into an unlinked temporary file (no
 * memory held, nothing left behind), and appended when cc1 exits, once
 * GCC has written and closed the assembler file: after a .end, where
 * the assembler stops reading, with an .incbin of the same file before
 * it that copies them into the section.  The assembler reads them at
 * under one instruction a byte, against 75 for the escaped text of an
 * .ascii string.  Its input scanner still reads on past .end to the end
 * of its buffer, up to 32 KiB: plain text at 14 instructions a byte or
 * more (and to the end of the file in a quote or a comment a name
 * opens, warning there), a comment at 10 but to its end.  So short
 * facts go in a comment, and longer ones (or ones holding a comment's
 * end) after a filler it reads at 3, longer than its buffer, where
 * nothing reads them but the .incbin.  Only on targets whose GNU as
 * stops at .end (configure's VMSD_FACTS_AFTER_END), and only for a
 * regular file whose name needs no escape in a string. */
#ifndef VMSD_FACTS_AFTER_END
#define VMSD_FACTS_AFTER_END 0
#endif

static bool can_append(const char *asm_name)
{
    struct stat st;
    return VMSD_FACTS_AFTER_END && asm_name && strcmp(asm_name, "-") != 0
           && !strpbrk(asm_name, "\"\\\n") && stat(asm_name, &st) == 0
           && S_ISREG(st.st_mode);
}

/* Facts up to this many bytes go in a comment ("/" "*" before, "*" "/"
 * after): the scanner skips them for less than the filler costs it. */
#define COMMENTED_MAX (12 * 1024)
/* The filler: lines of letters, the text the scanner reads fastest,
 * 40 KiB of them, past the 32 KiB of its buffer. */
#define FILLER_LINE 256
#define FILLER_LINES 160

/* The facts waiting for cc1's exit. */
static struct {
    FILE *file;
    unsigned long long length;
    char last;                  /* the last byte written */
    bool ends_comment;          /* short facts hold a comment's end */
} staged;

static void stage_piece(const char *text, size_t len, void *)
{
    /* Only facts that stay short can go in a comment: longer ones are
     * not searched. */
    if (len && staged.length + len <= COMMENTED_MAX && !staged.ends_comment)
        staged.ends_comment = (staged.last == '*' && text[0] == '/')
                              || memmem(text, len, "*/", 2);
    if (len)
        staged.last = text[len - 1];
    fwrite(text, 1, len, staged.file);
    staged.length += len;
}

/* Copies the staged facts to OUT. */
static void copy_staged(FILE *out)
{
    char buffer[65536];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, staged.file)) > 0)
        fwrite(buffer, 1, got, out);
}

/* The offset is written at a fixed width, so that the line that holds
 * it has a known length before it is written. */
#define NUMBER_WIDTH 20
#define INCBIN_LINE "\t.incbin \"%s\", %-*llu, %llu\n"

/* Appends; false (errno set) when the file cannot be written. */
static bool append_after_end(FILE *out, const char *asm_name)
{
    bool commented = staged.length <= COMMENTED_MAX && !staged.ends_comment;
    if (fseek(out, 0, SEEK_END) != 0 || fseek(staged.file, 0, SEEK_SET) != 0)
        return false;
    long start = ftell(out);
    int incbin = snprintf(NULL, 0, INCBIN_LINE, asm_name, NUMBER_WIDTH, 0ull,
                          staged.length);
    static const char section_open[] = SECTION_OPEN;
    static const char section_close[] = "\t.popsection\n\t.end\n";
    static const char comment_open[] = "/*", comment_close[] = "*/\n";
    if (start < 0 || incbin < 0)
        return false;
    size_t lead = commented ? strlen(comment_open)
                            : FILLER_LINE * FILLER_LINES;
    unsigned long long at = (unsigned long long)start + strlen(section_open)
                            + (unsigned)incbin + strlen(section_close) + lead;
    fputs(section_open, out);
    fprintf(out, INCBIN_LINE, asm_name, NUMBER_WIDTH, at, staged.length);
    fputs(section_close, out);
    if (commented) {
        fputs(comment_open, out);
    } else {
        char line[FILLER_LINE];
        memset(line, 'x', sizeof line - 1);
        line[sizeof line - 1] = '\n';
        for (int i = 0; i < FILLER_LINES; i++)
            fwrite(line, 1, sizeof line, out);
    }
    copy_staged(out);
    fputs(commented ? comment_close : "\n", out);   /* the last line ends */
    return !ferror(staged.file) && fflush(out) == 0 && !ferror(out);
}

static void append_staged_facts(void)
{
    /* After an error or a fatal one the driver deletes the output. */
    if (seen_error() || diagnostic_kind_count(global_dc, DK_FATAL)) {
        fclose(staged.file);
        return;
    }
    FILE *out = fopen(asm_file_name, "r+");
    bool ok = out && append_after_end(out, asm_file_name);
    int saved = errno;
    if (out && fclose(out) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    fclose(staged.file);
    if (!ok) {
        /* At exit GCC's diagnostics are done: say it as they would, and
         * fail the compile so that no object goes without its facts. */
        fprintf(stderr, "%s: error: vmsdcheck: cannot append the facts to "
                "%s: %s\n", progname, asm_file_name, xstrerror(saved));
        _exit(FATAL_EXIT_CODE);
    }
}

/* True when the facts are staged for the end of the assembler file:
 * not when it is no file of its own, nor when a temporary file cannot
 * be written. */
static bool stage_facts(const struct vmsd_model *model, const char *unit)
{
    if (!can_append(asm_file_name) || !(staged.file = tmpfile()))
        return false;
    vmsd_facts_stream(model, unit, stage_piece, NULL);
    stage_piece("", 1, NULL);
    if (fflush(staged.file) != 0 || ferror(staged.file)) {
        fclose(staged.file);
        return false;
    }
    atexit(append_staged_facts);
    return true;
}

void vmsd_print_facts_asm(FILE *out, const struct vmsd_model *model,
                          const char *unit)
{
    if (!stage_facts(model, unit)) {
        struct asm_target target = { out };
        emit_facts(&target, model, unit);
    }
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
