/* What to compile: each unit as the argument vectors of its compile
 * without and with the plugin, from --unit FILE (with --cc and --cflags)
 * or from the entry of a compilation database (compile_commands.json)
 * whose "file" ends with --file's suffix. */
#include "bench.h"

#include "../checker/model.h"
#include "../checker/text.h"
#include "../checker/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct unit *add_unit(struct bench *b)
{
    b->units = vmsd_grow(b->units, b->n_units, sizeof *b->units);
    struct unit *u = &b->units[b->n_units++];
    memset(u, 0, sizeof *u);
    return u;
}

/* The compilation database at PATH, read on first use. */
static json_t *load_compdb(struct bench *b, const char *path)
{
    for (size_t i = 0; i < b->n_compdbs; i++)
        if (strcmp(b->compdbs[i].path, path) == 0)
            return b->compdbs[i].root;
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    if (!root) {
        fprintf(stderr, "bench: %s:%d:%d: %s\n", path, error.line,
                error.column, error.text);
        return NULL;
    }
    if (!json_is_array(root)) {
        fprintf(stderr, "bench: %s: not a compilation database "
                "(a JSON array)\n", path);
        json_decref(root);
        return NULL;
    }
    b->compdbs = vmsd_grow(b->compdbs, b->n_compdbs, sizeof *b->compdbs);
    b->compdbs[b->n_compdbs].path = vmsd_strdup(path);
    b->compdbs[b->n_compdbs].root = root;
    b->n_compdbs++;
    return root;
}

/* FILE ends with SUFFIX at a path-component boundary. */
static bool has_path_suffix(const char *file, const char *suffix)
{
    size_t fl = strlen(file), sl = strlen(suffix);
    if (sl == 0 || sl > fl || strcmp(file + fl - sl, suffix) != 0)
        return false;
    return sl == fl || file[fl - sl - 1] == '/' || suffix[0] == '/';
}

/* A -fplugin=PATH or -fplugin-arg-NAME-... of the plugin measured: a
 * build configured with it (QEMU's, as README.md says) has it in every
 * entry, and the compile without it must not load it. */
static bool names_plugin(const struct bench *b, const char *a)
{
    if (!starts_with(a, "-fplugin=")) {
        char *arg = vmsd_format(NULL, "-fplugin-arg-%s-", b->plugin_name);
        bool ours = starts_with(a, arg);
        free(arg);
        return ours;
    }
    const char *slash = strrchr(a, '/');
    const char *base = slash ? slash + 1 : a + strlen("-fplugin=");
    size_t len = strlen(b->plugin_name);
    return strncmp(base, b->plugin_name, len) == 0
           && (!base[len] || strcmp(base + len, ".so") == 0);
}

/* A word of a compile that bench replaces: the plugin's own, dependency
 * output (-MD, -MMD, -MP, -MF X, -MQ X, -MT X) and the output file
 * (-o X); the number of words it takes (with its operand), or 0 to keep
 * it. */
static size_t replaced_words(const struct bench *b, const char *a)
{
    if (names_plugin(b, a))
        return 1;
    static const char *const alone[] = { "-MD", "-MMD", "-MP" };
    static const char *const with_operand[] = { "-MF", "-MQ", "-MT", "-o" };
    for (size_t k = 0; k < sizeof alone / sizeof *alone; k++)
        if (strcmp(a, alone[k]) == 0)
            return 1;
    for (size_t k = 0; k < sizeof with_operand / sizeof *with_operand; k++)
        if (starts_with(a, with_operand[k]))
            return strcmp(a, with_operand[k]) == 0 ? 2 : 1;    /* -MFfile */
    return 0;
}

/* VARIANT of the compile WORDS: the driver, the plugin's arguments
 * right after it (with the plugin), the other words less those bench
 * replaces, and the object written to the variant's file, never next
 * to the sources. */
static void build_variant(const struct bench *b, const struct strvec *words,
                          int variant, struct strvec *out)
{
    strvec_push(out, vmsd_strdup(words->v[0]));
    for (size_t i = 0; variant == WITH && i < b->plugin_args.n; i++)
        strvec_push(out, vmsd_strdup(b->plugin_args.v[i]));
    for (size_t i = 1; i < words->n; ) {
        size_t skip = replaced_words(b, words->v[i]);
        if (!skip)
            strvec_push(out, vmsd_strdup(words->v[i]));
        i += skip ? skip : 1;
    }
    strvec_push(out, vmsd_strdup("-o"));
    strvec_push(out, vmsd_strdup(b->temp.object[variant]));
}

/* The last -O option of ARGV (GCC obeys the last), or GCC's default. */
static const char *optimization_level(const struct strvec *argv)
{
    const char *level = "-O0";
    for (size_t i = 1; i < argv->n; i++)
        if (starts_with(argv->v[i], "-O"))
            level = argv->v[i];
    return level;
}

