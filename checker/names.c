/* The naming rule of subsections. */
#include "names.h"

#include "model.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

bool vmsd_name_extends(const char *name, const char *parent)
{
    size_t n = strlen(parent);
    return strncmp(name, parent, n) == 0 && name[n] != '\0';
}

bool vmsd_name_follows_rule(const char *name, const char *parent)
{
    size_t n = strlen(parent);
    return strncmp(name, parent, n) == 0 && name[n] == '/'
           && name[n + 1] != '\0';
}

enum vmsd_name_kind vmsd_name_kind(const char *name, const char *parent)
{
    if (vmsd_name_follows_rule(name, parent))
        return VMSD_NAME_FOLLOWS_RULE;
    return vmsd_name_extends(name, parent) ? VMSD_NAME_LEGACY
                                           : VMSD_NAME_UNLOADABLE;
}

char *vmsd_suggest_name(const char *name, const char *parent)
{
    size_t n = strlen(parent);
    const char *rest = name;
    if (strncmp(name, parent, n) == 0) {
        rest = name + n;
        if (*rest && strchr("_.- /", *rest))
            rest++;
    }
    if (*rest == '\0')
        return NULL;
    size_t size = n + 1 + strlen(rest) + 1;
    char *out = vmsd_xrealloc(NULL, size);
    memcpy(out, parent, n);
    out[n] = '/';
    strcpy(out + n + 1, rest);
    return out;
}
