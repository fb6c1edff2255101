"""Measure how fast the guide verifies and builds, and how heavy its pages are.

    python3 dev.py bench [--repeat N] [--no-write]

Writes docs/benchmarks.md (unless --no-write) with, for this machine:
- the median time to run each snippet as the output check does, on in-memory SQLite;
- the clean strict build, overall and per page (median of N);
- the incremental rebuild of `mkdocs serve` after editing a page, and a snippet;
- each page's weight: HTML plus the CSS and JavaScript it loads, raw and gzipped;
- the peak memory of the test suite and of the build.
Numbers, not verdicts: no test asserts on time.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import sqlalchemy

from tests.outputs import ROOT, run_snippet, snippet_modules

PAGE = ROOT / "docs" / "benchmarks.md"
TIMING_HOOK = """
import json, os, time
spent, started = {}, {}
def start(page):
    started[page.file.src_uri] = time.perf_counter()
def stop(result, page):
    uri = page.file.src_uri
    spent[uri] = spent.get(uri, 0) + time.perf_counter() - started[uri]
    return result
# MkDocs reads and converts every page, then renders every template: two intervals.
def on_pre_page(page, config, files):
    start(page)
    return page
def on_page_content(html, page, config, files):
    return stop(html, page)
def on_page_context(context, page, config, nav):
    start(page)
    return context
def on_post_page(output, page, config):
    return stop(output, page)
def on_post_build(config):
    with open(os.environ["PAGE_TIMES"], "w") as f:
        json.dump(spent, f)
"""


def snippet_times(repeat: int) -> dict[str, float]:
    times = {}
    for module in snippet_modules():
        run_snippet(module)  # warm: imports and mapper configuration
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            run_snippet(module)
            samples.append(time.perf_counter() - start)
        times[module] = statistics.median(samples)
    return times


def in_child(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run `command` in a fresh process: (seconds, peak RSS of its largest process, MB)."""
    script = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "code = subprocess.run(sys.argv[1:], capture_output=True).returncode;"
        "t = time.perf_counter() - t;"
        "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, code)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    if out[2] != "0":
        sys.exit(f"failed: {' '.join(command)}")
    return float(out[0]), float(out[1])


def builds(repeat: int, work: Path) -> tuple[list[tuple[float, float]], dict]:
    """Clean strict builds, and the time of each page in the last one."""
    import json

    hook = work / "timing_hook.py"
    hook.write_text(TIMING_HOOK)
    # Beside mkdocs.yml, so that its relative paths mean the same.
    config = ROOT / ".benchmark-mkdocs.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nhooks:\n  - hooks/snippet_sections.py\n  - {hook}\n"
    )
    env = {**os.environ, "PAGE_TIMES": str(work / "times.json")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config), "--site-dir", str(work / "site")]
    try:
        runs = [in_child(command, env) for _ in range(repeat)]
    finally:
        config.unlink()
    return runs, json.loads((work / "times.json").read_text())


def page_weights(site: Path) -> dict[str, tuple[int, int, int, int]]:
    """Per page: (raw, gzip) bytes of HTML + CSS + JS, without and with Mermaid."""
    weights = {}
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        assets = re.findall(r'<script src="([^"]+)"', text)
        assets += re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        files = [html] + [
            (html.parent / a.split("?")[0]).resolve()
            for a in assets
            if not a.startswith("http")
        ]
        lean = [f for f in files if "mermaid" not in f.name]
        sizes = []
        for group in (lean, files):
            data = [f.read_bytes() for f in group]
            sizes += [sum(map(len, data)), sum(len(gzip.compress(d)) for d in data)]
        weights[str(html.parent.relative_to(site)).replace(".", "home")] = tuple(sizes)
    return weights


