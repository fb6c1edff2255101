"""Every script and notebook the built site serves runs as a reader downloads it:
outside the repository, with SQLAlchemy (and a driver) alone (tests/readers.py).

The runs on SQLite start together, in the background, when the first test needs
one; those that need a server run in their own test, one at a time, so that they
never share a database with another test. Scripts run forked from a reader's
interpreter that has imported SQLAlchemy (tests/readers.py), which the last test
here shows to be the run of `python -I`.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from blocks import Block, blocks_of
from examples import script_uri
from nbclient.exceptions import CellExecutionError
from notebooks import FOLDER
from standalone import parse

from snippets.support import SETTING
from tests.conftest import require_server
from tests.databases import empty_database
from tests.outputs import ROOT, comparable
from tests.readers import (
    FORKS,
    PACKAGE_IMPORT,
    missing,
    output_lines,
    python,
    run_notebook,
    run_script,
)


def pages() -> dict[str, list[Block]]:
    """Each page that shows snippets, and its blocks."""
    found = {}
    for page in sorted((ROOT / "docs").glob("*.md")):
        blocks = blocks_of(page.read_text(encoding="utf-8"))
        if blocks:
            found[page.stem] = blocks
    return found


PAGES = pages()
MODULES = {block.path: block.module for blocks in PAGES.values() for block in blocks}
SCRIPTS = sorted(MODULES)
ON_A_SERVER = [path for path in SCRIPTS if parse(MODULES[path]).needs_server]
CHAPTERS = [  # the pages with a notebook: those that run something
    page
    for page, blocks in PAGES.items()
    if not all(parse(block.module).is_library for block in blocks)
]
SERVER_CHAPTERS = [  # their notebooks stop at the first example that needs a server
    page for page in CHAPTERS if any(b.path in ON_A_SERVER for b in PAGES[page])
]


def served(site: Path, uri: str) -> Path:
    path = site / uri
    assert path.is_file(), f"the built site does not serve {uri}"
    return path


@pytest.fixture(scope="session", autouse=True)
def forks():
    """The fork servers of the scripts' runs, stopped at the end of the session."""
    yield FORKS
    FORKS.close()


@pytest.fixture(scope="session")
def reader_runs(built_site, request):
    """The runs on SQLite of every script and notebook whose test the session runs,
    started at once."""
    reason = missing()
    if reason:
        pytest.fail(reason)
    selected = {item.originalname for item in request.session.items}
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
    runs: dict[str, Future] = {}
    if test_every_script_prints_its_output_lines_as_downloaded.__name__ in selected:
        for path in SCRIPTS:
            if path not in ON_A_SERVER:
                uri = script_uri(path)
                script = served(built_site, uri)
                runs[uri] = pool.submit(run_script, script, fork=True)
    if test_every_notebook_runs_as_downloaded.__name__ in selected:
        for chapter in CHAPTERS:
            uri = f"{FOLDER}/{chapter}/{chapter}.ipynb"
            runs[uri] = pool.submit(run_notebook, served(built_site, uri))
    yield runs
    pool.shutdown(cancel_futures=True)


def check_script(uri: str, text: str, run) -> None:
    assert not PACKAGE_IMPORT.search(text), f"{uri} imports the guide's package"
    assert run.returncode == 0 and not run.stderr, f"{uri} failed:\n{run.stderr}"
    expected = "\n".join(output_lines(text))
    printed = run.stdout.rstrip("\n")
    if comparable(printed) != comparable(expected):
        pytest.fail(
            f"{uri}, as downloaded, printed something other than its #> lines:\n"
            + "\n".join(
                difflib.unified_diff(
                    expected.splitlines(),
                    printed.splitlines(),
                    "its #> lines",
                    "what it printed",
                    lineterm="",
                )
            ),
            pytrace=False,
        )


@pytest.mark.parametrize("path", [p for p in SCRIPTS if p not in ON_A_SERVER])
def test_every_script_prints_its_output_lines_as_downloaded(
    path, built_site, reader_runs
):
    uri = script_uri(path)
    text = served(built_site, uri).read_text(encoding="utf-8")
    check_script(uri, text, reader_runs[uri].result())


