"""Every claim of docs/pooling.md, on the backend it concerns."""

from __future__ import annotations

import builtins
import gc
import inspect
import logging
import multiprocessing
import re
import sqlite3
import sys
import threading
import time

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Table,
    create_engine,
    event,
    func,
    select,
    text,
)
from sqlalchemy.exc import OperationalError, ProgrammingError, TimeoutError
from sqlalchemy.orm import Session
from sqlalchemy.pool import (
    NullPool,
    Pool,
    QueuePool,
    SingletonThreadPool,
    StaticPool,
)

from snippets.pooling.server_side import alive, in_transaction, kill, server_id
from snippets.states.model import Base, User
from tests.conftest import require_server
from tests.databases import backend_name
from tests.outputs import ROOT, run_snippet

# What each driver says when the server has ended a connection.
DISCONNECTED = {
    "postgresql": (
        "terminating connection due to administrator command",
        "server closed the connection unexpectedly",
    ),
    "mariadb": (
        "Lost connection to MySQL server during query",
        "MySQL server has gone away",
    ),
}


def is_closed(dbapi_connection) -> bool:
    """Whether a DBAPI connection refuses to run a statement any more."""
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
    except Exception:  # each driver has its own error for a closed connection
        return True
    return False


def defaults(function) -> dict[str, object]:
    return {
        name: parameter.default
        for name, parameter in inspect.signature(function).parameters.items()
        if parameter.default is not inspect.Parameter.empty
    }


def test_create_engine_picks_the_pool_by_url():
    ns = run_snippet("pooling.which_pool").namespace
    assert type(ns["engine"].pool) is QueuePool  # the last: the file
    picked = [type(create_engine(url).pool) for url in ("sqlite://", ns["url"])]
    assert picked == [SingletonThreadPool, QueuePool]


def test_a_server_url_gets_a_queue_pool(server):
    engine = create_engine(server)
    assert type(engine.pool) is QueuePool
    engine.dispose()


def test_creating_an_engine_opens_no_connection(backend):
    opened = []
    engine = create_engine(backend)
    event.listen(engine, "connect", lambda *args: opened.append(1))
    assert (engine.pool.checkedin(), engine.pool.checkedout()) == (0, 0)
    assert opened == []
    with engine.connect():
        pass
    assert opened == [1]  # on demand
    engine.dispose()


def readouts(pool: QueuePool) -> dict[str, object]:
    """The settings of `pool`, read as the defaults example reads them."""
    return {
        "pool_size": pool.size(),
        "max_overflow": pool._max_overflow,
        "pool_timeout": pool.timeout(),
        "pool_recycle": pool._recycle,
        "pool_pre_ping": pool._pre_ping,
        "pool_use_lifo": pool._pool.use_lifo,
        "pool_reset_on_return": pool._reset_on_return.name,
    }


def test_queue_pool_defaults_are_those_of_the_pool_classes(backend):
    pool = run_snippet("pooling.queue_pool_defaults", backend).namespace["pool"]
    queue, base = defaults(QueuePool.__init__), defaults(Pool.__init__)
    reset = QueuePool(lambda: None, reset_on_return=base["reset_on_return"])
    assert readouts(pool) == {
        "pool_size": queue["pool_size"],
        "max_overflow": queue["max_overflow"],
        "pool_timeout": queue["timeout"],
        "pool_recycle": base["recycle"],
        "pool_pre_ping": base["pre_ping"],
        "pool_use_lifo": queue["use_lifo"],
        "pool_reset_on_return": reset._reset_on_return.name,
    }
    assert readouts(pool) == defaults_on_the_page()


def defaults_on_the_page() -> dict[str, object]:
    """The "Default" column of the page's table of `create_engine()` settings, read
    as values: 5, "30 s", "-1 (never)", "off", `"rollback"`."""
    page = (ROOT / "docs" / "pooling.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(pool_\w+|max_overflow)` \| ([^|]+?) \|", page, re.M)
    assert len(rows) == 7, rows

    def value(cell: str) -> object:
        if cell in ("off", "on"):
            return cell == "on"
        if number := re.fullmatch(r"(-?\d+)(?: s| \(never\))?", cell):
            return int(number[1])
        if reset := re.fullmatch(r'`"(\w+)"`', cell):
            return f"reset_{reset[1]}"
        raise AssertionError(f"a default the test cannot read: {cell!r}")

    return {name: value(cell) for name, cell in rows}


