#!/usr/bin/env python3
"""Real migrations of every user-creatable device type between two QEMU builds.

For each device type and machine type, start the device alone (with the bus
or backend it needs) on one build, save the paused VM to a file with QMP
`migrate`, load the file into the other build (`-incoming defer`,
`migrate-incoming`), and record what happened; both directions.

Standard library only.  Usage:

    migration-proof.py --older BUILD_A --newer BUILD_B -o results.json

See README.md next to this script.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

# The machine types to test, per binary: versioned ones both releases have.
DEFAULT_MACHINES = {
    "qemu-system-x86_64": ["pc-q35-10.2", "pc-i440fx-10.2"],
    "qemu-system-aarch64": ["virt-10.2"],
}

# Extra arguments per binary, so that both builds run the same guest: a fixed
# CPU model (-cpu max differs between releases by design).
BINARY_ARGS = {
    "qemu-system-x86_64": ["-cpu", "qemu64"],
    "qemu-system-aarch64": ["-cpu", "cortex-a57"],
}

START_TIMEOUT = 20.0
MIGRATE_TIMEOUT = 90.0
QMP_TIMEOUT = 20.0

# Backends a device may need, tried after the device alone: each is
# (label, extra command-line arguments, properties for -device).
BACKENDS = [
    ("alone", [], ""),
    ("drive", ["-blockdev", "null-co,node-name=proofdrive,size=67108864"],
     ",drive=proofdrive"),
    ("chardev", ["-chardev", "null,id=proofchr"], ",chardev=proofchr"),
    ("audiodev", ["-audiodev", "none,id=proofsnd"], ",audiodev=proofsnd"),
    ("memdev", ["-object", "memory-backend-ram,id=proofmem,size=64M",
                "-m", "128M,slots=2,maxmem=1G"], ",memdev=proofmem"),
    ("netdev", ["-netdev", "user,id=proofnet"], ",netdev=proofnet"),
    ("chassis", [], ",chassis_nr=1"),
    ("serial", [], ",serial=proof1"),
    ("bmc", ["-device", "ipmi-bmc-sim,id=proofbmc"], ",bmc=proofbmc"),
]

# Controllers that provide a bus, by the bus name `-device help` prints.
BUS_PROVIDERS = {
    "usb-bus": [["-device", "qemu-xhci,id=proofusb"]],
    "SCSI": [["-device", "virtio-scsi-pci,id=proofscsi"]],
    "virtio-serial-bus": [["-device", "virtio-serial-pci,id=proofvser"]],
    "HDA": [["-device", "intel-hda,id=proofhda"]],
    "ccid-bus": [["-device", "qemu-xhci,id=proofusb",
                  "-device", "usb-ccid,id=proofccid"]],
    "IDE": [[], ["-device", "ich9-ahci,id=proofahci"]],
    "i2c-bus": [[], ["-device", "ich9-smbus"]],
    "isa-bus": [[], ["-device", "i82378"]],
    "sd-bus": [["-device", "sdhci-pci"]],
    "nvme-bus": [["-device", "nvme,serial=proof1"]],
    "floppy-bus": [["-device", "isa-fdc"]],
    "PCI": [[]],
    "PCIE": [[], ["-device", "pcie-root-port,id=proofport,chassis=1"]],
}


class QMPError(Exception):
    pass


class QMP:
    """A QMP client on a unix socket: commands and their answers, events skipped."""

    def __init__(self, path, proc, timeout):
        deadline = time.monotonic() + timeout
        self.sock = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise QMPError("QEMU exited before QMP was up")
            try:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.connect(path)
                self.sock = sock
                break
            except OSError:
                sock.close()
                time.sleep(0.05)
        if self.sock is None:
            raise QMPError("QMP socket not up after %.0f s" % timeout)
        self.sock.settimeout(QMP_TIMEOUT)
        self.buf = b""
        self.read_message()  # greeting
        self.command("qmp_capabilities")

    def read_message(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise QMPError("QMP connection closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, **arguments):
        message = {"execute": name}
        if arguments:
            message["arguments"] = arguments
        self.sock.sendall(json.dumps(message).encode() + b"\n")
        while True:
            answer = self.read_message()
            if "return" in answer:
                return answer["return"]
            if "error" in answer:
                raise QMPError(answer["error"].get("desc", str(answer["error"])))

    def close(self):
        self.sock.close()


class Build:
    def __init__(self, directory):
        self.dir = os.path.abspath(directory)
        self.name = os.path.basename(self.dir.rstrip("/"))

    def binary(self, program):
        return os.path.join(self.dir, program)


class Instance:
    """One QEMU process with QMP on a unix socket, its stderr in a file."""

    def __init__(self, build, program, args, workdir, label):
        self.qmp_path = os.path.join(workdir, label + ".qmp")
        self.stderr_path = os.path.join(workdir, label + ".err")
        command = ([build.binary(program)] + args +
                   ["-qmp", "unix:%s,server=on,wait=off" % self.qmp_path])
        self.command = command
        self.stderr = open(self.stderr_path, "w")
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=self.stderr,
                                     start_new_session=True)
        self.qmp = None

    def connect(self):
        try:
            self.qmp = QMP(self.qmp_path, self.proc, START_TIMEOUT)
        except (OSError, ValueError) as e:  # quit or hung in the handshake
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            raise QMPError("QMP handshake: %s" % e)

    def stderr_text(self):
        with open(self.stderr_path) as f:
            return f.read().strip()

    def stop(self):
        """Quit through QMP, else kill; safe to call twice."""
        if self.stderr.closed:
            return
        if self.qmp is not None:
            try:
                self.qmp.command("quit")
            except (QMPError, OSError, ValueError):
                pass
            self.qmp.close()
            self.qmp = None
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


def device_types(build, program):
    """User-creatable device types and their bus, from `-device help`.

    CPU types are left out: a hot-plugged CPU needs its socket and core, and
    the machine's own CPU is in every migration (the baseline)."""
    out = subprocess.run([build.binary(program),
                          "-machine", "none", "-device", "help"],
                         capture_output=True, text=True, timeout=60).stdout
    types = {}
    category = ""
    for line in out.splitlines():
        match = re.match(r'name "([^"]+)"(?:, bus ([^,]+))?', line)
        if match is None:
            category = line.strip() or category
        elif category != "CPU devices:":
            types[match.group(1)] = match.group(2) or ""
    return types


