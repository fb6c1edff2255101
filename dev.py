#!/usr/bin/env python3
"""Set up the guide's environment, then serve it, check it or refresh what it generates.

    python3 dev.py serve    the site at http://127.0.0.1:8000, rebuilt on every change
                            (`--port N`: another port; `--no-notebooks`: without the
                            chapter notebooks, ~1 s rebuilds)
    python3 dev.py check    every check: the test suite (with a strict build and a
                            browser) on SQLAlchemy 2.1, then again on SQLAlchemy 2.0
    python3 dev.py update   rewrite the `#>` output lines and the generated includes
    python3 dev.py format   ruff-format all code, then `update` (which restores `#>` lines)
    python3 dev.py build    build the site into site/ (strict), as the Pages deploy does
    python3 dev.py examples the example scripts on the interpreter GUIDE_READER_PYTHON
                            (CI: python3.10), with SQLAlchemy 2.0
    python3 dev.py images   draw the diagrams (assets/diagrams/) and the lifecycle
                            picture again (chromium, and Node.js for Mermaid)
    python3 dev.py bench    measure snippet run times, build time and peak memory
                            (`--pages`: each page's weight and Lighthouse scores alone)
    python3 dev.py bench-pool   measure a checkout from QueuePool against NullPool
    python3 dev.py lock     re-resolve requirements.lock (run it on Python 3.11)

Needs only Python 3.11+ (the examples themselves also run on 3.10, with SQLAlchemy 2.0).
The first run creates .venv and installs the pinned tools; later runs reinstall only
when pyproject.toml or requirements.lock changed. Extra arguments go to the tool
(`python3 dev.py check -k states -x`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PIN_FILES = (ROOT / "pyproject.toml", ROOT / "requirements.lock")
STAMP = VENV / "installed.sha256"
PIP = "pip==26.3"  # the first pip able to install dependency groups is 25.1
SQLALCHEMY_20 = VENV / "sqlalchemy-2.0"  # put first on PYTHONPATH, it shadows 2.1
# Where the checks run what a reader downloads: SQLAlchemy of one series and a Jupyter
# kernel, with or without the drivers, and nothing of this repository
# (tests/readers.py). Series -> its SQLAlchemy group; environment -> its other group.
READERS = {"2.1": "snippets", "2.0": "sqlalchemy-2-0"}
READER_KINDS = {
    "": ["kernel"],
    "-drivers": ["kernel", "reader-drivers"],
    "-alembic": ["kernel", "migrations"],
}
# `dev.py examples`: the scripts alone, on the oldest Python a reader may have.
OLDEST_READERS = VENV / "oldest-python"
# What does not depend on the SQLAlchemy version runs once (and uses no server).
VERSION_INDEPENDENT = [
    "tests/test_browser.py",
    "tests/test_site.py",
    "tests/test_notebooks.py",
    "tests/test_examples.py",
    "tests/test_lint.py",
    "tests/test_workflows.py",
]
IGNORE_PAGES = [f"--ignore={path}" for path in VERSION_INDEPENDENT]
SERIES = ["2.1", "2.0"]  # the SQLAlchemy series
NOTHING_SELECTED = 5  # pytest's exit code when `-k` or a path selects no test


def pins_digest() -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in PIN_FILES)).hexdigest()


def status(*args: object, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env).returncode


def run(*args: object, env: dict[str, str] | None = None) -> None:
    code = status(*args, env=env)
    if code:
        sys.exit(code)


def ensure_environment(lock: bool = False) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (run by any python3)
        sys.exit(f"dev.py needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"dev.py: creating {VENV.relative_to(ROOT)}", flush=True)
        venv.create(VENV, with_pip=True)
    if not lock and STAMP.exists() and STAMP.read_text() == pins_digest():
        return
    print("dev.py: installing the pinned tools", flush=True)
    pip = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, PIP)
    constraints = [] if lock else ["--constraint", "requirements.lock"]
    run(*pip, "--group", "dev", *constraints)
    target = ["--no-deps", "--upgrade", "--target", SQLALCHEMY_20]  # 2.0 beside 2.1
    run(*pip, *target, "--group", "sqlalchemy-2-0")
    if not lock:
        for series, group in READERS.items():
            for suffix, extra in READER_KINDS.items():
                make_reader(VENV / f"reader-{series}{suffix}", group, *extra)
        STAMP.write_text(pins_digest())


def make_reader(reader: Path, *groups: str, python: str = sys.executable) -> None:
    """A fresh environment at `reader`, of the interpreter `python`, with what a
    reader installs: `groups` (installed by the pip of .venv)."""
    run(python, "-m", "venv", "--clear", "--without-pip", reader)
    target = reader / BIN.name / PYTHON.name
    pip = [PYTHON, "-m", "pip", "--python", target, "install", "--quiet"]
    pip += ["--disable-pip-version-check", "--constraint", "requirements.lock"]
    run(*pip, *(f"--group={group}" for group in groups))


def tool(name: str) -> Path:
    return BIN / (f"{name}.exe" if os.name == "nt" else name)


SERVERS = ("postgresql", "mariadb")  # the database servers the tests know
PARTS = {
    **{server: f"the tests on {server}" for server in SERVERS},
    "pages": "the version-independent tests",
    "local": "the other tests that use no server",
}


def stop_all_on_signal() -> None:
    """Make this process lead a process group of its own (unless it already does, as
    under a shell's job control), so that SIGINT or SIGTERM to it alone stops every
    process it started (test processes, the build, browsers, kernels), not only
    itself."""
    if os.name != "posix":
        return
    if os.getpgrp() != os.getpid():
        os.setpgrp()

    def stop(signum, frame) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # what follows reaches us too
        os.killpg(0, signal.SIGTERM)
        sys.exit(128 + signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)


def check(extra: list[str]) -> None:
    """Four processes at once, one per kind of work, so that both cores stay busy
    while the server tests wait on their servers, and no two processes share a
    database: one per server, running that server's tests on SQLAlchemy 2.1 and then
    2.0; one for the tests that do not depend on SQLAlchemy's version (the site, the
    browser, lint); one for the other tests that touch no server (the downloads and
    examples on SQLite), on each series. They share one strict build of the site,
    made meanwhile: the tests that need it wait for it. PostgreSQL's output shows as
    it runs, the others' at the end."""
    stop_all_on_signal()
    # Bytecode caches let each of the check's Python processes (seven pytest runs, the
    # builds, the tests' interpreters) skip compiling the repository's modules again,
    # and pytest skip rewriting the asserts of every test module again: about 1.4 s
    # of CPU a pytest run. Python checks each cache against its source's time and
    # size; __pycache__/ is ignored by git.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    results = ROOT / "test-results"
    results.mkdir(exist_ok=True)
    if not extra:  # a full run: its results feed the page "How this guide is verified"
        os.environ["GUIDE_RECORD_RESULTS"] = "1"
        for old in results.glob("verification-*.json"):
            old.unlink()
    site = results / "site"
    building = threading.Thread(target=build_site, args=(site,))
    building.start()
    os.environ["GUIDE_SITE"] = str(site)  # the tests that need it wait for it
    first, *others = PARTS
    running = {part: start(part, extra) for part in others}
    codes = [part_code(first, extra)]
    building.join()
    for part, (process, log) in running.items():
        codes.append(process.wait())
        print(f"dev.py: {PARTS[part]}, run alongside ({log.relative_to(ROOT)}):")
        print(log.read_text(encoding="utf-8"), flush=True)
    code = overall(codes)
    if not code and not extra:  # a full run: did every proof link's test pass in it?
        code = status(PYTHON, "-m", "tests.proofs_ran")
    if code:
        sys.exit(code)