def test_the_settings_readouts_follow_what_create_engine_is_given(backend):
    engine = create_engine(
        backend,
        pool_size=2,
        max_overflow=3,
        pool_timeout=4,
        pool_recycle=5,
        pool_pre_ping=True,
        pool_use_lifo=True,
        pool_reset_on_return=None,
    )
    assert readouts(engine.pool) == {
        "pool_size": 2,
        "max_overflow": 3,
        "pool_timeout": 4,
        "pool_recycle": 5,
        "pool_pre_ping": True,
        "pool_use_lifo": True,
        "pool_reset_on_return": "reset_none",
    }
    engine.dispose()


def test_threads_check_out_the_pool_then_its_overflow(backend):
    ns = run_snippet("pooling.checkouts", backend).namespace
    assert ns["during"] == (4, 2)  # 2 pooled + 2 overflow
    assert ns["after"] == (0, 2, 0)  # overflow connections are closed on return


def test_exhausted_pool_waits_pool_timeout_then_raises_3o7r(backend):
    engine = create_engine(backend, pool_size=1, max_overflow=0, pool_timeout=0.3)
    held = engine.connect()
    started = time.monotonic()
    with pytest.raises(TimeoutError) as raised:
        engine.connect()
    assert time.monotonic() - started >= 0.3  # it waited, rather than failing at once
    assert raised.value.code == "3o7r"
    assert str(raised.value).startswith(
        "QueuePool limit of size 1 overflow 0 reached, connection timed out, "
        "timeout 0.30"
    )
    held.close()
    engine.dispose()


def test_exhaustion_snippet_recovers_once_a_connection_returns(backend):
    ns = run_snippet("pooling.exhaustion", backend).namespace
    assert ns["waited"] >= 0.5
    assert ns["engine"].pool.checkedout() == 0  # the snippet gave all back
    assert ns["third"].closed  # it got a connection once the second came back


def test_sqlalchemy_timeout_error_is_not_pythons_built_in_one(backend):
    assert not issubclass(TimeoutError, builtins.TimeoutError)
    engine = create_engine(backend, pool_size=1, max_overflow=0, pool_timeout=0.1)
    held = engine.connect()
    with pytest.raises(TimeoutError):
        try:
            engine.connect()
        except builtins.TimeoutError:  # what a bare `except TimeoutError` means
            pytest.fail("Python's TimeoutError caught SQLAlchemy's")
    held.close()
    engine.dispose()


def test_a_full_pool_closes_whichever_connection_comes_back(backend):
    engine = create_engine(backend, pool_size=1, max_overflow=1)
    closed = []
    event.listen(engine, "close", lambda dbapi_connection, record: closed.append(1))
    pooled, overflow = engine.connect(), engine.connect()
    first = pooled.connection.dbapi_connection
    second = overflow.connection.dbapi_connection
    overflow.close()  # the pool has room: kept
    pooled.close()  # the pool is full now: closed, though it was not the overflow
    assert len(closed) == 1
    assert is_closed(first)
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is second
    engine.dispose()


def test_use_lifo_hands_out_the_last_returned_connection_first(backend):
    for lifo, expected in ((False, 0), (True, 1)):
        engine = create_engine(backend, pool_size=2, pool_use_lifo=lifo)
        one, two = engine.connect(), engine.connect()
        raw = [one.connection.dbapi_connection, two.connection.dbapi_connection]
        one.close()
        two.close()  # returned last
        with engine.connect() as connection:
            assert connection.connection.dbapi_connection is raw[expected]
        engine.dispose()


def test_each_engine_has_its_own_pool_and_its_own_limit(backend):
    engines = [
        create_engine(backend, pool_size=1, max_overflow=0, pool_timeout=0.1)
        for _ in range(2)
    ]
    assert engines[0].pool is not engines[1].pool
    held = [engine.connect() for engine in engines]  # one each: two in all
    for engine in engines:
        with pytest.raises(TimeoutError):
            engine.connect()
    for connection in held:
        connection.close()
    for engine in engines:
        engine.dispose()


def test_the_servers_connection_limit_is_read_as_the_page_says(server):
    engine = create_engine(server, poolclass=NullPool)
    with engine.connect() as connection:
        if backend_name(server) == "postgresql":
            limit = connection.exec_driver_sql("SHOW max_connections").scalar()
        else:
            with pytest.raises(ProgrammingError):  # not MariaDB's syntax
                connection.exec_driver_sql("SHOW max_connections")
            connection.rollback()
            limit = connection.exec_driver_sql("SELECT @@max_connections").scalar()
        assert int(limit) > 0
    engine.dispose()


