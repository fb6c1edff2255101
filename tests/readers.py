"""Run what a reader downloads as a reader would: outside the repository, with an
interpreter that holds what the file says to install and nothing else. A reader who
ran `pip install sqlalchemy` has SQLAlchemy of the series under test and a Jupyter
kernel (.venv/reader-2.1, .venv/reader-2.0); the asyncio examples and those that
need a server also get the drivers and greenlet (.venv/reader-2.1-drivers, ...),
and the migration examples Alembic (.venv/reader-2.1-alembic, ...), all made by
`dev.py`. Scripts run with `python -I`, so that neither the working
directory nor PYTHONPATH can put the repository within reach; notebooks run in a
kernel of that interpreter, started the same way.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy
from standalone import ALEMBIC_INSTALL, ASYNCIO_INSTALL

from snippets.support import SETTING
from tests.outputs import ROOT

SERIES = ".".join(sqlalchemy.__version__.split(".")[:2])
# What a script or notebook says a reader installs, when it needs more than
# `pip install sqlalchemy` on SQLite (hooks/standalone.py writes it at its top),
# and the reader environment that holds exactly that.
KINDS = {ALEMBIC_INSTALL: "-alembic", ASYNCIO_INSTALL: "-drivers"}
OUTPUT = re.compile(r"^\s*#>(?: (.*)|$)")
PACKAGE_IMPORT = re.compile(r"^\s*(?:from|import)\s+snippets\b", re.MULTILINE)


def python(kind: str) -> Path:
    """The interpreter of a reader who installed SQLAlchemy (and Jupyter) alone
    (`kind` ""), or also the drivers and greenlet ("-drivers"), or Alembic
    ("-alembic")."""
    readers = Path(os.environ.get("GUIDE_READERS", ROOT / ".venv"))  # dev.py sets it
    reader = readers / f"reader-{SERIES}{kind}"
    return reader / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def reader_kind(text: str, database_url: str | None) -> str:
    """Which reader environment holds what a script or notebook says it needs."""
    if database_url is not None:
        return "-drivers"
    return next((kind for line, kind in KINDS.items() if line in text), "")


def missing() -> str | None:
    """Why a reader's interpreter cannot run, or None."""
    for kind in ("", *KINDS.values()):
        if not python(kind).exists():
            made = "`python3 dev.py check` makes it"
            return f"no {python(kind)}: {made}"
    return None


# Read once, at import: the runs happen in worker threads, and iterating os.environ
# there raced with pytest setting PYTEST_CURRENT_TEST (a KeyError, now and then).
SHELL = {k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "PY"))}


def environment(database_url: str | None) -> dict[str, str]:
    """The environment of a reader's shell: no setting of ours but the database."""
    env = dict(SHELL)
    if database_url:
        env[SETTING] = database_url
    return env


def output_lines(script: str) -> list[str]:
    """What a script says it prints: its `#>` lines, in order."""
    found = (OUTPUT.match(line) for line in script.splitlines())
    return [(match[1] or "") for match in found if match]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_script(path: Path, database_url: str | None = None, *, fork=False) -> Run:
    """Copy `path` into an empty folder and run it there as a reader would, with
    `database_url` in the reader's shell; with `fork`, in a process forked from a
    reader's interpreter that has imported SQLAlchemy already (`Forks`)."""
    with tempfile.TemporaryDirectory(prefix="reader-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        reader = python(reader_kind(copy.read_text(encoding="utf-8"), database_url))
        if fork and os.name == "posix":
            return FORKS.run(reader, copy, database_url)
        done = subprocess.run(
            [str(reader), "-I", copy.name],
            cwd=folder,
            env=environment(database_url),
            capture_output=True,
            encoding="utf-8",
            timeout=300,
        )
    return Run(done.returncode, done.stdout, done.stderr)


# Runs `python -I <script>` would make, but forked from an interpreter that imported
# SQLAlchemy once: importing it is 0.2 s of the 0.2 s most scripts take, and the
# check runs some 300. The child is the same isolated interpreter (-I: nothing of
# the repository importable) in the script's folder; it runs the file as __main__
# and ends as an interpreter does, its exit code and output those of the script.
# Every script imports from sqlalchemy itself (tests/test_downloads.py checks that
# the two ways print the same). The server starts with the environment of a reader's
# shell without a database URL (`environment(None)`); a run with one puts it into the
# child's environment (os.environ: the C library's too, where a driver reads it)
# before the script starts, as the shell would have.
FORK_SERVER = """
import json, os, runpy, signal, sys
import sqlalchemy, sqlalchemy.orm
for request in sys.stdin:
    folder, name, out, err, settings = json.loads(request)
    child = os.fork()
    if child == 0:
        def hung(*_):  # a script that hangs ends, naming itself and where it was
            raise TimeoutError(f"{name} was still running after 300 s")
        signal.signal(signal.SIGALRM, hung)
        signal.alarm(300)
        os.environ.update(settings)
        os.chdir(folder)
        for fd, file in ((1, out), (2, err)):
            os.dup2(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
        runpy.run_path(name, run_name="__main__")
        sys.exit()
    print(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]), flush=True)
"""


class Forks:
    """Fork servers for each reader's interpreter, one per thread that runs scripts."""

    def __init__(self) -> None:
        self.idle: dict[Path, queue.SimpleQueue] = {}
        self.lock = threading.Lock()
        self.started: list[subprocess.Popen] = []

    def server(self, reader: Path) -> subprocess.Popen:
        with self.lock:
            idle = self.idle.setdefault(reader, queue.SimpleQueue())
            if not idle.empty():
                return idle.get()
            server = subprocess.Popen(
                [str(reader), "-I", "-c", FORK_SERVER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=environment(None),
                cwd=tempfile.gettempdir(),
                text=True,
            )
            self.started.append(server)
            return server

    def run(self, reader: Path, script: Path, database_url: str | None) -> Run:
        with tempfile.TemporaryDirectory(prefix="output-") as outputs:
            out, err = Path(outputs, "stdout"), Path(outputs, "stderr")
            settings = environment(database_url).items() - environment(None).items()
            request = [str(script.parent), script.name, str(out), str(err)]
            request.append(dict(settings))
            server = self.server(reader)
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            code = int(server.stdout.readline())
            self.idle[reader].put(server)
            read = {"encoding": "utf-8"}
            return Run(code, out.read_text(**read), err.read_text(**read))

    def close(self) -> None:
        for server in self.started:
            server.stdin.close()
            server.wait()
        self.started.clear()
        self.idle.clear()


FORKS = Forks()


def kernel_manager(folder: Path, reader: Path):
    """A Jupyter kernel of the interpreter `reader`, isolated like the scripts."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    spec = folder / "kernels" / "reader"
    spec.mkdir(parents=True)
    argv = [str(reader), "-I", "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "reader", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel))
    specs = KernelSpecManager(kernel_dirs=[str(folder / "kernels")])
    return AsyncKernelManager(kernel_name="reader", kernel_spec_manager=specs)


def run_notebook(path: Path, database_url: str | None = None) -> None:
    """Copy the notebook at `path` into an empty folder and run every cell in order;
    a failing cell raises nbclient's CellExecutionError."""
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="reader-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        notebook = nbformat.read(copy, as_version=4)
        kind = reader_kind(notebook.cells[0].source, database_url)
        client = NotebookClient(
            notebook,
            km=kernel_manager(Path(folder), python(kind)),
            timeout=300,
            resources={"metadata": {"path": folder}},
        )
        client.execute(env=environment(database_url))
