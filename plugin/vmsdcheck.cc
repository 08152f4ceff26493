/* vmsdcheck.so: the GCC plugin.  Reads its arguments (and its
 * allowlists when a name first needs them), records every description
 * of a C unit as GCC finishes each declaration, and checks them all
 * once the unit is parsed (a subsection may be defined after the list
 * that names it). */
#include "plugin.h"

#include "plugin-version.h"

#include <errno.h>
#include <unistd.h>

extern "C" {
#include "../checker/arena.h"
#include "../checker/compatdb.h"
#include "../checker/facts.h"
#include "../checker/options.h"
}

int plugin_is_GPL_compatible;

static struct plugin_info vmsdcheck_info = {
    VMSDCHECK_VERSION,
    "checks the names of QEMU migration subsections; "
    "-fplugin-arg-vmsdcheck-help lists the arguments",
};

static struct vmsd_model unit_model;
/* The arguments (their strings point into GCC's argv), kept until the
 * unit is checked. */
static struct vmsd_options options;
static struct vmsd_compatdb allowlist;

/* Every declaration of the unit and its headers comes here (28,000 in
 * one QEMU unit): only variables are read. */
static void on_finish_decl(void *gcc_data, void *)
{
    tree decl = (tree)gcc_data;
    if (!VAR_P(decl))
        return;
    vmsd_read_decl(&unit_model, decl);
    vmsd_read_type_infos(&unit_model, decl);
    vmsd_read_property_array(&unit_model, decl);
    vmsd_read_device_props(&unit_model, decl);
}

static void on_function(void *gcc_data, void *)
{
    vmsd_read_function(&unit_model, (tree)gcc_data);
    vmsd_read_registrations(&unit_model, (tree)gcc_data);
    vmsd_fit_read_function((tree)gcc_data);
    vmsd_read_predicate(&unit_model, (tree)gcc_data);
}

static void on_finish_type(void *gcc_data, void *)
{
    vmsd_fit_note_type((tree)gcc_data);
}

/* Tells check_unit which event called it. */
static char ipa_event;

static void hand_on_facts(bool object_follows)
{
    /* Every unit writes its facts, even one that defines no description:
     * they mark it as compiled with the plugin.  The name as GCC maps
     * __FILE__, copied out of GCC's garbage-collected heap. */
    char *unit = xstrdup(vmsd_remap_file(main_input_filename));
    if (options.facts_dir) {
        char *facts = vmsd_facts_write(&unit_model, unit);
        vmsd_write_facts_file(options.facts_dir, facts);
        free(facts);
    }
    /* Straight into the assembler output, which GCC has open from the
     * start, or after its end (facts-out.cc): no copy in GCC's memory.
     * With LTO the object is bytecode, so the facts travel in it as
     * top-level asm statements instead. */
    if (object_follows && (flag_lto || flag_generate_lto || !asm_out_file))
        vmsd_emit_facts_asm(&unit_model, unit);
    else if (object_follows)
        vmsd_print_facts_asm(asm_out_file, &unit_model, unit);
    free(unit);
}

static const char *plugin_name;     /* GCC's, as registered */

static void check_unit(void *, void *event);

/* What the plugin listens to, registered at start-up: the parse events
 * dropped once the unit is parsed, all once it is checked. */
static const struct {
    int event;
    plugin_callback_func callback;
    void *user_data;
    bool parse;                 /* only while the unit is parsed */
} listened[] = {
    { PLUGIN_FINISH_DECL, on_finish_decl, NULL, true },
    { PLUGIN_FINISH_TYPE, on_finish_type, NULL, true },
    { PLUGIN_PRE_GENERICIZE, on_function, NULL, true },
    { PLUGIN_ALL_IPA_PASSES_START, check_unit, &ipa_event, false },
    { PLUGIN_FINISH, check_unit, NULL, false },
};

/* The plugin's events, or only those it listens to after parsing. */
static void start_listening(bool parse_events_too)
{
    for (size_t i = 0; i < ARRAY_SIZE(listened); i++)
        if (parse_events_too || !listened[i].parse)
            register_callback(plugin_name, listened[i].event,
                              listened[i].callback, listened[i].user_data);
}

static void stop_listening(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(listened); i++)
        unregister_callback(plugin_name, listened[i].event);
}

/* The unit is parsed (quiet-lowering.cc): the parse events go.  Does
 * nobody else listen to anything?  The plugin's own events left are
 * taken off for a moment to ask. */
static bool parsed(void)
{
    stop_listening();
    bool alone = !plugins_active_p();
    start_listening(false);
    return alone;
}

/* Once the unit is checked nothing else is wanted from GCC, but GCC
 * still calls into its plugin dispatch twice for every pass on every
 * function (the gate override and the pass execution events: 41 M
 * instructions in a unit of 5,000 descriptions).  Unregister, and when no plugin
 * has any callback left, clear GCC's "a plugin was added" flag, which is
 * all that routes each event into the dispatch; another plugin loaded
 * beside this one keeps its callbacks and the flag. */
static void stop_dispatch(void)
{
    vmsd_quiet_lowering_stop();
    stop_listening();
    if (!plugins_active_p())
        flag_plugin_added = false;
}

/* The allowlists are read when a rule first needs them (a name that
 * breaks the rule), once: most units never do, and reading QEMU's costs
 * more instructions than checking a unit (1.2 M, all in the JSON
 * parser).  That they can be read was checked at start-up. */
