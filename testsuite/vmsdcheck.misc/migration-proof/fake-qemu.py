#!/usr/bin/env python3
"""A stand-in for qemu-system-*, for migration-proof.exp: `-device help`,
`-machine help`, and a QMP server with just what migration-proof.py asks
(qmp_capabilities, query-status, migrate, migrate-incoming,
query-migrate, quit).  The stream is JSON: each device's section name and
version.  FAKE_RELEASE (1 or 2) is the release it plays:

  fake-nic          the same in both releases
  fake-disk         starts only with drive=...
  fake-changed      its section's version is the release's
  fake-blocked      refuses to migrate (a migration blocker)
  fake-crashy       the destination dies loading it, in every release
  fake-broken       starts in neither release
  fake-new          release 2 only
  CPU type fake-cpu is listed under "CPU devices:".
"""

import json
import os
import socket
import sys

RELEASE = int(os.environ["FAKE_RELEASE"])


def device_help():
    print("Network devices:")
    print('name "fake-nic", bus PCI, desc "a NIC"')
    print("Storage devices:")
    print('name "fake-disk", bus PCI')
    print("Misc devices:")
    for name in ("fake-changed", "fake-blocked", "fake-crashy", "fake-broken"):
        print('name "%s", bus PCI' % name)
    if RELEASE == 2:
        print('name "fake-new", bus PCI')
    print("")
    print("CPU devices:")
    print('name "fake-cpu"')


def machine_help():
    print("Supported machines are:")
    print("fake                 Fake board (alias of fake-1.0)")
    print("fake-1.0             Fake board 1.0")
    print("fake-board           A board whose RAM grew in release 2")
    print("none                 empty machine")


def fail(message):
    sys.stderr.write("qemu-system-fake: %s\n" % message)
    sys.exit(1)


def parse(argv):
    devices, qmp, incoming, machine = [], None, False, None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if i + 1 < len(argv) else ""
        if arg == "-device":
            devices.append(value)
        elif arg == "-qmp":
            qmp = value[len("unix:"):].split(",")[0]
        elif arg == "-incoming":
            incoming = True
        elif arg == "-machine":
            machine = value
    return devices, qmp, incoming, machine


def sections(devices, machine):
    """The sections this command line migrates: name -> version."""
    state = {"ram": 2 if machine == "fake-board" and RELEASE == 2 else 1}
    for device in devices:
        name, _, props = device.partition(",")
        if name == "fake-disk" and "drive=" not in props:
            fail("-device fake-disk: drive property not set")
        if name == "fake-broken" or (name == "fake-new" and RELEASE == 1):
            fail("-device %s: cannot start" % name)
        state[name] = RELEASE if name == "fake-changed" else 1
    return state


def serve(path, state):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if os.path.exists(path):  # as QEMU does
        os.unlink(path)
    server.bind(path)
    server.listen(1)
    conn, _ = server.accept()
    out = conn.makefile("w")
    status = {"status": "none"}

    def reply(value):
        out.write(json.dumps(value) + "\n")
        out.flush()

    reply({"QMP": {"version": {}, "capabilities": []}})
    for line in conn.makefile("r"):
        command = json.loads(line)
        name, args = command["execute"], command.get("arguments", {})
        if name == "quit":
            reply({"return": {}})
            return
        if name == "migrate":
            if "fake-blocked" in state:
                reply({"error": {"class": "GenericError", "desc":
                       "State blocked by non-migratable device 'fake-blocked'"}})
                continue
            with open(args["uri"][len("file:"):], "w") as f:
                json.dump(state, f)
            status = {"status": "completed"}
        elif name == "migrate-incoming":
            with open(args["uri"][len("file:"):]) as f:
                stream = json.load(f)
            if "fake-crashy" in stream:
                reply({"return": {}})
                os.abort()
            status = {"status": "completed"}
            for section, version in stream.items():
                if section not in state:
                    status = {"status": "failed", "error-desc":
                              "Unknown section or instance '%s' 0" % section}
                elif version != state[section]:
                    status = {"status": "failed", "error-desc":
                              "unsupported version %d for '%s' v%d"
                              % (version, section, state[section])}
        elif name == "query-migrate":
            reply({"return": status})
            continue
        reply({"return": {}})


def main():
    argv = sys.argv[1:]
    if argv[-2:] == ["-device", "help"]:
        device_help()
    elif argv[-2:] == ["-machine", "help"]:
        machine_help()
    else:
        devices, qmp, incoming, machine = parse(argv)
        serve(qmp, sections(devices, machine))


if __name__ == "__main__":
    main()