@pytest.mark.server("postgresql")
@pytest.mark.parametrize("path", ON_A_SERVER)
def test_a_script_that_needs_a_server_prints_its_output_lines_on_postgresql(
    path, built_site
):
    url = require_server("postgresql")  # the #> lines'
    uri = script_uri(path)
    script = served(built_site, uri)
    run = run_script(script, url, fork=True)
    check_script(uri, script.read_text(encoding="utf-8"), run)


@pytest.mark.parametrize(
    "url, says",
    [
        (None, f"This example needs a PostgreSQL or MariaDB server: set {SETTING}"),
        ("postgresql+pg8000://user@127.0.0.1/scratch", "needs a driver: pip install"),
        ("postgresql+psycopg://user@127.0.0.1:1/scratch", "no connection: "),
    ],
    ids=["no-url", "no-driver", "no-server"],
)
def test_an_example_that_needs_a_server_says_so_in_one_line(url, says, built_site):
    for path in ON_A_SERVER:
        run = run_script(served(built_site, script_uri(path)), url, fork=True)
        assert run.returncode == 1 and run.stdout == ""
        assert run.stderr.count("\n") == 1 and says in run.stderr, run.stderr


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_notebook_runs_as_downloaded(chapter, reader_runs):
    """On SQLite, the reader's default: a notebook with examples that need a server
    runs up to the first of them, which stops it with one line saying what it needs."""
    run = reader_runs[f"{FOLDER}/{chapter}/{chapter}.ipynb"]
    if chapter not in SERVER_CHAPTERS:
        run.result()
        return
    with pytest.raises(CellExecutionError) as stopped:
        run.result()
    assert stopped.value.ename == "SystemExit"
    assert stopped.value.evalue.startswith("This example needs a PostgreSQL")


@pytest.mark.server("postgresql")
@pytest.mark.parametrize("chapter", SERVER_CHAPTERS)
def test_a_notebook_with_examples_that_need_a_server_runs_on_one(chapter, built_site):
    url = require_server("postgresql")
    empty_database(url)  # a chapter before may have left tables linked to its own
    run_notebook(served(built_site, f"{FOLDER}/{chapter}/{chapter}.ipynb"), url)


@pytest.mark.parametrize("kind", ["", "-alembic"], ids=["sqlalchemy", "alembic"])
def test_a_reader_who_installed_sqlalchemy_alone_has_no_driver(kind):
    """The environments of the runs that say `pip install sqlalchemy` (or `... alembic`)
    hold no driver, and the first no Alembic, so that an example that quietly needs
    one fails there."""
    extras = ("psycopg", "pymysql", "aiosqlite", "aiomysql")
    extras += ("alembic",) if kind == "" else ()
    find = (
        f"import importlib.util as u; print(*[m for m in {extras} if u.find_spec(m)])"
    )
    found = subprocess.run(
        [python(kind), "-I", "-c", find],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert found == []


@pytest.mark.parametrize(
    "code",
    [
        "from sqlalchemy import __version__\nprint(__version__)",
        "import sys\nprint(sys.argv, __name__, sys.flags.isolated)\nraise ValueError(1)",
        'import atexit\natexit.register(print, "at exit")\nraise SystemExit("stop")',
        "import os\nprint(os.getcwd() == os.path.dirname(os.path.abspath(__file__)))\n"
        "print(sorted(os.environ.items()))",
    ],
    ids=["prints", "fails", "exits", "environment"],
)
@pytest.mark.parametrize("url", [None, "sqlite:///example.db"], ids=["no-url", "url"])
def test_a_forked_run_is_the_run_of_python_dash_i(code, url, tmp_path):
    """The downloads run forked from an interpreter that has imported SQLAlchemy
    (tests/readers.py): the same exit code and output as `python -I`, with or without
    a database URL in the reader's environment."""
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    plain, forked = run_script(script, url), run_script(script, url, fork=True)
    assert forked.returncode == plain.returncode
    assert forked.stdout == plain.stdout
    last = [run.stderr.strip().splitlines()[-1:] for run in (plain, forked)]
    assert last[0] == last[1]