def test_a_server_at_its_connection_limit_refuses_the_next_connection(server):
    """A login limited to one connection stands in for a server at its limit."""
    admin = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    database = admin.url.database
    login = f"{database}_limited"  # a name of this database's own
    postgresql = backend_name(server) == "postgresql"
    if postgresql:
        setup = [f"CREATE ROLE {login} LOGIN CONNECTION LIMIT 1"]
        drop = f"DROP ROLE IF EXISTS {login}"
        says = f'too many connections for role "{login}"'
    else:
        setup = [
            f"CREATE USER {login} WITH MAX_USER_CONNECTIONS 1",
            f"GRANT SELECT ON {database}.* TO {login}",
        ]
        drop = f"DROP USER IF EXISTS {login}"
        says = f"User '{login}' has exceeded the 'max_user_connections' resource"
    with admin.connect() as connection:
        connection.exec_driver_sql(drop)
        for statement in setup:
            connection.exec_driver_sql(statement)
    engine = create_engine(admin.url.set(username=login), pool_size=5)
    try:
        held = engine.connect()
        with pytest.raises(OperationalError) as raised:
            engine.connect()  # the pool has room: the server refuses
        held.close()
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(drop)
        admin.dispose()
    assert says in str(raised.value.orig)
    assert raised.value.code == "e3q8"  # not the pool's 3o7r


def test_connect_event_applies_a_setting_to_every_new_connection():
    engine = run_snippet("pooling.pool_events").namespace["engine"]
    with engine.connect() as connection:  # a new connection, after the dispose
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1


def test_a_connect_listener_runs_after_sqlalchemy_set_up_the_first_connection(
    backend,
):
    engine = create_engine(backend)
    seen = []

    def ready() -> bool:
        """Whether the dialect has set itself up: it reads the server's version then."""
        return engine.dialect.server_version_info is not None

    event.listen(engine, "connect", lambda *args: seen.append(("default", ready())))
    event.listen(
        engine, "connect", lambda *args: seen.append(("insert", ready())), insert=True
    )
    with engine.connect():
        pass
    assert seen == [("insert", False), ("default", True)]
    engine.dispose()


def test_the_reset_event_comes_before_the_pools_rollback_which_may_not_happen(
    backend,
):
    def cycle(reset_on_return, *, run_a_statement: bool) -> list[str]:
        engine = create_engine(backend, pool_reset_on_return=reset_on_return)
        with engine.connect():
            pass  # the first connection: set-up done, not counted
        calls = []
        real_rollback = engine.dialect.do_rollback

        def rollback(dbapi_connection):
            calls.append("DBAPI rollback")
            real_rollback(dbapi_connection)

        engine.dialect.do_rollback = rollback
        for name in ("checkout", "reset", "checkin"):
            event.listen(engine, name, lambda *args, name=name: calls.append(name))
        with engine.connect() as connection:
            if run_a_statement:
                connection.execute(text("SELECT 1"))
        engine.dispose()
        return calls

    # A Connection that began a transaction rolls it back itself, on close; the
    # pool's reset then finds nothing to do.
    assert cycle("rollback", run_a_statement=True) == [
        "checkout",
        "DBAPI rollback",
        "reset",
        "checkin",
    ]
    # Otherwise the pool's reset is the rollback, after the event ...
    assert cycle("rollback", run_a_statement=False) == [
        "checkout",
        "reset",
        "DBAPI rollback",
        "checkin",
    ]
    # ... and with pool_reset_on_return=None there is none.
    assert cycle(None, run_a_statement=False) == ["checkout", "reset", "checkin"]


def test_invalidated_and_recycled_connections_are_replaced(backend):
    ns = run_snippet("pooling.invalidate_and_recycle", backend).namespace
    assert ns["reused_after_invalidate"] is False
    assert ns["reused_while_young"] is True
    assert ns["reused_when_old"] is False
    assert is_closed(ns["first"])  # the recycled one was closed, not left open


def test_invalidate_closes_the_connection(backend):
    engine = create_engine(backend, pool_size=1)
    with engine.connect() as connection:
        first = connection.connection.dbapi_connection
        connection.invalidate()
    assert is_closed(first)
    with engine.connect() as connection:  # a new one in its place
        assert connection.connection.dbapi_connection is not first
    engine.dispose()


def test_a_pool_works_around_a_plain_dbapi_connect_function():
    ns = run_snippet("pooling.pool_without_engine").namespace
    assert isinstance(ns["pool"], QueuePool)
    assert ns["pool"].checkedout() == 0
    assert ns["rows"] == [("pooled",)]  # the same connection: its memory database
    fresh = sqlite3.connect(":memory:")  # a new connection has no such table
    with pytest.raises(sqlite3.OperationalError, match="no such table: note"):
        fresh.execute("SELECT text FROM note")


