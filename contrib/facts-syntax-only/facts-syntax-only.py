#!/usr/bin/env python3
"""Every C unit of a build's compile_commands.json, once more, with the
vmsdcheck plugin and -fsyntax-only: the facts of every unit the build
configured, in a facts directory, without building anything.

GCC parses each unit and stops (no code, no object); the plugin writes the
unit's facts into FACTS_DIR.  Each unit's own command is run from its own
directory, less what writes files (-o, -MD, -MF, -MQ, -c) and less any
other -fplugin option, so nothing is written into the build directory.
Configure a build for every target (meson writes compile_commands.json at
configure time, before anything is built) and give the facts directory to
vmsdcheck, run from the build directory:

    facts-syntax-only.py --plugin vmsdcheck.so -j 2 BUILD_DIR FACTS_DIR
    cd BUILD_DIR && vmsdcheck coverage --source-root SOURCE_DIR FACTS_DIR

Prints the number of units and seconds; exit 1, listing them on stderr,
when a unit does not compile.  Standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
import time

# Options that write a file (and the ones among them that take the next
# argument).
DROPPED = {"-c", "-MD", "-MMD"}
DROPPED_WITH_VALUE = {"-o", "-MF", "-MQ", "-MT"}


def syntax_only(arguments, plugin, facts_dir):
    """The unit's compile, made to write only the facts."""
    out = []
    skip = False
    for arg in arguments:
        if skip:
            skip = False
        elif arg in DROPPED_WITH_VALUE:
            skip = True
        elif arg in DROPPED or arg.startswith("-fplugin"):
            pass
        else:
            out.append(arg)
    return out + ["-fsyntax-only", "-fplugin=" + plugin,
                  "-fplugin-arg-vmsdcheck-facts-dir=" + facts_dir]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plugin", required=True, help="vmsdcheck.so")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("build_dir")
    parser.add_argument("facts_dir")
    args = parser.parse_args()

    database = os.path.join(args.build_dir, "compile_commands.json")
    try:
        with open(database) as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("facts-syntax-only: %s: %s" % (database, e))
    plugin = os.path.abspath(args.plugin)
    facts_dir = os.path.abspath(args.facts_dir)
    units = [e for e in entries if e["file"].endswith(".c")]

    def run(entry):
        arguments = entry.get("arguments") or shlex.split(entry["command"])
        result = subprocess.run(syntax_only(arguments, plugin, facts_dir),
                                cwd=entry["directory"],
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        return entry["file"], result.returncode, result.stderr

    start = time.monotonic()
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max(args.jobs, 1)) as pool:
        for name, status, stderr in pool.map(run, units):
            if status != 0:
                failed.append(name)
                sys.stderr.write(stderr.decode(errors="replace"))
    print("%d units, %d failed, %d s" % (len(units), len(failed),
                                         round(time.monotonic() - start)))
    for name in failed:
        print("facts-syntax-only: does not compile: " + name, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
