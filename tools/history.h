/* db generate --history: when each legacy name first shipped, from a
 * git repository's releases (git runs as a subprocess). */
#ifndef VMSDCHECK_TOOL_HISTORY_H
#define VMSDCHECK_TOOL_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

/* How long one git command may take, and how much it may print, before
 * it is stopped (the whole history of QEMU takes about a second a
 * release). */
#define HISTORY_GIT_SECONDS 600
#define HISTORY_GIT_MAX_OUTPUT ((size_t)256 << 20)

/* For each of the N NAMES, the oldest release of the git repository DIR
 * (a work tree or a git directory) whose tree has the name, between
 * double quotes, in a file whose name ends in ".c": SINCE[i] gets
 * "MAJOR.MINOR"; "unreleased" when no release has it and HEAD does;
 * NULL when neither has it (a name built by a macro, or spelled with an
 * escape).  *RELEASED gets the newest release.  The releases are the
 * tags vMAJOR.MINOR.0 (or vMAJOR.MINOR); a repository without such a
 * tag has them as the commits of HEAD's history that set the file
 * VERSION to MAJOR.MINOR.0, as QEMU's release commits do.  False, with
 * the reason on stderr naming DIR, when DIR is no git repository, has
 * no release, or git fails; the caller frees the strings. */
bool history_since(const char *dir, const char *const *names, size_t n,
                   char **since, char **released);

#endif