def test_singleton_thread_pool_gives_each_thread_its_own_memory_database():
    ns = run_snippet("pooling.sqlite_pools").namespace
    here, there = ns["singleton"]
    assert here == 0
    assert there == "no such table: user_account"


def test_static_pool_shares_one_connection_and_its_transaction():
    ns = run_snippet("pooling.sqlite_pools").namespace
    assert ns["static"] == (0, 0)
    assert ns["seen_uncommitted"] == 1  # a second session saw an uncommitted row
    assert ns["committed"] == 0  # the reader's close rolled back the writer's row
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(engine)
    writer, reader = Session(engine), Session(engine)
    writer.add(User(name="Alice"))
    writer.flush()
    assert reader.scalar(select(func.count()).select_from(User)) == 1
    writer.rollback()  # and the writer's rollback is the reader's too
    assert reader.scalar(select(func.count()).select_from(User)) == 0
    reader.close()
    writer.close()
    engine.dispose()


def test_static_pool_in_other_threads_needs_check_same_thread_false():
    outcomes = {}
    for setting in ({}, {"check_same_thread": False}):
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args=setting)
        Base.metadata.create_all(engine)

        def count(engine=engine, key=bool(setting)):
            try:
                with engine.connect() as connection:
                    outcomes[key] = connection.scalar(
                        select(func.count()).select_from(User)
                    )
            except ProgrammingError as error:
                outcomes[key] = str(error.orig).split(".")[0]

        thread = threading.Thread(target=count)
        thread.start()
        thread.join(timeout=10)
        engine.dispose()
    assert outcomes == {
        False: "SQLite objects created in a thread can only be used in that same "
        "thread",
        True: 0,
    }


class Records(logging.Handler):
    """Keep what the `sqlalchemy.pool` loggers log, while in a `with` block."""

    def __init__(self, level: int = logging.NOTSET) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.pool_log = logging.getLogger("sqlalchemy.pool")
        self.level_set = level

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> Records:
        self.pool_log.addHandler(self)
        if self.level_set:
            self.pool_log.setLevel(self.level_set)
        return self

    def __exit__(self, *exc) -> None:
        self.pool_log.removeHandler(self)
        self.pool_log.setLevel(logging.NOTSET)

    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]


def test_singleton_thread_pool_drops_another_threads_connection_beyond_pool_size():
    ns = run_snippet("pooling.sqlite_pools").namespace  # pool_size=1: deterministic
    (record,) = ns["logged"].buffer
    assert record.levelname == "ERROR"
    assert record.getMessage().startswith("Exception closing connection <sqlite3")
    assert type(record.exc_info[1]).__name__ == "ProgrammingError"
    assert ns["count_users"]() == "no such table: user_account"  # main lost its tables

    # The default pool_size, 5: a sixth thread makes the pool drop the connection of
    # one of the other five (which one is not defined, and a thread that reconnects
    # may drop another's in turn); whoever lost it finds an empty database next time.
    engine = create_engine("sqlite://")
    assert isinstance(engine.pool, SingletonThreadPool)
    assert engine.pool.size == 5  # an attribute here, not a method
    created, sixth_connected = threading.Barrier(6), threading.Event()
    counts = {}

    def count() -> int | str:
        try:
            with engine.connect() as connection:
                return connection.scalar(text("SELECT count(*) FROM note"))
        except OperationalError as error:
            return str(error.orig)

    def early(number: int) -> None:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE note (id INTEGER)"))
        created.wait(timeout=10)
        sixth_connected.wait(timeout=10)
        counts[number] = count()

    def sixth() -> None:
        created.wait(timeout=10)
        with engine.connect():
            pass
        sixth_connected.set()

    threads = [threading.Thread(target=early, args=(n,)) for n in range(5)]
    threads.append(threading.Thread(target=sixth))
    with Records() as records:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    lost = [number for number, seen in counts.items() if seen != 0]
    assert len(counts) == 5 and lost
    assert {counts[number] for number in lost} == {"no such table: note"}
    assert len(records.records) >= len(lost)  # a refused close for each, at least
    assert {r.getMessage()[:28] for r in records.records} == {
        "Exception closing connection"
    }
    with Records() as records:  # dispose() from the main thread: the same refusals
        engine.dispose()
    assert records.records
    assert {r.getMessage()[:28] for r in records.records} == {
        "Exception closing connection"
    }


