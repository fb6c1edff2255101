"""Measure how fast the guide verifies and builds, and how much memory that takes.

    python3 dev.py bench [--repeat N]

Reports, for this machine: the median time to run each snippet (in process, on
in-memory SQLite, as the output check does); the clean strict build, median of N;
and the peak memory (RSS) of a clean build and of the whole test suite, each in a
child process of its own. Numbers, not verdicts: no test asserts on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

from tests.outputs import ROOT, run_snippet, snippet_modules


def child_peak_mb(command: list[str]) -> tuple[float, float]:
    """Run `command` in a fresh process: (seconds, its peak RSS in MB)."""
    script = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "code = subprocess.run(sys.argv[1:], capture_output=True).returncode;"
        "t = time.perf_counter() - t;"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024;"
        "print(t, peak, code)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if out[2] != "0":
        sys.exit(f"failed: {' '.join(command)}")
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )

    print("\nsnippet run time, median of", repeat)
    times = []
    for module in snippet_modules():
        run_snippet(module)  # warm: imports and mapper configuration
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            run_snippet(module)
            samples.append(time.perf_counter() - start)
        times.append(statistics.median(samples))
        print(f"  {module:40} {times[-1] * 1000:7.2f} ms")
    print(f"  {'median over snippets':40} {statistics.median(times) * 1000:7.2f} ms")

    with tempfile.TemporaryDirectory() as site:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        build += ["--site-dir", site]
        runs = [child_peak_mb(build) for _ in range(repeat)]
    seconds = statistics.median(t for t, _ in runs)
    print(
        f"\nclean strict build: {seconds:.2f} s median, "
        f"peak RSS {max(p for _, p in runs):.0f} MB"
    )

    suite = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    seconds, peak = child_peak_mb(suite)
    count = len(snippet_modules())
    print(
        f"test suite: {seconds:.1f} s for {count} snippets "
        f"({seconds / count * 1000:.0f} ms per snippet, all checks included), "
        f"peak RSS {peak:.0f} MB"
    )
    print("(peak RSS: the largest single process of the tree, browser included)")


if __name__ == "__main__":
    main()
