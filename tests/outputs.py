"""Run a snippet and write what it printed under the statements that printed it, as `#>` lines.

A line printed from anywhere (a `print()` in the snippet, the SQL printer of
snippets/support.py, a function the snippet defines) belongs to the outermost line of
the snippet that was running, and goes under its innermost simple statement; for a
compound statement's header, under the header, except what leaving a `with` block
prints (a COMMIT, say), which goes after the block.
"""

from __future__ import annotations

import ast
import asyncio
import builtins
import contextlib
import difflib
import io
import os
import re
import runpy
import signal
import sys
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import sqlalchemy
from sqlalchemy import Engine
from sqlalchemy.orm import close_all_sessions
from standalone import parse

from snippets.support import SETTING
from tests.databases import first_server

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
PREFIX = "#>"
# The `#>` lines are written by this SQLAlchemy; see `comparable()` for the others.
REFERENCE_VERSION = "2.1"
ON_REFERENCE = sqlalchemy.__version__.startswith(REFERENCE_VERSION + ".")


def comparable(text: str) -> str:
    """`text` without what SQLAlchemy 2.0 and 2.1 print differently, and that does not
    matter: 2.0 labels the columns of the SELECTs it sends to load by primary key or
    to load a relationship (`user_account.id AS user_account_id`), and error links
    carry the version
    (`sqlalche.me/e/20/` and `/e/21/`)."""
    if ON_REFERENCE:
        return text
    text = re.sub(r"(\b\w+)\.(\w+) AS \1_\2\b", r"\1.\2", text)
    return re.sub(r"sqlalche\.me/e/\d+/", "sqlalche.me/e/VERSION/", text)


def snippet_modules() -> list[str]:
    """Every module of snippets/, as dotted names relative to the package."""
    return sorted(
        ".".join(path.relative_to(SNIPPETS).with_suffix("").parts)
        for path in SNIPPETS.rglob("*.py")
        if path.name != "__init__.py"
    )


def needs_server(module: str) -> bool:
    return parse(module).needs_server


def reference_url(module: str) -> str | None:
    """Where the `#>` lines of `module` come from: in-memory SQLite (None), or for an
    example that needs a server, the first PostgreSQL server of GUIDE_TEST_URLS."""
    if not needs_server(module):
        return None
    url = first_server("postgresql")
    if url is None:
        raise LookupError(
            f"snippets.{module} needs a PostgreSQL URL in GUIDE_TEST_URLS"
        )
    return url


def snippet_path(module: str) -> Path:
    return SNIPPETS.joinpath(*module.split(".")).with_suffix(".py")


Place = tuple[int, int]  # (the line after which output goes, its indentation)


class Placer:
    """Where the output of each line of a snippet goes."""

    def __init__(self, source: str) -> None:
        self.places: dict[int, Place] = {}
        self.with_headers: dict[int, ast.With | ast.AsyncWith] = {}
        self._visit(ast.parse(source).body)

    def _visit(self, statements: list[ast.stmt]) -> None:
        for node in statements:
            bodies = [
                getattr(node, field)
                for field in ("body", "orelse", "finalbody", "handlers")
                if isinstance(getattr(node, field, None), list)
            ]
            if not bodies:
                for line in range(node.lineno, node.end_lineno + 1):
                    self.places[line] = (node.end_lineno, node.col_offset)
                continue
            header = range(node.lineno, node.body[0].lineno)
            for line in header:
                self.places[line] = (header[-1], node.body[0].col_offset)
                if isinstance(node, (ast.With, ast.AsyncWith)):
                    self.with_headers[line] = node
            for body in bodies:
                self._visit(body)

    def place(self, line: int, frame: FrameType) -> Place:
        """Under the statement; for a `with` header, under it while entering the
        block, and after the block while leaving it (a COMMIT, say)."""
        node = self.with_headers.get(line)
        if node is not None:
            body = range(node.body[0].lineno, node.end_lineno + 1)
            starts = [start for start, _, at in frame.f_code.co_lines() if at in body]
            if not starts or frame.f_lasti > min(starts):
                return (node.end_lineno, node.col_offset)
        return self.places[line]


def outermost_frame(filename: str) -> FrameType | None:
    """The outermost frame of `filename` on the stack: the line of the snippet that is
    running, whatever function of it or of SQLAlchemy the output came from."""
    frame, outermost = sys._getframe(2), None
    while frame is not None:
        if frame.f_code.co_filename == filename:
            outermost = frame
        frame = frame.f_back
    return outermost