def test_singleton_thread_pool_closes_a_connection_in_use_only_without_the_check():
    """pool_size=1: a second thread's checkout drops the main thread's connection."""
    outcomes = {}
    for connect_args in ({}, {"check_same_thread": False}):
        engine = create_engine("sqlite://", pool_size=1, connect_args=connect_args)
        with Records() as records, engine.connect() as connection:
            connection.execute(text("CREATE TABLE note (id INTEGER)"))
            thread = threading.Thread(target=engine.connect)  # its checkout drops ours
            thread.start()
            thread.join(timeout=10)
            try:
                in_use = connection.scalar(text("SELECT count(*) FROM note"))
            except ProgrammingError as error:
                in_use = str(error.orig)
        with (
            engine.connect() as connection,
            pytest.raises(OperationalError, match="no such table: note"),
        ):
            connection.execute(text("SELECT count(*) FROM note"))
        key = "checked" if not connect_args else "check_same_thread=False"
        outcomes[key] = (in_use, len(records.records))
        engine.dispose()
    assert outcomes == {
        # sqlite3 refuses the close (logged once); the owner keeps using it meanwhile.
        "checked": (0, 1),
        # The close succeeds, silently, under the thread that is using it.
        "check_same_thread=False": ("Cannot operate on a closed database.", 0),
    }


def test_null_pool_reconnects_and_assertion_pool_refuses_a_second_checkout(backend):
    ns = run_snippet("pooling.other_pools", backend).namespace
    assert ns["reused"] is False
    assert ns["refusal"] == "connection is already checked out at:"
    assert isinstance(create_engine(backend, poolclass=NullPool).pool, NullPool)


def test_dropped_connection_raises_without_pre_ping_and_not_with_it(server):
    ns = run_snippet("pooling.dropped_connection", server).namespace
    assert ns["invalidated"] is True
    assert ns["replaced"] is True
    assert (ns["answer"], ns["replaced_by_ping"]) == (1, True)


def test_a_dropped_connection_says_so_in_the_drivers_words(server):
    engine = create_engine(server, pool_size=1)
    with engine.connect() as connection:
        victim = server_id(connection)
    kill(engine, victim)
    with pytest.raises(OperationalError) as raised, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    message = str(raised.value.orig)
    assert any(words in message for words in DISCONNECTED[backend_name(server)])
    assert raised.value.connection_invalidated
    engine.dispose()


def test_a_disconnect_makes_the_pool_replace_every_connection(server):
    engine = create_engine(server, pool_size=3)
    held = [engine.connect() for _ in range(3)]
    before = {server_id(connection) for connection in held}
    for connection in held:
        connection.close()
    for ident in before:  # as a server restart would: all three end
        kill(engine, ident)
    errors = 0
    for _ in range(4):
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError:
            errors += 1
    assert errors == 1  # once: after it, the pool replaced the other two as well
    engine.dispose()


def test_a_disconnect_replaces_even_the_connections_that_were_alive(server):
    engine = create_engine(server, pool_size=2)
    one, two = engine.connect(), engine.connect()
    before = {server_id(one), server_id(two)}
    victim = server_id(one)
    one.close()  # first in the queue: the next checkout gets it
    two.close()
    kill(engine, victim)  # only one of the two dies
    with pytest.raises(OperationalError), engine.connect() as connection:
        assert server_id(connection) == victim
    again = [engine.connect(), engine.connect()]
    assert not {server_id(connection) for connection in again} & before
    for connection in again:
        connection.close()
    engine.dispose()


def test_pre_ping_pings_a_pooled_connection_at_each_checkout_but_not_a_new_one(
    backend,
):
    engine = create_engine(backend, pool_size=1, pool_pre_ping=True)
    pings = []
    real_ping = engine.dialect.do_ping

    def ping(dbapi_connection):
        pings.append(1)
        return real_ping(dbapi_connection)

    engine.dialect.do_ping = ping
    for _ in range(3):
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert len(pings) == 2  # not the first checkout, which opened the connection
    engine.dispose()


def test_pre_ping_does_not_help_a_connection_that_dies_in_use(server):
    engine = create_engine(server, pool_size=1, pool_pre_ping=True)
    with engine.connect() as connection:
        kill(engine, server_id(connection))
        with pytest.raises(OperationalError):
            connection.execute(text("SELECT 1"))
    engine.dispose()