def base_args(program, machine, board_cpu=False):
    """The command line of every run; BOARD_CPU keeps the machine's own CPU
    (a board's CPU is part of the board) and gives the board's own sound
    hardware a silent backend."""
    return (["-machine", machine, "-nodefaults", "-display", "none", "-S",
             "-accel", "tcg"] +
            (["-audio", "none"] if board_cpu  # boards with built-in sound
             else BINARY_ARGS.get(program, [])))


def machine_types(build, program):
    """Machine types from `-machine help`, less aliases (`pc`, `q35`,
    `virt` name another type in each release) and `none`."""
    out = subprocess.run([build.binary(program), "-machine", "help"],
                         capture_output=True, text=True, timeout=60).stdout
    return {line.split()[0] for line in out.splitlines()[1:]
            if line.strip() and "(alias of" not in line
            and line.split()[0] != "none"}


def recipes(device, bus):
    """Command lines to try, in order: the device alone first."""
    providers = BUS_PROVIDERS.get(bus, [[]])
    for provider in providers:
        for label, extra, props in BACKENDS:
            name = label if not provider else "%s+%s" % (
                " ".join(a for a in provider if a != "-device"), label)
            yield name, provider + extra + ["-device", device + props]


def wait_migration(instance, timeout):
    """Poll query-migrate until completed or failed; (status, error)."""
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        if instance.proc.poll() is not None:
            return "exited", "QEMU exited (status %d)" % instance.proc.returncode
        try:
            info = instance.qmp.command("query-migrate")
        except (QMPError, OSError, ValueError) as e:
            try:
                status = instance.proc.wait(timeout=5)
                return "exited", "QEMU exited (status %d)" % status
            except subprocess.TimeoutExpired:
                return "exited", "QMP: %s" % e
        status = info.get("status")
        if status in ("completed", "failed", "cancelled"):
            return status, info.get("error-desc", "")
        time.sleep(0.05)
    return "timeout", "no completion after %.0f s (status %s)" % (timeout, status)


