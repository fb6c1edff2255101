"""A pytest plugin for benchmarks/cpu.py: the CPU its cgroup used while each test ran.

Active only when GUIDE_CPU_REPORTS names a folder; writes a JSON list there, one
entry per test (setup, call and teardown together).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

_folder = os.environ.get("GUIDE_CPU_REPORTS")
_entries: list[dict] = []
_started: dict[str, tuple[float, float]] = {}


def _group() -> Path | None:
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "cpuacct" in controllers.split(","):
            for root in ("/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/cpu,cpuacct"):
                if Path(root, "cpuacct.usage").exists():
                    return Path(root + path)
    return None


_cgroup = _group() if _folder else None


def _cpu() -> float:
    return int((_cgroup / "cpuacct.usage").read_text()) / 1e9


def pytest_runtest_logstart(nodeid, location) -> None:
    if _cgroup is not None:
        _started[nodeid] = (_cpu(), time.monotonic())


def pytest_runtest_logfinish(nodeid, location) -> None:
    if _cgroup is None or nodeid not in _started:
        return
    cpu, wall = _started.pop(nodeid)
    path, _, name = nodeid.partition("::")
    _entries.append(
        {
            "part": _cgroup.name,
            "series": os.environ.get("PYTHONPATH", "") and "2.0" or "2.1",
            "file": Path(path).name,
            "function": name.partition("[")[0],
            "nodeid": nodeid,
            "cpu": _cpu() - cpu,
            "wall": time.monotonic() - wall,
        }
    )


def pytest_sessionfinish(session) -> None:
    if _cgroup is not None and _entries:
        out = Path(_folder) / f"{_cgroup.name}-{os.getpid()}.json"
        out.write_text(json.dumps(_entries))