def test_returning_a_connection_rolls_back_its_transaction(server):
    ns = run_snippet("pooling.reset_on_return", server).namespace
    assert ns["open_before"] is True
    assert (ns["open_after"], ns["rows"]) == (False, 0)
    assert ns["left_open"] == {"rollback": False, None: True}


@pytest.fixture
def note_table(server):
    """A one-column table on `server`, empty; dropped afterwards."""
    note = Table("pool_note", MetaData(), Column("id", Integer, primary_key=True))
    setup = create_engine(server, poolclass=NullPool)
    note.drop(setup, checkfirst=True)
    note.create(setup)
    yield note
    note.drop(setup, checkfirst=True)
    setup.dispose()


def count_elsewhere(url: str, table: Table) -> int:
    other = create_engine(url, poolclass=NullPool)
    with other.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(table))
    other.dispose()
    return count


def test_without_reset_the_next_checkout_continues_the_open_transaction(
    server, note_table
):
    engine = create_engine(server, pool_size=1, pool_reset_on_return=None)
    raw = engine.raw_connection()
    cursor = raw.cursor()
    cursor.execute("INSERT INTO pool_note (id) VALUES (1)")
    raw.close()  # back in the pool, its transaction still open
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(note_table)) == 1
        assert count_elsewhere(server, note_table) == 0  # still uncommitted
        connection.commit()  # ... and this commit commits it
    assert count_elsewhere(server, note_table) == 1
    engine.dispose()


def test_a_connection_rolls_back_on_close_even_without_the_pools_reset(
    server, note_table
):
    engine = create_engine(server, pool_size=1, pool_reset_on_return=None)
    with engine.connect() as connection:
        ident = server_id(connection)
        connection.execute(note_table.insert().values(id=1))
    assert in_transaction(engine, ident) is False
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(note_table)) == 0
    engine.dispose()


def test_reset_on_return_leaves_session_state_to_the_next_checkout(backend):
    """The reset is a rollback: what the connection keeps outside a transaction stays."""
    name = backend_name(backend)
    engine = create_engine(backend, pool_size=1)
    lock = f"{engine.url.database}_pool_lock"  # MariaDB's lock names are server-wide
    with engine.connect() as connection:
        first = connection.connection.dbapi_connection
        connection.execute(text("CREATE TEMPORARY TABLE scratch (id INTEGER)"))
        if name == "postgresql":
            connection.execute(text("SET search_path TO tenant_42, public"))
            connection.execute(text("SELECT pg_advisory_lock(4242)"))
        elif name == "mariadb":
            connection.execute(text("SET @tenant = 'tenant_42'"))
            connection.execute(text("SET SESSION sql_mode = 'ANSI_QUOTES'"))
            connection.execute(text("SELECT GET_LOCK(:lock, 0)"), {"lock": lock})
        else:
            connection.execute(text("PRAGMA foreign_keys = ON"))
        connection.commit()
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is first  # the same connection
        assert connection.scalar(text("SELECT count(*) FROM scratch")) == 0
        if name == "postgresql":
            assert connection.scalar(text("SHOW search_path")) == "tenant_42, public"
            held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            assert connection.scalar(text(held + " AND pid = pg_backend_pid()")) == 1
        elif name == "mariadb":
            assert connection.scalar(text("SELECT @tenant")) == "tenant_42"
            assert connection.scalar(text("SELECT @@session.sql_mode")) == "ANSI_QUOTES"
            owner = text("SELECT IS_USED_LOCK(:lock) = CONNECTION_ID()")
            assert connection.scalar(owner, {"lock": lock}) == 1
        else:
            assert connection.scalar(text("PRAGMA foreign_keys")) == 1
    # A setting changed in a transaction that is rolled back: PostgreSQL undoes it
    # with the transaction, MariaDB keeps it even then.
    if name != "sqlite":
        with engine.connect() as connection:
            if name == "postgresql":
                connection.execute(text("SET search_path TO tenant_43, public"))
            else:
                connection.execute(text("SET @tenant = 'tenant_43'"))
        with engine.connect() as connection:
            if name == "postgresql":
                seen = connection.scalar(text("SHOW search_path"))
                assert seen == "tenant_42, public"
            else:
                assert connection.scalar(text("SELECT @tenant")) == "tenant_43"
    engine.dispose()


def test_an_isolation_level_set_with_execution_options_is_set_back_on_return(
    backend,
):
    engine = create_engine(backend, pool_size=1)
    with engine.connect() as connection:
        default = connection.get_isolation_level()
    level = "READ UNCOMMITTED" if default == "SERIALIZABLE" else "SERIALIZABLE"
    with engine.connect().execution_options(isolation_level=level) as connection:
        assert connection.get_isolation_level() == level != default
        first = connection.connection.dbapi_connection
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is first
        assert connection.get_isolation_level() == default
    engine.dispose()