def stderr_summary(text, limit=1200):
    """The error lines of a QEMU stderr, without the usual noise."""
    lines = [l for l in text.splitlines() if l.strip()]
    return "\n".join(lines)[-limit:]


def save(build, program, args, workdir, label, stream):
    """Start the source and migrate it to the file; (ok, why, instance args)."""
    source = Instance(build, program, args, workdir, label)
    try:
        try:
            source.connect()
        except QMPError as e:
            source.stop()
            return "start-failed", stderr_summary(source.stderr_text()) or str(e)
        try:
            source.qmp.command("migrate", uri="file:" + stream)
        except QMPError as e:
            return "save-refused", str(e)
        status, error = wait_migration(source, MIGRATE_TIMEOUT)
        if status != "completed":
            return "save-failed", "%s: %s %s" % (
                status, error, stderr_summary(source.stderr_text()))
        return "saved", ""
    finally:
        source.stop()


def load(build, program, args, workdir, label, stream):
    """Start the destination and load the file; (result, error)."""
    dest = Instance(build, program, args + ["-incoming", "defer"], workdir, label)
    try:
        try:
            dest.connect()
        except QMPError as e:
            dest.stop()
            return "dest-start-failed", stderr_summary(dest.stderr_text()) or str(e)
        try:
            dest.qmp.command("migrate-incoming", uri="file:" + stream,
                             **{"exit-on-error": False})
        except QMPError as e:
            return "load-refused", str(e)
        status, error = wait_migration(dest, MIGRATE_TIMEOUT)
        if status == "completed":
            return "ok", ""
        return "fail", "%s: %s\n%s" % (status, error,
                                       stderr_summary(dest.stderr_text()))
    finally:
        dest.stop()


def migrate(source, dest, program, args, workdir, label):
    stream = os.path.join(workdir, label + ".stream")
    result, why = save(source, program, args, workdir, label + "-src", stream)
    if result != "saved":
        return {"result": result, "error": why}
    result, error = load(dest, program, args, workdir, label + "-dst", stream)
    os.unlink(stream)
    return {"result": result, "error": error}


def start_error(build, program, args, workdir, label):
    """Whether the device starts with these arguments: None, or why not."""
    instance = Instance(build, program, args, workdir, label)
    try:
        instance.connect()
        instance.qmp.command("query-status")
        return None
    except QMPError as e:
        instance.stop()
        return stderr_summary(instance.stderr_text()) or str(e)
    finally:
        instance.stop()


