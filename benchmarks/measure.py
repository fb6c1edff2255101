"""Measure how fast the guide verifies and builds, and how heavy and fast its pages are.

    python3 dev.py bench [--repeat N] [--no-write]
    python3 dev.py bench --pages [--repeat N] [--no-write]

`--pages` re-measures the per-page part alone (one clean build for each page's build
time, then each page's transfer and Lighthouse scores) and rewrites, in
benchmarks/RESULTS.md, the table "Per page" and the summary rows drawn from it (the
heaviest pages, the lowest scores), saying when; every other row keeps its last full
measurement. A new page then needs minutes, not the full bench.

Writes benchmarks/RESULTS.md (unless --no-write) with, for this machine:
- the wall time of `python3 dev.py check`, as CI runs it (median of N);
- the median time to run each snippet as the output check does, on in-memory SQLite;
- the clean strict build, overall and per page (median of N);
- the incremental rebuild of `mkdocs serve` after editing a page, and a snippet;
- each page's total transfer and its four Lighthouse scores (mobile, median of N), by
  Lighthouse (npm, benchmarks/node) in Debian's chromium, offline, with the site
  served gzip-compressed as GitHub Pages serves it;
- the peak memory of the test suite and of the build.
Numbers, not verdicts: no test asserts on time.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import sqlalchemy

from tests.outputs import ROOT, reference_url, run_snippet, snippet_modules
from tests.strict import SETTINGS as REQUIRED

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
NODE = ROOT / "benchmarks" / "node"
CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The most a page may make a reader download: chapters, and the heavier notebooks.
TARGETS = {"page": 300 * 1024, "notebook": 400 * 1024}
LIGHTHOUSE_TARGETS = {"page": 95, "notebook": 90}  # performance, out of 100
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
    """Each snippet's run time as the output check runs it: on in-memory SQLite, or on
    the first PostgreSQL server of GUIDE_TEST_URLS for those that need a server."""
    times = {}
    for module in snippet_modules():
        url = reference_url(module)
        run_snippet(module, url)  # warm: imports and mapper configuration
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            run_snippet(module, url)
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

    hook = work / "timing_hook.py"
    hook.write_text(TIMING_HOOK)
    # Beside mkdocs.yml, so that its relative paths mean the same.
    config = ROOT / ".benchmark-mkdocs.yml"
    # INHERIT replaces the list of hooks: repeat the site's own, then add the timer.
    site_hooks = re.search(
        r"^hooks:\n((?:  - .+\n)+)", (ROOT / "mkdocs.yml").read_text(), re.M
    )
    config.write_text(f"INHERIT: mkdocs.yml\nhooks:\n{site_hooks[1]}  - {hook}\n")
    env = {**os.environ, "PAGE_TIMES": str(work / "times.json")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config), "--site-dir", str(work / "site")]
    try:
        runs = [in_child(command, env) for _ in range(repeat)]
    finally:
        config.unlink()
    return runs, json.loads((work / "times.json").read_text())


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: text compressed with gzip."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        compress = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".py")
        if not compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse(site: Path, repeat: int) -> dict[str, dict]:
    """Per page of `site`: its total transfer (bytes) and Lighthouse's scores, the
    median of `repeat` runs (a single run's performance score varies by a few
    points from one run to the next)."""
    if not (NODE / "node_modules").exists():
        subprocess.run(
            ["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=NODE, check=True
        )
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    flags = "--headless=new --no-sandbox --disable-background-networking"
    flags += " --disable-component-update"
    results = {}
    try:
        for html in sorted(site.rglob("index.html")):
            page = html.parent.relative_to(site).as_posix()
            page = "" if page == "." else f"{page}/"
            report = site.parent / "lighthouse.json"
            runs = []
            for _ in range(repeat):
                subprocess.run(
                    [
                        NODE / "node_modules/.bin/lighthouse",
                        f"http://127.0.0.1:{server.server_port}/{page}",
                    ]
                    + [
                        "--output=json",
                        f"--output-path={report}",
                        f"--chrome-path={CHROMIUM}",
                    ]
                    + [f"--chrome-flags={flags}", "--quiet"]
                    + ["--only-categories=" + ",".join(CATEGORIES)],
                    check=True,
                )
                data = json.loads(report.read_text(encoding="utf-8"))
                runs.append(
                    {
                        "transfer": data["audits"]["total-byte-weight"]["numericValue"],
                        **{c: data["categories"][c]["score"] for c in CATEGORIES},
                    }
                )
            results[page or "home"] = {
                key: statistics.median(run[key] for run in runs) for key in runs[0]
            }
    finally:
        server.shutdown()
    return results


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


# The test of benchmarks/RESULTS.md, which fails until this has written it anew.
OF_RESULTS = (
    "tests/test_site.py::test_the_benchmark_results_are_generated_and_cover_the"
    "_current_pages"
)


def suite_memory() -> tuple[float, float]:
    """Peak RSS (MB) of the pytest process itself, and of any process of its tree. The
    suite runs in one process here (the check of benchmarks/RESULTS.md set aside: this
    writes that file)."""
    script = (
        "import resource, sys, pytest;"
        f"code = pytest.main(['-q', '-p', 'no:cacheprovider', '--deselect', {OF_RESULTS!r}]);"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, int(code))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True
    ).stdout
    own, tree, code = out.split("PEAK")[-1].split()
    if code != "0":
        log = ROOT / "test-results" / "bench-suite.log"
        log.parent.mkdir(exist_ok=True)
        log.write_text(out, encoding="utf-8")
        sys.exit(f"the test suite failed (its output: {log}); measure a green tree")
    return float(own), float(tree)


def check_times(repeat: int) -> list[float]:
    """Seconds of each full `python3 dev.py check`, its environment set up, as CI runs
    it: nothing may be skipped."""
    strict = dict.fromkeys(REQUIRED, "1")  # as CI sets them
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(  # less the one test of the file this writes
            [sys.executable, str(ROOT / "dev.py"), "check", "--deselect", OF_RESULTS],
            cwd=ROOT,
            env={**os.environ, **strict},
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        if done.returncode:
            print(done.stdout[-3000:])
            sys.exit("`python3 dev.py check` failed; measure a green tree")
    return times


def cpu() -> str:
    """The processor's name, as Linux reports it."""
    info = Path("/proc/cpuinfo")
    text = info.read_text() if info.exists() else ""
    names = re.findall(r"^model name\s*:\s*(.+)$", text, re.M)
    return names[0] if names else platform.processor()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--pages", action="store_true", help="the per-page part alone")
    args = parser.parse_args()
    if args.pages:
        pages_only(args.repeat, write=not args.no_write)
        return

    own, tree = suite_memory()  # first: a red suite is not worth measuring
    checks = check_times(args.repeat)
    snippets = snippet_times(args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        build_runs, per_page = builds(args.repeat, Path(folder))
        pages = lighthouse(Path(folder) / "site", args.repeat)
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
    text = render(args.repeat, checks, snippets, build_runs, pages, rebuilds)
    text += f"| Peak memory of the test suite | {own:.0f} MB"
    text += f" (with the browser and servers' clients: {tree:.0f} MB) | ≤ 250 MB |\n"
    text += DETAILS.format(**tables(snippets, per_page, pages))
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")


# The rows of the summary table that come from the per-page measurements.
PAGE_ROWS = re.compile(r"^\| (Heaviest|Lowest Lighthouse) .*\n", re.M)
PER_PAGE = re.compile(r"(\| Page \| Build \|.*\n\| ---.*\n)((?:\| .*\n)+)")
PAGES_NOTE = re.compile(r"^The table \"Per page\" and the rows .*\n\n", re.M)


def pages_only(repeat: int, write: bool) -> None:
    """Measure each page again (its build time, transfer and Lighthouse scores) and
    put the results into benchmarks/RESULTS.md in place of the previous ones."""
    with tempfile.TemporaryDirectory() as folder:
        _, per_page = builds(1, Path(folder))
        pages = lighthouse(Path(folder) / "site", repeat)
    old = RESULTS.read_text(encoding="utf-8")
    summary = [
        line + "\n"
        for line in render(repeat, [0], {"-": 0}, [(0, 0)], pages, {}).splitlines()
        if PAGE_ROWS.match(line + "\n")
    ]
    at = PAGE_ROWS.search(old)
    if at is None or PER_PAGE.search(old) is None:
        sys.exit(f"{RESULTS} has no per-page rows: run the full `python3 dev.py bench`")
    text = PAGE_ROWS.sub("", old)
    text = text[: at.start()] + "".join(summary) + text[at.start() :]
    rows = tables({}, per_page, pages)["pages"] + "\n"
    text = PER_PAGE.sub(lambda m: m[1] + rows, text)
    note = (
        f'The table "Per page" and the rows of the heaviest pages and the lowest'
        f" scores were measured again on {datetime.date.today().isoformat()}"
        f" (`python3 dev.py bench --pages`, medians of {repeat} runs); the other rows"
        f" come from the last full `python3 dev.py bench`.\n\n"
    )
    text = PAGES_NOTE.sub("", text).replace("## Per page\n\n", "## Per page\n\n" + note)
    print(text)
    if write:
        RESULTS.write_text(text, encoding="utf-8")


def kind(page: str) -> str:
    return "notebook" if page.startswith("notebooks/") else "page"


def render(repeat, checks, snippets, build_runs, pages, rebuilds) -> str:
    ms = sorted(t * 1000 for t in snippets.values())
    build = statistics.median(t for t, _ in build_runs)
    build_peak = max(p for _, p in build_runs)
    lines = [
        "# Benchmarks",
        "",
        "<!-- Written by `python3 dev.py bench` (benchmarks/measure.py): re-run it,"
        " do not edit. -->",
        "",
        f"Measured on {datetime.date.today().isoformat()}: {platform.system()}"
        f" {platform.machine()}, {os.cpu_count()} cores ({cpu()}),"
        f" Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}."
        f" Times are medians of {repeat} runs. Re-run with `python3 dev.py bench`.",
        "",
        "| Measure | Result | Target |",
        "| --- | --- | --- |",
        f"| `python3 dev.py check`, set up, with the servers, nothing skipped |"
        f" {statistics.median(checks):.0f} s"
        f" (runs: {', '.join(f'{t:.0f}' for t in checks)} s) | ≤ 150 s |",
        f"| Snippet verification, median over {len(ms)} snippets |"
        f" {statistics.median(ms):.1f} ms (slowest {ms[-1]:.1f} ms) | ≤ 15 ms |",
        f"| Clean strict build (notebooks rendered, not run) | {build:.2f} s | ≤ 3 s |",
    ]
    for what, seconds in rebuilds.items():
        lines.append(
            f"| Rebuild of `mkdocs serve` after editing {what} |"
            f" {seconds:.2f} s | ≤ 1 s |"
        )
    for each, label in (("page", "chapter page"), ("notebook", "notebook page")):
        heaviest = max(
            (p for p in pages if kind(p) == each), key=lambda p: pages[p]["transfer"]
        )
        lines.append(
            f"| Heaviest {label}, total transfer | {pages[heaviest]['transfer'] / 1024:.0f}"
            f" KB ({heaviest}) | ≤ {TARGETS[each] // 1024} KB |"
        )
    for each, label in (("page", "chapter pages"), ("notebook", "notebook pages")):
        lowest = min(
            (p for p in pages if kind(p) == each),
            key=lambda p: pages[p]["performance"],
        )
        lines.append(
            f"| Lowest Lighthouse performance (mobile), {label} |"
            f" {pages[lowest]['performance'] * 100:.0f} ({lowest}) |"
            f" ≥ {LIGHTHOUSE_TARGETS[each]} |"
        )
    lines.append(f"| Peak memory of the build | {build_peak:.0f} MB | ≤ 250 MB |")
    return "\n".join(lines) + "\n"


DETAILS = """
The rebuild times run from saving the file to the served page showing the change,
so they include the file watcher's delay. The slowest snippets wait on purpose:
for a `pool_timeout`, a `pool_recycle`, or a child process.

## Per page

Build time is the time MkDocs spends on the page in one clean build. Transfer is
everything the browser downloads to show the page (HTML, CSS, JavaScript, images,
the search index), compressed as GitHub Pages sends it; the scores are Lighthouse's
(mobile, simulated throttling), out of 100, the median of the runs.

| Page | Build | Transfer | Performance | Accessibility | Best practices | SEO |
| --- | --- | --- | --- | --- | --- | --- |
{pages}

## Per snippet

| Snippet | Run time |
| --- | --- |
{snippets}
"""


def tables(snippets, per_page, pages) -> dict[str, str]:
    rows = []
    for page, found in pages.items():
        source = "index.md" if page == "home" else f"{page.rstrip('/')}.md"
        build = per_page.get(source, 0) * 1000
        scores = " | ".join(f"{found[c] * 100:.0f}" for c in CATEGORIES)
        rows.append(
            f"| {page} | {build:.0f} ms | {found['transfer'] / 1024:.0f} KB | {scores} |"
        )
    snippet_rows = [f"| `{m}` | {t * 1000:.2f} ms |" for m, t in snippets.items()]
    return {"pages": "\n".join(rows), "snippets": "\n".join(snippet_rows)}


if __name__ == "__main__":
    main()