def test_a_reset_listener_with_discard_all_clears_session_state_on_postgresql(
    server,
):
    ns = run_snippet("pooling.session_state", server).namespace
    if backend_name(server) == "mariadb":
        # No DISCARD ALL there (the listener skips it): the state stays; only a
        # new connection, after invalidate(), starts clean.
        assert ns["survived"] == ("tenant_42", 1)
        assert ns["after_discard"] == "tenant_42"
        assert ns["after_invalidate"] is None
        probe = create_engine(server, poolclass=NullPool)
        with probe.connect() as connection, pytest.raises(ProgrammingError):
            connection.exec_driver_sql("DISCARD ALL")  # not MariaDB's
        probe.dispose()
        from pymysql.connections import Connection  # the driver the tests use

        assert not {"reset", "reset_connection", "change_user"} & set(dir(Connection))
        return
    assert ns["survived"] == ("tenant_42, public", 1)
    assert ns["after_discard"] == ns["after_invalidate"] == '"$user", public'
    # All of it, with the snippet's listener: settings, temporary tables, locks;
    # and psycopg's own prepared statements still work after DISCARD ALL.
    engine = create_engine(server, pool_size=1, pool_reset_on_return=None)
    event.listen(engine, "reset", ns["discard_session_state"])
    with engine.connect() as connection:
        first = connection.connection.dbapi_connection
        connection.execute(text("SET statement_timeout = 1234"))
        connection.execute(text("CREATE TEMPORARY TABLE scratch (id INTEGER)"))
        connection.execute(text("SELECT pg_advisory_lock(4242)"))
        for number in range(8):  # psycopg prepares a statement from the 5th run
            connection.execute(text("SELECT :n + 1"), {"n": number})
        connection.commit()
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is first
        assert connection.scalar(text("SHOW statement_timeout")) == "0"
        temporary = "SELECT count(*) FROM pg_class WHERE relpersistence = 't'"
        assert connection.scalar(text(temporary + " AND relname = 'scratch'")) == 0
        held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        assert connection.scalar(text(held + " AND pid = pg_backend_pid()")) == 0
        for number in range(8):
            assert connection.scalar(text("SELECT :n + 1"), {"n": number}) == number + 1
    engine.dispose()


def reset_statements_then(finish: str, url: str) -> tuple[str, int]:
    """search_path and temporary tables at the next checkout, after a reset listener
    ran RESET ALL and DISCARD TEMP in the connection's transaction, then `finish`."""
    engine = create_engine(url, pool_size=1, pool_reset_on_return=None)

    @event.listens_for(engine, "reset")
    def reset(dbapi_connection, connection_record, reset_state):
        cursor = dbapi_connection.cursor()
        cursor.execute("RESET ALL")  # psycopg begins a transaction first
        cursor.execute("DISCARD TEMP")
        cursor.close()
        getattr(dbapi_connection, finish)()

    with engine.connect() as connection:
        connection.execute(text("SET search_path TO tenant_42, public"))
        connection.execute(text("CREATE TEMPORARY TABLE scratch (id INTEGER)"))
        connection.commit()
    with engine.connect() as connection:
        seen = connection.scalar(text("SHOW search_path"))
        temporary = "SELECT count(*) FROM pg_class WHERE relpersistence = 't'"
        tables = connection.scalar(text(temporary + " AND relname = 'scratch'"))
    engine.dispose()
    return seen, tables


@pytest.mark.server("postgresql")
def test_a_rollback_after_reset_statements_in_the_listener_undoes_them():
    url = require_server("postgresql")
    assert reset_statements_then("rollback", url) == ("tenant_42, public", 1)
    assert reset_statements_then("commit", url) == ('"$user", public', 0)


@pytest.mark.server("postgresql")
def test_set_local_lasts_until_the_end_of_the_transaction_on_postgresql():
    engine = create_engine(require_server("postgresql"), pool_size=1)
    for end in ("commit", "rollback"):
        with engine.connect() as connection:
            connection.execute(text("SET LOCAL search_path TO tenant_42, public"))
            assert connection.scalar(text("SHOW search_path")) == "tenant_42, public"
            getattr(connection, end)()
            assert connection.scalar(text("SHOW search_path")) == '"$user", public'
    engine.dispose()


