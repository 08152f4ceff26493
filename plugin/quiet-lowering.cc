/* GCC's plugin dispatch, off while each function is lowered.  Once a
 * plugin is loaded, GCC calls into its dispatch twice for every lowering
 * pass of every function (the gate override and the pass execution
 * events), about a dozen calls a function, though nothing here listens
 * to them.  Lowering starts once the unit is parsed, so what the plugin
 * reads of declarations, types and bodies is in by then.  Two passes of
 * the plugin's own, before the first lowering pass and after the last,
 * turn the dispatch off and on again around each function: only when
 * no other plugin listens to anything, and never once the unit is
 * checked. */
#include "plugin.h"

#include "context.h"
#include "tree-pass.h"

static enum { PARSING, QUIET, LOUD } state;
static bool (*parsed_hook)(void);

static const pass_data quiet_data = {
    GIMPLE_PASS, "*vmsdcheck_quiet", OPTGROUP_NONE, TV_NONE, 0, 0, 0, 0, 0
};
static const pass_data listen_data = {
    GIMPLE_PASS, "*vmsdcheck_listen", OPTGROUP_NONE, TV_NONE, 0, 0, 0, 0, 0
};

/* A pass GCC owns: in memory of malloc's, not of libstdc++'s operator
 * new, which would load libstdc++ into cc1.  Each works in its gate and
 * never runs. */
class own_pass : public gimple_opt_pass {
public:
    own_pass(const pass_data &data, gcc::context *ctxt)
        : gimple_opt_pass(data, ctxt) {}
    static void *operator new(size_t size) { return xmalloc(size); }
    static void operator delete(void *p) { XDELETE(p); }
};

class quiet_pass : public own_pass {
public:
    quiet_pass(gcc::context *ctxt) : own_pass(quiet_data, ctxt) {}
    bool gate(function *) final override
    {
        if (state == PARSING)
            state = parsed_hook() ? QUIET : LOUD;
        if (state == QUIET)
            flag_plugin_added = false;
        return false;
    }
};

class listen_pass : public own_pass {
public:
    listen_pass(gcc::context *ctxt) : own_pass(listen_data, ctxt) {}
    bool gate(function *) final override
    {
        if (state == QUIET)
            flag_plugin_added = true;
        return false;
    }
};

void vmsd_quiet_lowering_init(const char *plugin_name, bool (*parsed)(void))
{
    parsed_hook = parsed;
    struct register_pass_info quiet = {
        new quiet_pass(g), "*warn_unused_result", 1, PASS_POS_INSERT_BEFORE
    };
    struct register_pass_info listen = {
        new listen_pass(g), "*build_cgraph_edges", 1, PASS_POS_INSERT_AFTER
    };
    register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &quiet);
    register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &listen);
}

void vmsd_quiet_lowering_stop(void)
{
    state = LOUD;
}