/* U's compiles, without and with the plugin, from WORDS. */
static void build_variants(const struct bench *b, struct unit *u,
                           const struct strvec *words)
{
    for (int v = 0; v < 2; v++)
        build_variant(b, words, v, &u->argv[v]);
    u->level = optimization_level(&u->argv[WITHOUT]);
}

/* The words of ENTRY's "command", or its "arguments", into WORDS. */
static bool entry_words(json_t *entry, const struct unit *u,
                        struct strvec *words)
{
    const char *command = json_string_value(json_object_get(entry,
                                                            "command"));
    json_t *arguments = json_object_get(entry, "arguments");
    if (command) {
        char err[128];
        if (!split_command(command, words, err, sizeof err)) {
            fprintf(stderr, "bench: %s: the command for %s: %s\n",
                    u->compdb, u->suffix, err);
            return false;
        }
    } else if (json_is_array(arguments)) {
        size_t k;
        json_t *arg;
        json_array_foreach(arguments, k, arg) {
            if (!json_is_string(arg)) {
                fprintf(stderr, "bench: %s: an argument for %s is not a "
                        "string\n", u->compdb, u->suffix);
                return false;
            }
            strvec_push(words, vmsd_strdup(json_string_value(arg)));
        }
    }
    if (words->n == 0) {
        fprintf(stderr, "bench: %s: the entry for %s has no \"command\" "
                "or \"arguments\"\n", u->compdb, u->suffix);
        return false;
    }
    return true;
}

static bool build_compdb_unit(struct bench *b, struct unit *u)
{
    json_t *root = load_compdb(b, u->compdb);
    if (!root)
        return false;

    size_t i;
    json_t *entry = NULL;
    json_array_foreach(root, i, entry) {
        const char *file = json_string_value(json_object_get(entry, "file"));
        if (file && has_path_suffix(file, u->suffix))
            break;
    }
    if (i == json_array_size(root)) {
        fprintf(stderr, "bench: no entry of %s has a \"file\" ending in "
                "%s\n", u->compdb, u->suffix);
        return false;
    }

    struct strvec words = { 0 };
    bool ok = entry_words(entry, u, &words);
    if (ok) {
        const char *dir = json_string_value(json_object_get(entry,
                                                            "directory"));
        build_variants(b, u, &words);
        u->dir = dir ? vmsd_strdup(dir) : NULL;
        u->label = vmsd_strdup(u->suffix);
    }
    strvec_free(&words);
    return ok;
}

static bool build_source_unit(const struct bench *b, struct unit *u)
{
    char err[128];
    struct strvec words = { 0 };
    bool ok = false;
    bool split = split_command(b->cc, &words, err, sizeof err);
    if (!split || words.n == 0)
        fprintf(stderr, "bench: --cc '%s': %s\n", b->cc,
                split ? "no compiler" : err);
    else if (u->cflags && !split_command(u->cflags, &words, err, sizeof err))
        fprintf(stderr, "bench: --cflags '%s': %s\n", u->cflags, err);
    else
        ok = true;
    if (ok) {
        strvec_push(&words, vmsd_strdup("-c"));
        strvec_push(&words, vmsd_strdup(u->source));
        build_variants(b, u, &words);
        u->label = vmsd_strdup(u->source);
    }
    strvec_free(&words);
    return ok;
}

bool build_units(struct bench *b)
{
    for (size_t i = 0; i < b->n_units; i++) {
        struct unit *u = &b->units[i];
        bool built = u->from_compdb ? build_compdb_unit(b, u)
                                    : build_source_unit(b, u);
        if (!built)
            return false;
        u->runs = u->from_compdb && b->compdb_runs > 0 ? b->compdb_runs
                                                       : b->runs;
    }
    return true;
}

void free_units(struct bench *b)
{
    for (size_t i = 0; i < b->n_units; i++) {
        struct unit *u = &b->units[i];
        free(u->label);
        free(u->dir);
        for (int v = 0; v < 2; v++)
            strvec_free(&u->argv[v]);
        free(u->source);
        free(u->cflags);
        free(u->compdb);
        free(u->suffix);
        for (int v = 0; v < 2; v++) {
            free(u->cpu[v]);
            free(u->wall[v]);
            free(u->rss[v]);
        }
        free(u->ratio);
    }
    free(b->units);
    b->units = NULL;
    b->n_units = 0;
    for (size_t i = 0; i < b->n_compdbs; i++) {
        json_decref(b->compdbs[i].root);
        free(b->compdbs[i].path);
    }
    free(b->compdbs);
    b->compdbs = NULL;
    b->n_compdbs = 0;
}