def awaiting(filename: str) -> FrameType | None:
    """In an asyncio task, the outermost coroutine of `filename` in the chain of the
    task's awaits: the `await` line of the snippet. SQLAlchemy's asyncio extension
    runs its work in a greenlet, whose stack does not reach the snippet's coroutines;
    the chain of awaits does. Some of its work (closing a session at the end of an
    `async with`) runs in a task of its own: then the oldest task that is awaiting a
    line of the snippet is the one."""
    try:
        current = asyncio.current_task()
    except RuntimeError:  # no event loop is running
        return None
    if current is None:
        return None
    others = sorted(asyncio.all_tasks() - {current}, key=lambda task: age(task))
    for task in [current, *others]:
        awaitable = task.get_coro()
        while awaitable is not None:
            frame = getattr(awaitable, "cr_frame", None)
            if frame is not None and frame.f_code.co_filename == filename:
                return frame
            awaitable = getattr(awaitable, "cr_await", None)
    return None


def age(task: asyncio.Task) -> int:
    """The number asyncio gave a task it named: Task-1 is the oldest."""
    name = task.get_name()
    return int(name.rpartition("-")[2]) if name.startswith("Task-") else 0


@dataclass
class Run:
    namespace: dict
    printed: list[tuple[Place, str]]


SNIPPET_TIMEOUT = 120  # seconds; the slowest snippet takes about one


class Deadline:
    """Within a `with` block, a TimeoutError naming `what` after `seconds`, so that
    a snippet that hangs fails with its name instead of hanging the check (on the
    main thread of a POSIX system, where signals are delivered)."""

    def __init__(self, what: str, seconds: int) -> None:
        self.what, self.seconds = what, seconds
        self.armed = hasattr(signal, "SIGALRM") and (
            threading.current_thread() is threading.main_thread()
        )

    def __enter__(self) -> None:
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self.expire)
            signal.alarm(self.seconds)

    def expire(self, *_) -> None:
        raise TimeoutError(f"{self.what} was still running after {self.seconds} s")

    def __exit__(self, *_) -> None:
        if self.armed:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, self.previous)


def run_snippet(module: str, url: str | None = None) -> Run:
    """Run `snippets.<module>` as `python -m` would, on `url` (default: in-memory SQLite)."""
    path = snippet_path(module)
    placer = Placer(path.read_text(encoding="utf-8"))
    printed: list[tuple[Place, str]] = []

    def recording_print(*args, sep=" ", end="\n", file=None, flush=False):
        if file not in (None, sys.stdout):
            return real_print(*args, sep=sep, end=end, file=file, flush=flush)
        outermost = awaiting(str(path)) or outermost_frame(str(path))
        if outermost is None:
            raise RuntimeError(f"{module}: something printed outside the snippet")
        place = placer.place(outermost.f_lineno, outermost)
        printed.append((place, sep.join(map(str, args)) + end))

    real_print = builtins.print
    previous_url = os.environ.pop(SETTING, None)
    deadline = Deadline(f"snippets.{module}", SNIPPET_TIMEOUT)
    if url:
        os.environ[SETTING] = url
    builtins.print = recording_print
    try:
        with (
            deadline,
            contextlib.redirect_stdout(io.StringIO()),
            warnings.catch_warnings(),
        ):
            # Running an already imported module again as __main__ is what we mean.
            warnings.filterwarnings("ignore", "'snippets", RuntimeWarning)
            namespace = runpy.run_module(f"snippets.{module}", run_name="__main__")
    finally:
        builtins.print = real_print
        os.environ.pop(SETTING, None)
        if previous_url is not None:
            os.environ[SETTING] = previous_url
        close_all_sessions()
    for value in namespace.values():
        if isinstance(value, Engine):
            value.dispose()
    return Run(namespace, printed)


def is_output(line: str) -> bool:
    """An output line, or one that a formatter mangled into `# >`."""
    return re.match(r"\s*#\s?>( |$)", line) is not None


def with_outputs(source: str, printed: list[tuple[Place, str]]) -> str:
    """`source` with its `#>` lines replaced by what was `printed`."""
    outputs: dict[int, list[str]] = {}
    for (after, indent), text in printed:
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
    """The snippet as it is, and as it would be with the output it prints today on
    the database its `#>` lines come from."""
    source = snippet_path(module).read_text(encoding="utf-8")
    return source, with_outputs(
        source, run_snippet(module, reference_url(module)).printed
    )


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
