"""Where the CPU of `python3 dev.py check` goes: per part, and per test.

    python3 benchmarks/cpu.py [pytest arguments]     (as root, on Linux with cgroups)

Runs `dev.py check` as it runs (the same four parts at once, the same build), with
each part and the build in a cgroup of its own, so that the CPU time of every
process it starts is counted (Chromium, Jupyter kernels, the readers'
interpreters, mkdocs), which the resource usage of pytest misses: a grandchild's
time reaches its grandparent only when its parent waited for it. A pytest plugin
(benchmarks/cpu_plugin.py) reads the part's cgroup around each test, so that each
test, its setup (a session fixture's work counts where it first runs) and the
threads running meanwhile are charged with the CPU the part used while it ran.
Prints one table per part and writes test-results/cpu.json. The database servers
are not counted: they serve every check on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402

HIERARCHIES = [Path("/sys/fs/cgroup/cpuacct"), Path("/sys/fs/cgroup/cpu,cpuacct")]
PLUGIN = "benchmarks.cpu_plugin"
REPORTS = ROOT / "test-results" / "cpu"


def hierarchy() -> Path:
    for path in HIERARCHIES:
        if (path / "cpuacct.usage").exists():
            return path
    sys.exit("benchmarks/cpu.py needs cgroup v1's cpuacct (/sys/fs/cgroup/cpuacct)")


def usage(group: Path) -> dict[str, float]:
    """CPU seconds used in `group` so far: user, system."""
    user = int((group / "cpuacct.usage_user").read_text()) / 1e9
    system = int((group / "cpuacct.usage_sys").read_text()) / 1e9
    return {"user": user, "system": system}


def main(extra: list[str]) -> None:
    base = hierarchy() / f"guide-check-{os.getpid()}"
    groups = {part: base / part for part in ("build", *dev.PARTS)}
    for group in groups.values():
        group.mkdir(parents=True)

    def joining(part: str):
        return lambda: (groups[part] / "cgroup.procs").write_text(str(os.getpid()))

    popen = subprocess.Popen

    class Placed(popen):  # each part's process in its cgroup, and all it starts
        def __init__(self, args, *rest, **options):
            words = [str(a) for a in args]
            if "check-part" in words:
                options["preexec_fn"] = joining(words[words.index("check-part") + 1])
            elif any(w.endswith("mkdocs") for w in words[:1]):
                options["preexec_fn"] = joining("build")
            super().__init__(args, *rest, **options)

    subprocess.Popen = Placed
    first = next(iter(dev.PARTS))  # the part dev.py runs in its own process
    joining(first)()
    REPORTS.mkdir(parents=True, exist_ok=True)
    for old in REPORTS.glob("*.json"):
        old.unlink()
    os.environ["GUIDE_CPU_REPORTS"] = str(REPORTS)
    os.environ["PYTEST_ADDOPTS"] = f"-p {PLUGIN} " + os.environ.get(
        "PYTEST_ADDOPTS", ""
    )
    load = Path("/proc/loadavg").read_text().split()[:3]
    started = time.monotonic()
    code = 0
    try:
        dev.ensure_environment()
        dev.check(extra)
    except SystemExit as stop:
        code = stop.code or 0
    wall = time.monotonic() - started
    load_after = Path("/proc/loadavg").read_text().split()[:3]
    (hierarchy() / "cgroup.procs").write_text(str(os.getpid()))
    totals = {part: usage(group) for part, group in groups.items()}
    summary(totals, wall, load, load_after, code)
    for group in [*groups.values(), base]:  # once the last process in it has ended
        for _ in range(100):
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)


def summary(totals, wall, load, load_after, code) -> None:
    tests = []
    for report in REPORTS.glob("*.json"):
        tests += json.loads(report.read_text())
    print(f"\ncheck: exit {code}, wall {wall:.0f} s, load {load} -> {load_after}")
    cpu = sum(t["user"] + t["system"] for t in totals.values())
    print(f"CPU of every process it started: {cpu:.0f} s\n")
    print("| Part | CPU s (user + system) | Wall s of its pytest runs |")
    print("| --- | --- | --- |")
    walls = defaultdict(float)
    for test in tests:
        walls[test["part"]] += test["wall"]
    for part, spent in totals.items():
        print(
            f"| {part} | {spent['user'] + spent['system']:.0f}"
            f" ({spent['user']:.0f} + {spent['system']:.0f}) | {walls.get(part, 0):.0f} |"
        )
    kinds = defaultdict(lambda: [0.0, 0.0, 0])
    for test in tests:
        key = (test["part"], test["series"], test["file"], test["function"])
        kinds[key][0] += test["cpu"]
        kinds[key][1] += test["wall"]
        kinds[key][2] += 1
    print("\n| Part | Series | Test (all its cases) | Cases | CPU s | Wall s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for key, (spent, took, n) in sorted(kinds.items(), key=lambda kv: -kv[1][0])[:45]:
        part, series, file, function = key
        print(
            f"| {part} | {series} | {file}::{function} | {n} | {spent:.1f} | {took:.1f} |"
        )
    (ROOT / "test-results" / "cpu.json").write_text(
        json.dumps(
            {"wall": wall, "load": [load, load_after], "parts": totals}, indent=1
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
