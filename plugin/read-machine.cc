/* What a unit defines for machine types beyond function bodies: the
 * GlobalProperty arrays that compat_props_add hands a machine class
 * (hw_compat_10_2[] = { { driver, property, value }, ... }), and, at the
 * end of the unit, the macros that say which versioned machine types
 * the tree deprecates and deletes (docs/machines.md). */
#include "plugin.h"
#include "tree-access.h"

#include "c-family/c-pragma.h"

static tree global_property_tag, driver_member, property_member, setting_member;

/* The macros read: the policy's (include/hw/core/boards.h) and QEMU's
 * version (config-host.h). */
static const char *const policy_macros[] = {
    "MACHINE_VER_DEPRECATION_MAJOR", "MACHINE_VER_DELETION_MAJOR",
    "QEMU_VERSION_MAJOR", "QEMU_VERSION_MINOR", "QEMU_VERSION_MICRO",
};

void vmsd_machine_reader_init(void)
{
    global_property_tag = get_identifier("GlobalProperty");
    driver_member = get_identifier("driver");
    property_member = get_identifier("property");
    setting_member = get_identifier("value");
}

void vmsd_read_property_array(struct vmsd_model *model, tree decl)
{
    tree type = TREE_TYPE(decl);
    if (!array_of_tag(type, global_property_tag))
        return;
    tree ctor = constructor_of(decl);
    if (!ctor || !DECL_NAME(decl))
        return;                 /* declared here, defined elsewhere */
    struct vmsd_property_array *a = VMSD_APPEND(model->property_arrays,
                                                model->n_property_arrays);
    a->symbol = vmsd_model_strdup(model, IDENTIFIER_POINTER(DECL_NAME(decl)));
    a->global = TREE_PUBLIC(decl);
    unsigned i;
    tree value;
    bool unreadable;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(ctor), i, value) {
        if (TREE_CODE(value) != CONSTRUCTOR)
            continue;
        struct vmsd_global_property *p = VMSD_APPEND(a->entries, a->n_entries);
        p->driver = string_kept(member(value, driver_member),
                                &unreadable);
        p->property = string_kept(member(value, property_member),
                                  &unreadable);
        p->value = string_kept(member(value, setting_member),
                               &unreadable);
    }
}

void vmsd_read_machine_macros(struct vmsd_model *model)
{
    /* Only a unit that adds or defines compat properties: every QEMU
     * unit defines QEMU's version, and the tool needs it once. */
    if (!model->n_compat_adds && !model->n_property_arrays)
        return;
    for (size_t i = 0; i < ARRAY_SIZE(policy_macros); i++) {
        const char *name = policy_macros[i];
        cpp_hashnode *node = cpp_lookup(parse_in, (const unsigned char *)name,
                                        strlen(name));
        if (!node || !cpp_user_macro_p(node) || cpp_fun_like_macro_p(node))
            continue;
        /* "NAME EXPANSION" */
        const char *text = (const char *)cpp_macro_definition(parse_in, node);
        const char *expansion = text + strlen(name);
        while (*expansion == ' ')
            expansion++;
        struct vmsd_macro_value *v = VMSD_APPEND(model->macro_values,
                                                 model->n_macro_values);
        v->name = vmsd_model_strdup(model, name);
        v->value = vmsd_model_strdup(model, expansion);
    }
}
