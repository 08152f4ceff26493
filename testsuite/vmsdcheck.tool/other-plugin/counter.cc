/* A second plugin for other-plugin.exp: counts the events GCC hands it
 * while each function is lowered (vmsdcheck turns the dispatch off
 * then, when it is alone) and after vmsdcheck has checked the unit (the
 * passes run on each function, and the end of the unit), and says so at
 * the end. */
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree-pass.h"

#include <stdio.h>

int plugin_is_GPL_compatible;

static unsigned passes_run;
static unsigned lowering_passes_run;
static bool ipa_started;
static unsigned units_finished;

static void on_pass(void *, void *)
{
    passes_run++;
    if (!ipa_started)
        lowering_passes_run++;
}

static void on_ipa_start(void *, void *)
{
    ipa_started = true;
}

static void on_finish_unit(void *, void *)
{
    units_finished++;
}

static void on_finish(void *, void *)
{
    fprintf(stderr, "counter: %u units finished, %s, %u lowering passes\n",
            units_finished, passes_run ? "passes seen" : "no pass seen",
            lowering_passes_run);
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *)
{
    register_callback(info->base_name, PLUGIN_PASS_EXECUTION, on_pass, NULL);
    register_callback(info->base_name, PLUGIN_ALL_IPA_PASSES_START,
                      on_ipa_start, NULL);
    register_callback(info->base_name, PLUGIN_FINISH_UNIT, on_finish_unit,
                      NULL);
    register_callback(info->base_name, PLUGIN_FINISH, on_finish, NULL);
    return 0;
}