def build_site(site: Path) -> None:
    """The strict build that the tests check, made while they start: it appears at
    `site` when complete, or `site`.failed holds why it failed (tests/conftest.py)."""
    failed = site.with_suffix(".failed")
    partial = site.with_suffix(".building")
    for old in (site, partial):
        shutil.rmtree(old, ignore_errors=True)
    failed.unlink(missing_ok=True)
    print("dev.py: building the site that the tests check", flush=True)
    done = strict_build(ROOT / "mkdocs.yml", partial)
    if done.returncode:
        failed.write_text(done.stderr, encoding="utf-8")
        print(f"dev.py: the build failed:\n{done.stderr}", flush=True)
    else:
        partial.rename(site)


def strict_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `config` into `site`, its output captured. Never
    with `--quiet`: it hides the warnings that strict mode counts, and the build
    then passes with broken links and anchors."""
    return subprocess.run(
        [tool("mkdocs"), "build", "--strict", "--config-file", config]
        + ["--site-dir", site],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def start(part: str, extra: list[str]) -> tuple[subprocess.Popen, Path]:
    """A process of `check` running `part`, its output going to a log."""
    log = ROOT / "test-results" / f"{part}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(PYTHON), str(ROOT / "dev.py"), "check-part", part, *extra],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return process, log


def part_code(part: str, extra: list[str]) -> int:
    """Run one part of `check`: `pages`, the tests that do not depend on
    SQLAlchemy's version, once; `local`, the others that use no server, and a
    server's tests (GUIDE_SERVER, tests/conftest.py), on each series."""
    if part in SERVERS:
        os.environ["GUIDE_SERVER"] = part
    elif hasattr(os, "nice"):  # busy the cores; the server tests mostly wait on replies
        os.nice(10)
    if part == "pages":
        return pytest_on(SERIES[0], "-m", "not server", *VERSION_INDEPENDENT, *extra)
    marks = "server" if part in SERVERS else "not server"
    codes = [pytest_on(series, "-m", marks, *IGNORE_PAGES, *extra) for series in SERIES]
    return overall(codes)