def run_one(older, newer, program, machine, device, bus, topdir):
    """Both directions for one device type on one machine type."""
    workdir = tempfile.mkdtemp(prefix="m", dir=topdir)
    record = {"program": program, "machine": machine, "device": device,
              "bus": bus}
    try:
        errors = []
        for name, extra in recipes(device, bus):
            args = base_args(program, machine) + extra
            error = start_error(older, program, args, workdir, "probe")
            if error is None:
                record["recipe"] = name
                record["args"] = extra
                record["forward"] = migrate(older, newer, program, args,
                                            workdir, "fwd")
                record["backward"] = migrate(newer, older, program, args,
                                             workdir, "bwd")
                if any(record[d]["result"] not in ("ok", "save-refused")
                       for d in ("forward", "backward")):
                    record["control"] = {
                        "older": migrate(older, older, program, args,
                                         workdir, "old"),
                        "newer": migrate(newer, newer, program, args,
                                         workdir, "new")}
                return record
            errors.append("%s: %s" % (name, error.splitlines()[-1]))
        record["cannot_start"] = errors
        return record
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def baseline(older, newer, program, machine, topdir, board_cpu=False):
    """The machine with no device, both directions (and within each release
    when that fails)."""
    workdir = tempfile.mkdtemp(prefix="b", dir=topdir)
    try:
        args = base_args(program, machine, board_cpu)
        record = {"forward": migrate(older, newer, program, args, workdir, "fwd"),
                  "backward": migrate(newer, older, program, args, workdir, "bwd")}
        if any(record[d]["result"] not in ("ok", "save-refused")
               for d in ("forward", "backward")):
            record["control"] = {
                "older": migrate(older, older, program, args, workdir, "old"),
                "newer": migrate(newer, newer, program, args, workdir, "new")}
        return record
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_boards(older, newer, program, jobs, topdir):
    """Every machine type both builds have, with no device and its own CPU:
    the state of the boards' built-in devices, which -device cannot reach."""
    machines = sorted(machine_types(older, program) & machine_types(newer, program))
    print("%s: %d machine types" % (program, len(machines)),
          file=sys.stderr, flush=True)
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {m: pool.submit(baseline, older, newer, program, m, topdir,
                                  True) for m in machines}
        records = {m: f.result() for m, f in futures.items()}
    for machine, record in records.items():
        for direction in ("forward", "backward"):
            if record[direction]["result"] != "ok":
                print("  %s %s: %s: %s" % (
                    machine, direction, record[direction]["result"],
                    record[direction]["error"].replace("\n", " | ")[:300]),
                    file=sys.stderr, flush=True)
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--older", required=True, help="older QEMU build directory")
    parser.add_argument("--newer", required=True, help="newer QEMU build directory")
    parser.add_argument("-o", "--output", required=True, help="results (JSON)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--program", action="append",
                        help="qemu-system-* to test (default: x86_64 and aarch64)")
    parser.add_argument("--machine", action="append",
                        help="machine type (default: the versioned ones of each program)")
    parser.add_argument("--device", action="append",
                        help="only these device types (default: all user-creatable)")
    parser.add_argument("--boards", action="store_true",
                        help="also every machine type both builds have, with no device")
    parser.add_argument("--no-devices", action="store_true",
                        help="skip the device types (with --boards)")
    options = parser.parse_args()

    older, newer = Build(options.older), Build(options.newer)
    programs = options.program or list(DEFAULT_MACHINES)
    for build in (older, newer):
        for program in programs:
            if not os.access(build.binary(program), os.X_OK):
                sys.exit("migration-proof: %s: no executable %s" % (build.dir, program))

    topdir = tempfile.mkdtemp(prefix="migration-proof.")
    results = {"older": older.dir, "newer": newer.dir, "programs": {}}
    started = time.monotonic()
    try:
        for program in programs:
            old_types = device_types(older, program)
            new_types = device_types(newer, program)
            machines = options.machine or DEFAULT_MACHINES.get(program, [])
            wanted = sorted(set(old_types) & set(new_types))
            if options.device:
                wanted = [d for d in wanted if d in options.device]
            entry = {"device_types_older": len(old_types),
                     "device_types_newer": len(new_types),
                     "only_older": sorted(set(old_types) - set(new_types)),
                     "only_newer": sorted(set(new_types) - set(old_types)),
                     "machines": {}}
            results["programs"][program] = entry
            if options.boards:
                entry["boards"] = run_boards(older, newer, program,
                                             options.jobs, topdir)
            if options.no_devices:
                continue
            for machine in machines:
                print("%s %s: %d device types" % (program, machine, len(wanted)),
                      file=sys.stderr, flush=True)
                base = baseline(older, newer, program, machine, topdir)
                with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
                    futures = [pool.submit(run_one, older, newer, program, machine,
                                           d, old_types[d], topdir) for d in wanted]
                    records = [f.result() for f in futures]
                entry["machines"][machine] = {"baseline": base, "devices": records}
                print_summary(program, machine, base, records)
    finally:
        shutil.rmtree(topdir, ignore_errors=True)
    results["seconds"] = round(time.monotonic() - started)
    with open(options.output, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")


def print_summary(program, machine, base, records):
    started = [r for r in records if "cannot_start" not in r]
    def count(direction, result):
        return sum(1 for r in started if r[direction]["result"] == result)
    print("%s %s: baseline forward %s, backward %s; %d started alone, %d cannot; "
          "forward ok %d, backward ok %d" % (
              program, machine, base["forward"]["result"],
              base["backward"]["result"], len(started),
              len(records) - len(started), count("forward", "ok"),
              count("backward", "ok")), file=sys.stderr, flush=True)
    for r in started:
        control = r.get("control")
        within = control and any(control[b]["result"] != "ok" for b in control)
        for direction in ("forward", "backward"):
            if r[direction]["result"] != "ok":
                print("  %s %s: %s%s: %s" % (
                    r["device"], direction, r[direction]["result"],
                    " (fails within a release too)" if within else "",
                    r[direction]["error"].replace("\n", " | ")[:300]),
                    file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
