"""Run a snippet and write what it printed under the statements that printed it, as `#>` lines.

A line printed from anywhere (a `print()` in the snippet, the SQL printer of
snippets/support.py, a function the snippet defines) belongs to the outermost line of
the snippet that was running, and goes under its innermost simple statement; for the
header of a `with` block, after the whole block (its exit is what prints); for other
compound headers, under the header.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import difflib
import io
import os
import re
import runpy
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import close_all_sessions

from snippets.support import DATABASE_URL

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
PREFIX = "#>"


def snippet_modules() -> list[str]:
    """Every module of snippets/, as dotted names relative to the package."""
    return sorted(
        ".".join(path.relative_to(SNIPPETS).with_suffix("").parts)
        for path in SNIPPETS.rglob("*.py")
        if path.name != "__init__.py"
    )


def snippet_path(module: str) -> Path:
    return SNIPPETS.joinpath(*module.split(".")).with_suffix(".py")


@dataclass
class Run:
    namespace: dict
    printed: list[tuple[int, str]]  # (line of the snippet that was running, text)


def run_snippet(module: str, url: str | None = None) -> Run:
    """Run `snippets.<module>` as `python -m` would, on `url` (default: in-memory SQLite)."""
    path = str(snippet_path(module))
    printed: list[tuple[int, str]] = []

    def recording_print(*args, sep=" ", end="\n", file=None, flush=False):
        if file not in (None, sys.stdout):
            return real_print(*args, sep=sep, end=end, file=file, flush=flush)
        frame, line = sys._getframe(1), None
        while frame is not None:  # the outermost line of the snippet that is running
            if frame.f_code.co_filename == path:
                line = frame.f_lineno
            frame = frame.f_back
        if line is None:
            raise RuntimeError(f"{module}: something printed outside the snippet")
        printed.append((line, sep.join(map(str, args)) + end))

    real_print = builtins.print
    previous_url = os.environ.pop(DATABASE_URL, None)
    if url:
        os.environ[DATABASE_URL] = url
    builtins.print = recording_print
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            # Running an already imported module again as __main__ is what we mean.
            warnings.filterwarnings("ignore", "'snippets", RuntimeWarning)
            namespace = runpy.run_module(f"snippets.{module}", run_name="__main__")
    finally:
        builtins.print = real_print
        os.environ.pop(DATABASE_URL, None)
        if previous_url is not None:
            os.environ[DATABASE_URL] = previous_url
        close_all_sessions()
    for value in namespace.values():
        if isinstance(value, Engine):
            value.dispose()
    return Run(namespace, printed)


def _anchors(tree: ast.Module) -> dict[int, tuple[int, int]]:
    """For each line of code: (line after which its output goes, indentation)."""
    anchors: dict[int, tuple[int, int]] = {}

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            bodies = [
                getattr(node, field)
                for field in ("body", "orelse", "finalbody", "handlers")
                if isinstance(getattr(node, field, None), list)
            ]
            if not bodies:
                for line in range(node.lineno, node.end_lineno + 1):
                    anchors[line] = (node.end_lineno, node.col_offset)
                continue
            header_end = node.body[0].lineno - 1
            after = node.end_lineno if isinstance(node, ast.With) else header_end
            for line in range(node.lineno, header_end + 1):
                anchors[line] = (after, node.col_offset)
            for body in bodies:
                visit(body)

    visit(tree.body)
    return anchors


def is_output(line: str) -> bool:
    """An output line, or one that a formatter mangled into `# >`."""
    return re.match(r"\s*#\s?>( |$)", line) is not None


def with_outputs(source: str, printed: list[tuple[int, str]]) -> str:
    """`source` with its `#>` lines replaced by what was `printed`."""
    anchors = _anchors(ast.parse(source))
    outputs: dict[int, list[str]] = {}
    for line, text in printed:
        after, indent = anchors[line]
        for output in text.rstrip("\n").split("\n"):
            comment = f"{PREFIX} {output}".rstrip()
            outputs.setdefault(after, []).append(" " * indent + comment)
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not is_output(line):
            lines.append(line)
        lines.extend(outputs.get(number, []))
    return "\n".join(lines) + "\n"


def expected_source(module: str) -> tuple[str, str]:
    """The snippet as it is, and as it would be with the output it prints today."""
    source = snippet_path(module).read_text(encoding="utf-8")
    return source, with_outputs(source, run_snippet(module).printed)


def diff(module: str, source: str, updated: str) -> str:
    name = f"snippets/{module.replace('.', '/')}.py"
    return "".join(
        difflib.unified_diff(
            source.splitlines(keepends=True),
            updated.splitlines(keepends=True),
            fromfile=f"{name} (the #> lines it has)",
            tofile=f"{name} (what it prints now)",
        )
    )
