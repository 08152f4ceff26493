/* A second plugin that prints, at the end of the unit, how much of
 * cc1's first mapping (its ELF headers and dynamic linking tables) is
 * resident: /proc/self/smaps' Rss of the mapping at the lowest address. */
#include "gcc-plugin.h"
#include "plugin-version.h"

#include <stdio.h>

int plugin_is_GPL_compatible;

static void report_rss(void *, void *)
{
    FILE *smaps = fopen("/proc/self/smaps", "r");
    char line[512];
    unsigned long kb;
    while (smaps && fgets(line, sizeof line, smaps))
        if (sscanf(line, "Rss: %lu kB", &kb) == 1) {
            fprintf(stderr, "probe: first mapping resident %lu kB\n", kb);
            break;
        }
    if (smaps)
        fclose(smaps);
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *)
{
    register_callback(info->base_name, PLUGIN_FINISH, report_rss, NULL);
    return 0;
}