def rebuild_time(path: Path, edit: Callable[[str], str], marker: str) -> float:
    """Seconds from editing `path` until `mkdocs serve` serves `marker` on the page."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8765"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    original = path.read_text(encoding="utf-8")
    try:
        url = "http://127.0.0.1:8765/states/"
        wait_for(url, lambda body: "Object states" in body)
        time.sleep(1)  # let the watcher settle
        start = time.perf_counter()
        path.write_text(edit(original), encoding="utf-8")
        wait_for(url, lambda body: marker in body)
        return time.perf_counter() - start
    finally:
        path.write_text(original, encoding="utf-8")
        serve.terminate()
        serve.wait(timeout=10)


def wait_for(url: str, ready, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode()):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} not ready after {limit} s")


def suite_memory() -> tuple[float, float]:
    """Peak RSS (MB) of the pytest process itself, and of any process of its tree."""
    script = (
        "import resource, sys, pytest;"
        "code = pytest.main(['-q', '-p', 'no:cacheprovider']);"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, int(code))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True
    ).stdout
    own, tree, code = out.split("PEAK")[-1].split()
    if code != "0":
        sys.exit("the test suite failed; measure a green tree")
    return float(own), float(tree)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    snippets = snippet_times(args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        build_runs, per_page = builds(args.repeat, Path(folder))
        weights = page_weights(Path(folder) / "site")
    rebuilds = {
        "a page": rebuild_time(
            ROOT / "docs/states.md",
            lambda text: text + "\nrebuild-marker-page\n",
            "rebuild-marker-page",
        ),
        "a snippet": rebuild_time(
            ROOT / "snippets/states/state_of.py",
            lambda text: text.replace(
                "STATES = (", "# rebuild-marker-snippet\nSTATES = ("
            ),
            "rebuild-marker-snippet",
        ),
    }
    own, tree = suite_memory()
    text = render(args.repeat, snippets, build_runs, per_page, weights, rebuilds)
    text += f"| Peak memory of the test suite | {own:.0f} MB"
    text += f" (with the browser and servers' clients: {tree:.0f} MB) | ≤ 250 MB |\n"
    text += DETAILS.format(**tables(snippets, per_page, weights))
    print(text)
    if not args.no_write:
        PAGE.write_text(text, encoding="utf-8")


def render(repeat, snippets, build_runs, per_page, weights, rebuilds) -> str:
    ms = sorted(t * 1000 for t in snippets.values())
    build = statistics.median(t for t, _ in build_runs)
    build_peak = max(p for _, p in build_runs)
    chapters = [w for page, w in weights.items() if page not in ("home", "benchmarks")]
    raw, zipped = max(w[0] for w in chapters), max(w[1] for w in chapters)
    lines = [
        "---",
        "description: How fast the guide verifies and builds, and how heavy its"
        " pages are, measured by benchmarks/measure.py.",
        "---",
        "",
        "# Benchmarks",
        "",
        "<!-- Written by `python3 dev.py bench` (benchmarks/measure.py): re-run it,"
        " do not edit. -->",
        "",
        f"Measured on {datetime.date.today().isoformat()}: {platform.system()}"
        f" {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}."
        f" Times are medians of {repeat} runs. Re-run with `python3 dev.py bench`.",
        "",
        "| Measure | Result | Target |",
        "| --- | --- | --- |",
        f"| Snippet verification, median over {len(ms)} snippets |"
        f" {statistics.median(ms):.1f} ms (slowest {ms[-1]:.1f} ms) | ≤ 15 ms |",
        f"| Clean strict build (no notebooks) | {build:.2f} s | ≤ 3 s |",
    ]
    for what, seconds in rebuilds.items():
        lines.append(
            f"| Rebuild of `mkdocs serve` after editing {what} |"
            f" {seconds:.2f} s | ≤ 1 s |"
        )
    lines += [
        f"| Heaviest chapter page, without Mermaid | {raw / 1024:.0f} KB raw,"
        f" {zipped / 1024:.0f} KB gzip | ≤ 250 KB / 60 KB |",
        f"| Peak memory of the build | {build_peak:.0f} MB | ≤ 250 MB |",
    ]
    return "\n".join(lines) + "\n"


DETAILS = """
The rebuild times run from saving the file to the served page showing the change,
so they include the file watcher's delay. The slowest snippets wait on purpose:
for a `pool_timeout`, a `pool_recycle`, or a child process.

## Per page

Build time is the time MkDocs spends on the page in one clean build; weight is its
HTML plus the CSS and JavaScript it loads (the search index is fetched only when
searching, and is not counted).

| Page | Build | Raw | Gzip | With Mermaid, raw | With Mermaid, gzip |
| --- | --- | --- | --- | --- | --- |
{pages}

## Per snippet

| Snippet | Run time |
| --- | --- |
{snippets}
"""


def tables(snippets, per_page, weights) -> dict[str, str]:
    pages = []
    for page, (raw, zipped, all_raw, all_zipped) in weights.items():
        source = "index.md" if page == "home" else f"{page}.md"
        build = per_page.get(source, 0) * 1000
        pages.append(
            f"| {page} | {build:.0f} ms | {raw / 1024:.0f} KB | {zipped / 1024:.0f} KB"
            f" | {all_raw / 1024:.0f} KB | {all_zipped / 1024:.0f} KB |"
        )
    rows = [f"| `{m}` | {t * 1000:.2f} ms |" for m, t in snippets.items()]
    return {"pages": "\n".join(pages), "snippets": "\n".join(rows)}


if __name__ == "__main__":
    main()