static const struct vmsd_compatdb *read_allowlists(void)
{
    static enum { UNREAD, READ, FAILED } state;
    char error_text[1024];
    for (size_t i = 0; state == UNREAD && i < options.n_db_paths; i++)
        if (!vmsd_compatdb_load(&allowlist, options.db_paths[i], error_text,
                                sizeof error_text)) {
            error_at(UNKNOWN_LOCATION, "vmsdcheck: cannot use allowlist %s",
                     error_text);
            state = FAILED;
        }
    if (state == UNREAD)
        state = READ;
    return state == READ ? &allowlist : NULL;
}

/* Up to this many descriptions the model's blocks from malloc (its
 * arrays, grown by realloc among GCC's own blocks) stay till cc1 exits
 * once the unit is checked: freed there, they make glibc's allocator
 * dearer for the rest of the compile than kept (1.8 M instructions at
 * 500 descriptions -O2, 7.5 M at 2,000; docs/benchmarks.md, "Memory").
 * Kept, they raise the peak by about 160 bytes a description (0.6 MB
 * at 4,000, where the peak stays within its goal of +2 MB); a larger
 * model frees them. */
#define KEPT_BLOCKS_MAX_DESCS 4096

/* What the unit's check held, once it is done: its mapped arena and the
 * strings kept from GCC's collector always (the arena's pages go back to
 * the system, instead of counting in cc1's peak memory until exit), the
 * rest when the model is large. */
static void release_unit(void)
{
    if (unit_model.n_descs > KEPT_BLOCKS_MAX_DESCS) {
        vmsd_model_free(&unit_model);
        vmsd_compatdb_free(&allowlist);
        vmsd_options_free(&options);
    } else {
        vmsd_arena_free(vmsd_model_arena(&unit_model));
    }
    vmsd_reader_release();
    vmsd_arena_trim();          /* no other model follows in this cc1 */
}

/* Runs once: before the IPA passes when there are any (the object
 * follows; and -flto's free_lang_data would drop the C front end's
 * macro-expansion notes), at the end otherwise (-fsyntax-only, or a
 * unit with errors). */
static void check_unit(void *, void *event)
{
    vmsd_read_machine_macros(&unit_model);
    vmsd_model_resolve(&unit_model);
    if (event == &ipa_event && !seen_error())
        vmsd_read_creates(&unit_model);   /* the bodies are lowered */
    vmsd_fit_unit(&unit_model);
    vmsd_props_unit(&unit_model);
    options.config.style.open_quote = open_quote;
    options.config.style.close_quote = close_quote;
    vmsd_check_unit(&unit_model, &options.config, vmsd_report_to_gcc, NULL);
    hand_on_facts(options.facts && event == &ipa_event && !seen_error());
    release_unit();
    stop_dispatch();
}

static bool configure(struct plugin_name_args *info)
{
    char error_text[1024];
    struct vmsd_arg *args = XNEWVEC(struct vmsd_arg, info->argc + 1);
    bool ok;

    for (int i = 0; i < info->argc; i++) {
        args[i].key = info->argv[i].key;
        args[i].value = info->argv[i].value;
    }
    ok = vmsd_options_parse(&options, args, info->argc, error_text,
                            sizeof error_text);
    if (!ok)
        error("vmsdcheck: %s", error_text);
    if (ok && options.help) {
        /* As cc1 --help: the text, and nothing compiled.  The driver
         * would assemble the empty output into an empty object, so the
         * compile fails rather than leave one behind. */
        vmsd_options_print_help(stderr);
        error("vmsdcheck: help printed; nothing is compiled");
        exit_after_options = true;
    }

    vmsd_compatdb_init(&allowlist);
    for (size_t i = 0; ok && i < options.n_db_paths; i++) {
        ok = access(options.db_paths[i], R_OK) == 0;
        if (!ok)
            error("vmsdcheck: cannot use allowlist %s: unable to read %s: %s",
                  options.db_paths[i], options.db_paths[i], xstrerror(errno));
    }
    if (ok) {
        options.config.read_allowlist = read_allowlists;
        vmsd_reader_init(info->base_name, options.config.marker_field);
    }
    XDELETEVEC(args);
    return ok;
}

int plugin_init(struct plugin_name_args *info,
                struct plugin_gcc_version *version)
{
    if (!plugin_default_version_check(version, &gcc_version)) {
        error("vmsdcheck: built for GCC %s, loaded into GCC %s",
              gcc_version.basever, version->basever);
        return 1;
    }
    register_callback(info->base_name, PLUGIN_INFO, NULL, &vmsdcheck_info);
    if (!configure(info))
        return 1;

    /* C only: C++, Objective-C and the LTO back end (GNU GIMPLE) build
     * other trees, and QEMU's descriptions are C. */
    if (!lang_GNU_C())
        return 0;

    vmsd_model_init(&unit_model);
    vmsd_qom_reader_init();
    vmsd_creates_reader_init();
    vmsd_registration_reader_init();
    vmsd_machine_reader_init();
    vmsd_props_reader_init();
    plugin_name = info->base_name;
    vmsd_fit_init(plugin_name);
    start_listening(true);
    vmsd_quiet_lowering_init(plugin_name, parsed);
    vmsd_drop_symbol_pages();   /* every symbol of cc1's is bound by now */
    return 0;
}
