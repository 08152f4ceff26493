/* Compat properties of a unit compiled without the plugin: the tool
 * cannot see them, and says which unit it could not see. */
#include "qom.h"

GlobalProperty compat_nowhere[] = {
    { "nic", "legacy", "on" },
    { "uart", "legacy", "on" },
};