def pytest_on(series: str, *args: str) -> int:
    """Run pytest on SQLAlchemy `series` ("2.1" or "2.0"); its exit code."""
    env = {**os.environ}
    if series == "2.0":
        env["PYTHONPATH"] = str(SQLALCHEMY_20)
    print(f"dev.py: pytest {' '.join(args)} on SQLAlchemy {series}", flush=True)
    return status(PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *args, env=env)


def overall(codes: list[int]) -> int:
    """One exit code for several pytest runs: a failure, or nothing selected in any;
    a run in which `-k` selected nothing is fine when another ran something."""
    failed = [code for code in codes if code not in (0, NOTHING_SELECTED)]
    if failed:
        return failed[0]
    return NOTHING_SELECTED if set(codes) == {NOTHING_SELECTED} else 0


def serve(extra: list[str]) -> None:
    """`mkdocs serve` in place of this process, so that stopping one stops the other."""
    if "--no-notebooks" in extra:
        extra.remove("--no-notebooks")
        os.environ["GUIDE_NOTEBOOKS"] = "0"
    port = 8000
    if "--port" in extra:
        at = extra.index("--port")
        port = int(extra[at + 1])
        del extra[at : at + 2]
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(
                f"dev.py: port {port} is in use; serve on another one with "
                f"`python3 dev.py serve --port {port + 1}`"
            )
    mkdocs = str(tool("mkdocs"))
    os.execv(mkdocs, [mkdocs, "serve", "--dev-addr", f"127.0.0.1:{port}", *extra])


def examples(extra: list[str]) -> None:
    """The example scripts, downloaded from a build of the site, run by the
    interpreter GUIDE_READER_PYTHON (a reader's Python 3.10, which the tools no
    longer run on) with SQLAlchemy 2.0: tests/test_downloads.py without the
    notebooks, which need a Jupyter kernel of the tools' age."""
    python = os.environ.get("GUIDE_READER_PYTHON")
    if not python:
        sys.exit("dev.py examples: set GUIDE_READER_PYTHON to a reader's interpreter")
    for suffix, extra_groups in READER_KINDS.items():
        reader = OLDEST_READERS / f"reader-2.0{suffix}"
        groups = [group for group in extra_groups if group != "kernel"]
        make_reader(reader, "sqlalchemy-2-0", *groups, python=python)
    os.environ["GUIDE_READERS"] = str(OLDEST_READERS)
    tests = ["tests/test_downloads.py", "-k", "not notebook", *extra]
    sys.exit(pytest_on("2.0", *tests))


def lock() -> None:
    ensure_environment(lock=True)
    frozen = subprocess.run(
        [PYTHON, "-m", "pip", "freeze", "--exclude-editable"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pins = [line for line in frozen.splitlines() if not line.startswith("SQLAlchemy")]
    header = (
        "# Every installed version, resolved by `python3 dev.py lock` on the oldest\n"
        "# supported Python (3.11). SQLAlchemy is pinned in pyproject.toml alone.\n"
    )
    (ROOT / "requirements.lock").write_text(header + "\n".join(pins) + "\n")
    STAMP.write_text(pins_digest())


def format_code() -> None:
    folders = ("snippets", "tests", "hooks", "benchmarks")
    code = sorted(str(p) for folder in folders for p in (ROOT / folder).rglob("*.py"))
    run(PYTHON, "-m", "ruff", "format", "dev.py", *code)  # named files: no exclusion
    run(PYTHON, "-m", "tests.update")


def main(argv: list[str]) -> None:
    # Material's end-of-life notice (May 2027) is known: see CONTRIBUTING.md.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    command, extra = (argv[0], argv[1:]) if argv else ("help", [])
    modules = {"update": "tests.update", "bench": "benchmarks.measure"}
    modules["bench-pool"] = "benchmarks.pool_checkout"
    modules["images"] = "tests.images"
    if command == "lock":
        lock()
        return
    if command == "check-part":  # a process of `check`
        sys.exit(part_code(extra[0], extra[1:]))
    if command not in ("serve", "check", "build", "format", "examples", *modules):
        print(__doc__)
        sys.exit(0 if command in ("help", "-h", "--help") else 2)
    ensure_environment()
    if command == "serve":
        serve(extra)
    elif command == "build":
        run(tool("mkdocs"), "build", "--strict", *extra)
    elif command == "check":
        check(extra)
    elif command == "format":
        format_code()
    elif command == "examples":
        examples(extra)
    else:
        run(PYTHON, "-m", modules[command], *extra)


if __name__ == "__main__":
    main(sys.argv[1:])