def test_a_session_nothing_refers_to_gives_its_connection_back(backend):
    engine = create_engine(backend, pool_size=1, max_overflow=0)

    def forgets_to_close() -> None:
        session = Session(engine)
        session.execute(text("SELECT 1"))
        assert engine.pool.checkedout() == 1

    forgets_to_close()
    gc.collect()  # CPython frees it at once; other interpreters may take longer
    assert engine.pool.checkedout() == 0
    engine.dispose()


def test_the_pool_status_shows_a_leak_as_connections_checked_out_while_idle(
    backend,
):
    run = run_snippet("pooling.pool_status", backend)
    ns = run.namespace
    printed = [text for _, text in run.printed]
    assert printed[0] == (
        "Pool size: 2  Connections in pool: 1 Current Overflow: -1 "
        "Current Checked out connections: 0\n"
    )
    assert printed[1] == "1\n"  # the leaked session's connection, while idle
    # "Current Overflow" counts from -pool_size: negative while fewer are open.
    engine = create_engine(backend, pool_size=3, max_overflow=1)
    held = []
    for opened in range(5):
        assert engine.pool.overflow() == opened - 3
        if opened < 4:
            held.append(engine.connect())
    for connection in held:
        connection.close()
    engine.dispose()
    kinds = {"checked out from pool": "checkout", "being returned to pool": "return"}
    log = [
        kind for line in printed[2:] for words, kind in kinds.items() if words in line
    ]
    assert log == ["checkout", "return", "checkout"]  # the last: the leak, not returned
    assert len(ns["kept"]) == 2


def test_echo_pool_debug_logs_checkouts_and_returns_and_echo_pool_true_does_not(
    backend,
):
    logged = {}
    pool_logger = logging.getLogger("sqlalchemy.pool.impl.QueuePool")
    for echo in (True, "debug"):
        for handler in pool_logger.handlers[:]:
            pool_logger.removeHandler(handler)
        engine = create_engine(backend, echo_pool=echo)
        (printer,) = pool_logger.handlers  # what echo_pool adds: to standard output
        assert printer.stream is sys.stdout
        assert printer.formatter._fmt.startswith("%(asctime)s")  # with a timestamp
        with Records() as records, engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        logged[echo] = [m for m in records.messages() if "pool" in m]
        engine.dispose()
        pool_logger.removeHandler(printer)
    assert logged[True] == []
    assert [" ".join(m.split()[-3:]) for m in logged["debug"]] == [
        "out from pool",
        "returned to pool",
    ]


def test_child_process_gets_a_fresh_pool_after_dispose_close_false(backend):
    ns = run_snippet("pooling.fork", backend).namespace
    assert ns["in_child"] == (0, 1)
    assert ns["process"].exitcode == 0
    assert ns["parent_kept"] == 1  # the parent's pooled connection survived
    engine = create_engine(backend, pool_size=1)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    process = multiprocessing.get_context("fork").Process(
        target=engine.dispose, kwargs={"close": False}
    )
    process.start()
    process.join(timeout=10)
    with engine.connect() as connection:  # the parent's connection still works
        assert connection.scalar(text("SELECT 1")) == 1
    engine.dispose()


def test_a_child_that_closes_inherited_connections_ends_them_for_the_parent(server):
    engine = create_engine(server, pool_size=1)
    with engine.connect() as connection:
        victim = server_id(connection)
    process = multiprocessing.get_context("fork").Process(target=engine.dispose)
    process.start()  # dispose() without close=False: it closes the connection
    process.join(timeout=10)
    deadline = time.monotonic() + 10
    observer = create_engine(server, poolclass=NullPool)
    with observer.connect() as connection:
        while alive(connection, victim) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(connection, victim)
    observer.dispose()
    with pytest.raises(OperationalError), engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    engine.dispose()


def test_dispose_closes_idle_connections_and_starts_a_new_pool(backend):
    engine = create_engine(backend)
    with engine.connect() as connection:
        idle = connection.connection.dbapi_connection
    old_pool = engine.pool
    engine.dispose()
    assert is_closed(idle)
    assert engine.pool is not old_pool
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT 1")) == 1
    engine.dispose()


def test_kill_ends_the_connection_on_the_server(server):
    engine = create_engine(server, poolclass=NullPool)
    victim_connection = engine.connect()
    victim = server_id(victim_connection)
    with engine.connect() as observer:
        assert alive(observer, victim)
    kill(engine, victim)
    with engine.connect() as observer:
        assert not alive(observer, victim)
    with pytest.raises(OperationalError):
        victim_connection.execute(text("SELECT 1"))
    victim_connection.close()
    engine.dispose()
