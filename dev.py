#!/usr/bin/env python3
"""Set up the guide's environment, then serve it, check it or refresh what it generates.

    python3 dev.py serve    the site at http://127.0.0.1:8000, rebuilt on every change
                            (`--no-notebooks`: without the chapter notebooks, ~1 s rebuilds)
    python3 dev.py check    every check: the test suite (with a strict build and a
                            browser) on SQLAlchemy 2.1, then again on SQLAlchemy 2.0
    python3 dev.py update   rewrite the `#>` output lines and the generated includes
    python3 dev.py format   ruff-format all code, then `update` (which restores `#>` lines)
    python3 dev.py build    build the site into site/ (strict), running the notebooks,
                            as the Pages deploy does (needs the database servers)
    python3 dev.py images   draw assets/images/session_lifecycle.png again (chromium)
    python3 dev.py bench    measure snippet run times, build time and peak memory
    python3 dev.py bench-pool   measure a checkout from QueuePool against NullPool
    python3 dev.py lock     re-resolve requirements.lock (run it on Python 3.10)

Needs only Python 3.10+ (SQLAlchemy 2.1 needs 3.11+; on 3.10 everything runs on 2.0).
The first run creates .venv and installs the pinned tools; later runs reinstall only
when pyproject.toml or requirements.lock changed. Extra arguments go to the tool
(`python3 dev.py check -k states -x`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
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
HAS_SQLALCHEMY_21 = sys.version_info >= (3, 11)
# What does not depend on the SQLAlchemy version runs once.
VERSION_INDEPENDENT = [
    "tests/test_browser.py",
    "tests/test_site.py",
    "tests/test_notebooks.py",
    "tests/test_lint.py",
]


def pins_digest() -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in PIN_FILES)).hexdigest()


def run(*args: object, env: dict[str, str] | None = None) -> None:
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if completed.returncode:
        sys.exit(completed.returncode)


def ensure_environment(lock: bool = False) -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 (run by any python3)
        sys.exit(f"dev.py needs Python 3.10 or newer; this is {sys.version.split()[0]}")
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
    if HAS_SQLALCHEMY_21:  # 2.0 beside it; on Python 3.10, 2.0 is the main one
        target = ["--no-deps", "--upgrade", "--target", SQLALCHEMY_20]
        run(*pip, *target, "--group", "sqlalchemy-2-0")
    if not lock:
        STAMP.write_text(pins_digest())


def tool(name: str) -> Path:
    return BIN / (f"{name}.exe" if os.name == "nt" else name)


def check(extra: list[str]) -> None:
    if not extra:  # a full run: its results feed the page "How this guide is verified"
        os.environ["GUIDE_RECORD_RESULTS"] = "1"
        for old in (ROOT / "test-results").glob("verification-*.json"):
            old.unlink()
    run(PYTHON, "-m", "pytest", *extra)
    if not HAS_SQLALCHEMY_21:
        print("dev.py: SQLAlchemy 2.1 needs Python 3.11+; this run checked 2.0 only")
        return
    print("dev.py: the SQLAlchemy-dependent tests again, on SQLAlchemy 2.0", flush=True)
    ignore = [f"--ignore={path}" for path in VERSION_INDEPENDENT]
    env = {**os.environ, "PYTHONPATH": str(SQLALCHEMY_20)}
    run(PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *ignore, *extra, env=env)


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
        "# supported Python (3.10). SQLAlchemy is pinned in pyproject.toml alone.\n"
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
    if command not in ("serve", "check", "build", "format", *modules):
        print(__doc__)
        sys.exit(0 if command in ("help", "-h", "--help") else 2)
    ensure_environment()
    if command == "serve":
        if "--no-notebooks" in extra:
            extra.remove("--no-notebooks")
            os.environ["GUIDE_NOTEBOOKS"] = "0"
        run(tool("mkdocs"), "serve", "--dev-addr", "127.0.0.1:8000", *extra)
    elif command == "build":
        os.environ["GUIDE_EXECUTE_NOTEBOOKS"] = "true"
        run(tool("mkdocs"), "build", "--strict", *extra)
    elif command == "check":
        check(extra)
    elif command == "format":
        format_code()
    else:
        run(PYTHON, "-m", modules[command], *extra)


if __name__ == "__main__":
    main(sys.argv[1:])
