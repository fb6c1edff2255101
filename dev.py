#!/usr/bin/env python3
"""Set up the guide's environment, then serve it, check it or refresh what it generates.

    python3 dev.py serve    the site at http://127.0.0.1:8000, rebuilt on every change
    python3 dev.py check    every check: the test suite (with a strict build and a
                            browser) on SQLAlchemy 2.1, then again on SQLAlchemy 2.0
    python3 dev.py update   rewrite the `#>` output lines and the generated includes
    python3 dev.py format   ruff-format all code, then `update` (which restores `#>` lines)
    python3 dev.py build    build the site into site/ (strict), as the Pages deploy does
    python3 dev.py bench    measure snippet run times, build time and peak memory
    python3 dev.py bench-pool   measure a checkout from QueuePool against NullPool
    python3 dev.py lock     re-resolve requirements.lock from the pins in pyproject.toml

Needs only Python 3.10+. The first run creates .venv and installs the pinned tools; later
runs reinstall only when pyproject.toml or requirements.lock changed. Extra arguments go
to the tool (`python3 dev.py check -k states -x`).
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
SQLALCHEMY_20 = VENV / "sqlalchemy-2.0"  # put first on PYTHONPATH, it shadows 2.1
# What does not depend on the SQLAlchemy version runs once, on 2.1.
VERSION_INDEPENDENT = [
    "tests/test_browser.py",
    "tests/test_site.py",
    "tests/test_lint.py",
]
PIP = "pip==26.3"  # the first pip able to install dependency groups is 25.1


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
    run(
        *pip,
        "--no-deps",
        "--upgrade",
        "--target",
        SQLALCHEMY_20,
        "--group",
        "sqlalchemy-2-0",
    )
    if not lock:
        STAMP.write_text(pins_digest())


def tool(name: str) -> Path:
    return BIN / (f"{name}.exe" if os.name == "nt" else name)


def main(argv: list[str]) -> None:
    # Material's end-of-life notice (May 2027) is known: see CONTRIBUTING.md.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    command, extra = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "serve":
        ensure_environment()
        run(tool("mkdocs"), "serve", "--dev-addr", "127.0.0.1:8000", *extra)
    elif command == "check":
        ensure_environment()
        run(PYTHON, "-m", "pytest", *extra)
        print(
            "dev.py: the SQLAlchemy-dependent tests again, on SQLAlchemy 2.0",
            flush=True,
        )
        ignore = [f"--ignore={path}" for path in VERSION_INDEPENDENT]
        env = {**os.environ, "PYTHONPATH": str(SQLALCHEMY_20)}
        run(PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *ignore, *extra, env=env)
    elif command == "build":
        ensure_environment()
        run(tool("mkdocs"), "build", "--strict", *extra)
    elif command == "format":
        ensure_environment()
        code = sorted(
            str(p)
            for d in ("snippets", "tests", "hooks", "benchmarks")
            for p in (ROOT / d).rglob("*.py")
        )
        run(PYTHON, "-m", "ruff", "format", "dev.py", *code)  # files named: no exclude
        run(PYTHON, "-m", "tests.update")
    elif command == "update":
        ensure_environment()
        run(PYTHON, "-m", "tests.update", *extra)
    elif command == "bench":
        ensure_environment()
        run(PYTHON, "-m", "benchmarks.measure", *extra)
    elif command == "bench-pool":
        ensure_environment()
        run(PYTHON, "-m", "benchmarks.pool_checkout", *extra)
    elif command == "lock":
        ensure_environment(lock=True)
        frozen = subprocess.run(
            [PYTHON, "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        header = "# Every installed version, resolved by `python3 dev.py lock`.\n"
        (ROOT / "requirements.lock").write_text(header + frozen)
        STAMP.write_text(pins_digest())
    else:
        print(__doc__)
        sys.exit(0 if command in ("help", "-h", "--help") else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
