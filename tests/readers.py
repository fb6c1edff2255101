"""Run what a reader downloads as a reader would: outside the repository, with an
interpreter that has SQLAlchemy of the series under test, the database drivers and a
Jupyter kernel, and nothing else (.venv/reader-2.1 and .venv/reader-2.0, made by
`dev.py`). Scripts run with `python -I`, so that neither the working directory nor
PYTHONPATH can put the repository within reach; notebooks run in a kernel of that
interpreter, started the same way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy

from snippets.support import SETTING
from tests.outputs import ROOT

SERIES = ".".join(sqlalchemy.__version__.split(".")[:2])
READER = ROOT / ".venv" / f"reader-{SERIES}"
PYTHON = READER / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
OUTPUT = re.compile(r"^\s*#>(?: (.*)|$)")
PACKAGE_IMPORT = re.compile(r"^\s*(?:from|import)\s+snippets\b", re.MULTILINE)


def missing() -> str | None:
    """Why the reader's interpreter cannot run, or None."""
    if not PYTHON.exists():
        return f"no {PYTHON.relative_to(ROOT)}: `python3 dev.py check` makes it"
    return None


def environment(database_url: str | None) -> dict[str, str]:
    """The environment of a reader's shell: no setting of ours but the database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "PY"))}
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


def run_script(path: Path, database_url: str | None = None) -> Run:
    """Copy `path` into an empty folder and run it there as a reader would."""
    with tempfile.TemporaryDirectory(prefix="reader-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        done = subprocess.run(
            [str(PYTHON), "-I", copy.name],
            cwd=folder,
            env=environment(database_url),
            capture_output=True,
            encoding="utf-8",
            timeout=300,
        )
    return Run(done.returncode, done.stdout, done.stderr)


def kernel_manager(folder: Path):
    """A Jupyter kernel of the reader's interpreter, isolated like the scripts."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    spec = folder / "kernels" / "reader"
    spec.mkdir(parents=True)
    argv = [str(PYTHON), "-I", "-m", "ipykernel_launcher", "-f", "{connection_file}"]
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
        client = NotebookClient(
            notebook,
            km=kernel_manager(Path(folder)),
            timeout=300,
            resources={"metadata": {"path": folder}},
        )
        client.execute(env=environment(database_url))
