/* Findings as GCC diagnostics: a warning or error at the finding, a note
 * at each definition involved, and a fix-it where a rename is safe to
 * suggest and its string literal can be found in the source. */
#include "plugin.h"

#include "gcc-rich-location.h"

/* Does LOC span FILE:LINE:FIRST-LAST?  A line map may not cover a line
 * or a column that far out: then it does not. */
static bool maps_back(location_t loc, const char *file, int line, int first,
                      int last)
{
    expanded_location b = expand_location(get_start(loc));
    expanded_location e = expand_location(get_finish(loc));
    return b.file && e.file && strcmp(b.file, file) == 0
           && strcmp(e.file, file) == 0 && b.line == line && e.line == line
           && b.column == first && e.column == last;
}

/* The single source line range of NAME's literal, "NAME" exactly, inside
 * the definition that starts at DEF; UNKNOWN_LOCATION when the literal is
 * not there once and once only (a macro, a concatenation, a second copy). */
static location_t find_name_literal(location_t def, const char *name)
{
    const line_map_ordinary *map = NULL;
    location_t spelling = linemap_resolve_location(line_table, def,
                                                   LRK_SPELLING_LOCATION, &map);
    expanded_location start = expand_location(spelling);
    if (!map || !start.file || strpbrk(name, "\"\\\n"))
        return UNKNOWN_LOCATION;

    size_t name_len = strlen(name);
    location_t found = UNKNOWN_LOCATION;
    int found_count = 0, found_line = 0, found_column = 0;
    /* A definition ends at the first line that starts with "}". */
    for (int line = start.line; line < start.line + 200; line++) {
        char_span span = location_get_source_line(start.file, line);
        const char *text = span.get_buffer();
        size_t len = span.length();
        if (!text)
            break;
        for (size_t col = 0; col + name_len + 2 <= len; col++) {
            if (text[col] == '"' && memcmp(text + col + 1, name, name_len) == 0
                && text[col + 1 + name_len] == '"') {
                location_t b = linemap_position_for_line_and_column(
                    line_table, map, line, col + 1);
                location_t e = linemap_position_for_line_and_column(
                    line_table, map, line, col + name_len + 2);
                found = make_location(b, b, e);
                found_line = line;
                found_column = (int)col + 1;
                found_count++;
            }
        }
        if (line > start.line && len && text[0] == '}')
            break;
    }
    if (found_count != 1)
        return UNKNOWN_LOCATION;
    return found_line && maps_back(found, start.file, found_line, found_column,
                                   found_column + (int)name_len + 1)
           ? found : UNKNOWN_LOCATION;
}

static void note_with_rename(const struct vmsd_note *note,
                             const struct vmsd_finding *finding)
{
    location_t literal = find_name_literal(finding->renamed->loc.host,
                                           finding->renamed->name);
    if (literal == UNKNOWN_LOCATION) {
        inform(note->loc.host, "%s", note->text);
        return;
    }
    size_t n = strlen(finding->suggested_name) + 3;
    char *quoted = XNEWVEC(char, n);
    snprintf(quoted, n, "\"%s\"", finding->suggested_name);
    rich_location where(line_table, note->loc.host);
    where.add_fixit_replace(get_range_from_loc(line_table, literal), quoted);
    inform(&where, "%s", note->text);
    XDELETEVEC(quoted);
}

void vmsd_report_to_gcc(const struct vmsd_finding *finding, void *)
{
    auto_diagnostic_group group;
    location_t loc = finding->loc.host;
    bool shown;

    if (finding->severity == VMSD_ERROR) {
        error_at(loc, "%s [%s]", finding->message,
                 vmsd_rule_id(finding->rule));
        shown = true;
    } else {
        shown = warning_at(loc, 0, "%s [%s]", finding->message,
                           vmsd_rule_id(finding->rule));
    }
    if (!shown)
        return;                 /* -w: no notes without their warning */
    for (size_t i = 0; i < finding->n_notes; i++) {
        const struct vmsd_note *note = &finding->notes[i];
        if (note->has_fixit && finding->renamed)
            note_with_rename(note, finding);
        else
            inform(note->loc.host, "%s", note->text);
    }
}
