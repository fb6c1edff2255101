"""Every claim of docs/seeing_sql.md, on every backend."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import warnings

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    create_engine,
    event,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import CompileError, IntegrityError, SAWarning
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import FunctionElement

from snippets.asyncio.engine import async_url
from snippets.seeing_sql.counting import count_statements
from snippets.seeing_sql.terminal import Terminal
from snippets.states.model import Base, User
from tests.conftest import backend_name
from tests.outputs import run_snippet
from tests.seeing_sql_facts import LITERAL_TABLE, LITERALS

ENGINE_LOGGER = logging.getLogger("sqlalchemy.engine.Engine")


def printed(module: str, url: str) -> str:
    """All that the snippet printed, log lines included, as one text."""
    return "".join(text for _, text in run_snippet(module, url).printed)


def lines(module: str, url: str) -> list[str]:
    return printed(module, url).splitlines()


@pytest.fixture
def no_echo_handler():
    """The engine logger without handlers, before and after the test."""
    for handler in ENGINE_LOGGER.handlers[:]:
        ENGINE_LOGGER.removeHandler(handler)
    yield
    for handler in ENGINE_LOGGER.handlers[:]:
        ENGINE_LOGGER.removeHandler(handler)


def test_terminal_replaces_only_the_time_and_the_seconds_of_the_cache_notes(
    capsys,
):
    handler = logging.StreamHandler(Terminal())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    logger = logging.getLogger("terminal.check")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("[%s] %r", "generated in 0.00012s", ("1.5s",))
        logger.warning("[%s] %r", "cached since 6.5e-05s ago", (2,))
        logger.warning("[%s] %r", "no key 0.00010s", ())
        logger.warning("SELECT 1 \nFROM t ")
    finally:
        logger.removeHandler(handler)
    assert capsys.readouterr().out.splitlines() == [
        "<time> WARNING terminal.check [generated in …s] ('1.5s',)",
        "<time> WARNING terminal.check [cached since …s ago] (2,)",
        "<time> WARNING terminal.check [no key …s] ()",
        "<time> WARNING terminal.check SELECT 1",
        "FROM t",
    ]


def test_echo_true_adds_a_stdout_handler_with_the_time_and_logs_statements(
    backend, no_echo_handler
):
    engine = create_engine(backend, echo=True)
    (handler,) = ENGINE_LOGGER.handlers
    assert isinstance(handler, logging.StreamHandler) and handler.stream is sys.stdout
    assert handler.formatter._fmt == "%(asctime)s %(levelname)s %(name)s %(message)s"
    engine.dispose()
    out = lines("seeing_sql.echo", backend)
    assert "<time> INFO sqlalchemy.engine.Engine BEGIN (implicit)" in out
    generated = [line for line in out if "[generated in" in line]
    cached = [line for line in out if "[cached since" in line]
    assert "Alice" in generated[0] and "Bob" in cached[0]
    assert out.index(generated[0]) < out.index(cached[0])


def test_engine_echo_can_be_switched_on_later_and_echo_true_logs_no_rows(
    backend, no_echo_handler
):
    engine = create_engine(backend)
    assert ENGINE_LOGGER.handlers == []
    engine.echo = True  # the same handler as create_engine(echo=True)
    (handler,) = ENGINE_LOGGER.handlers
    records: list[str] = []
    handler.emit = lambda record: records.append(record.getMessage())
    with engine.connect() as connection:
        connection.execute(text("SELECT 3"))
    engine.echo = False
    with engine.connect() as connection:
        connection.execute(text("SELECT 4"))
    assert "SELECT 3" in records and "SELECT 4" not in records
    engine.dispose()
    # A logger that has a handler already gets no second one from echo=True.
    ENGINE_LOGGER.removeHandler(handler)
    mine = logging.NullHandler()
    ENGINE_LOGGER.addHandler(mine)
    create_engine(backend, echo=True).dispose()
    assert ENGINE_LOGGER.handlers == [mine]
    ENGINE_LOGGER.removeHandler(mine)
    out = lines("seeing_sql.echo", backend)
    echo_part = out[
        : out.index("<time> DEBUG sqlalchemy.engine.Engine Col ('id', 'name')")
    ]
    assert not any("DEBUG" in line for line in echo_part)
    assert "<time> DEBUG sqlalchemy.engine.Engine Row (1, 'Alice')" in out
    assert "<time> DEBUG sqlalchemy.engine.Engine Row (2, 'Bob')" in out


def test_the_engine_logger_logs_every_engine_and_echo_only_its_own(backend):
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(f"{record.name} {record.getMessage()}")

    keep = Keep()
    logger = logging.getLogger("sqlalchemy.engine")
    logger.addHandler(keep)
    try:
        for configured in (True, False):
            records.clear()
            if configured:
                logger.setLevel(logging.INFO)
                engines = [create_engine(backend), create_engine(backend)]
            else:
                logger.setLevel(logging.NOTSET)
                engines = [create_engine(backend, echo=True), create_engine(backend)]
            for number, engine in enumerate(engines):
                with engine.connect() as connection:
                    connection.execute(text(f"SELECT {number + 10}"))
                engine.dispose()
            sent = [r for r in records if r.endswith(("SELECT 10", "SELECT 11"))]
            if configured:
                assert len(sent) == 2
            else:
                assert [r.split()[-1] for r in sent] == ["10"]
    finally:
        logger.removeHandler(keep)
        logger.setLevel(logging.NOTSET)
        for handler in ENGINE_LOGGER.handlers[:]:
            ENGINE_LOGGER.removeHandler(handler)
    out = lines("seeing_sql.logging_config", backend)
    first = out.index("INFO sqlalchemy.engine.Engine: BEGIN (implicit)")
    if backend_name(backend) == "sqlite":
        assert first == 0
    else:  # the first connection asks the server its version and settings
        assert first > 0
        assert all(line.endswith("[raw sql] {}") for line in out[1:first:2])


def test_echo_and_a_root_handler_log_every_line_twice_and_one_of_them_once(
    backend, no_echo_handler
):
    out = printed("seeing_sql.duplicate_lines", backend)
    error, fix = out.split("INFO:sqlalchemy.engine.Engine:ROLLBACK\n", 1)
    assert error.count("BEGIN (implicit)") == 2
    assert "<time> INFO sqlalchemy.engine.Engine BEGIN (implicit)" in error
    assert "INFO:sqlalchemy.engine.Engine:BEGIN (implicit)" in error
    assert fix.count("BEGIN (implicit)") == 1 and "<time>" not in fix
    # The other fix: keep echo=True, and stop its records reaching the root.
    seen: list[str] = []

    class Root(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    root = Root()
    for above in ("", "sqlalchemy"):  # the root logger, or the logger sqlalchemy
        logging.getLogger(above).addHandler(root)
        engine = create_engine(backend, echo=True)
        try:
            for propagate in (True, False):
                ENGINE_LOGGER.propagate = propagate
                seen.clear()
                with engine.connect() as connection:
                    connection.execute(text("SELECT 7"))
                assert ("SELECT 7" in seen) is propagate
        finally:
            ENGINE_LOGGER.propagate = True
            logging.getLogger(above).removeHandler(root)
            engine.dispose()
    # echo's handler outlives its engine and echo = False: the fix prints twice
    logging.getLogger().addHandler(root)
    fixture = create_engine(backend, echo=True)
    fixture.echo = False
    fixture.dispose()
    del fixture
    (echo_handler,) = ENGINE_LOGGER.handlers
    by_echo: list[str] = []
    echo_handler.emit = lambda record: by_echo.append(record.getMessage())
    engine = create_engine(backend)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        seen.clear()
        with engine.connect() as connection:
            connection.execute(text("SELECT 8"))
        assert "SELECT 8" in seen and "SELECT 8" in by_echo
        ENGINE_LOGGER.handlers.clear()
        seen.clear()
        with engine.connect() as connection:
            connection.execute(text("SELECT 9"))
        assert seen.count("SELECT 9") == 1 and "SELECT 9" not in by_echo
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.NOTSET)
        logging.getLogger().removeHandler(root)
        engine.dispose()


def test_basic_config_at_its_default_level_and_echo_print_each_statement_twice(
    backend,
):
    program = (
        "import logging, sys\n"
        "from sqlalchemy import create_engine, text\n"
        "logging.basicConfig()\n"  # level WARNING: the records come up from below
        "engine = create_engine(sys.argv[1], echo=True)\n"
        "with engine.connect() as connection:\n"
        "    connection.execute(text('SELECT 42'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program, backend],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert [line for line in run.stdout.splitlines() if line.endswith("SELECT 42")]
    assert "INFO:sqlalchemy.engine.Engine:SELECT 42" in run.stderr.splitlines()


def test_hide_parameters_hides_values_in_the_log_and_in_the_error(
    backend, no_echo_handler
):
    out = printed("seeing_sql.hide_parameters", backend)
    shown, hidden = out.split("[parameters: ", 1)[1].split("\n", 1)
    assert "'Mallory'" in shown
    assert "Mallory" not in hidden
    hidden_lines = hidden.splitlines()
    assert hidden_lines[-1] == "[SQL parameters hidden due to hide_parameters=True]"
    assert hidden_lines[-2].startswith("[SQL: INSERT INTO user_account")
    log = [line for line in hidden_lines if line.startswith("<time>")]
    assert (
        "[generated in …s] [SQL parameters hidden due to hide_parameters=True]"
        in "".join(log)
    )


def test_hide_parameters_leaves_the_database_message_and_the_rows(
    backend, no_echo_handler
):
    metadata = MetaData()
    person = Table(
        "hidden_person",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("email", String(50), unique=True),
    )
    engine = create_engine(backend, hide_parameters=True, echo="debug")
    (handler,) = ENGINE_LOGGER.handlers
    logged: list[str] = []
    handler.emit = lambda record: logged.append(record.getMessage())
    metadata.drop_all(engine)
    metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            connection.execute(insert(person), {"id": 1, "email": "alice@example.com"})
        with pytest.raises(IntegrityError) as caught, engine.begin() as connection:
            connection.execute(insert(person), {"id": 2, "email": "alice@example.com"})
        message = str(caught.value)
        assert "[SQL parameters hidden due to hide_parameters=True]" in message
        quoted = {
            "sqlite": "UNIQUE constraint failed: hidden_person.email",
            "postgresql": "DETAIL:  Key (email)=(alice@example.com) already exists.",
            "mariadb": "Duplicate entry 'alice@example.com' for key 'email'",
        }[backend_name(backend)]
        assert quoted in message
        assert ("alice@example.com" in message) is (backend_name(backend) != "sqlite")
        logged.clear()
        with engine.connect() as connection:
            connection.execute(select(person)).all()
        assert "Row (1, 'alice@example.com')" in logged
    finally:
        metadata.drop_all(engine)
        engine.dispose()


def test_str_is_generic_and_compile_speaks_the_dialect_of_the_engine(backend):
    ns = run_snippet("seeing_sql.print_statement", backend).namespace
    where = str(ns["compiled"]).splitlines()[-1]
    expected = {
        "sqlite": "WHERE user_account.name = ? AND",
        "postgresql": "WHERE user_account.name = %(name_1)s::VARCHAR AND",
        "mariadb": "WHERE user_account.name = %(name_1)s AND",
    }[backend_name(backend)]
    assert where.startswith(expected)
    assert "(__[POSTCOMPILE_id_1])" in where
    assert ns["compiled"].params == {"name_1": "Bob's", "id_1": [1, 2]}
    assert ":name_1" in str(ns["stmt"])
    expanded = str(
        ns["stmt"].compile(ns["engine"], compile_kwargs={"render_postcompile": True})
    )
    assert "POSTCOMPILE" not in expanded and "IN (" in expanded
    # With the ORM statement, the parameters run as the printout says.
    Base.metadata.drop_all(ns["engine"])
    Base.metadata.create_all(ns["engine"])
    with Session(ns["engine"]) as session:
        session.add(User(id=1, name="Bob's"))
        session.flush()
        assert session.scalars(ns["stmt"]).one().name == "Bob's"
        session.rollback()
    Base.metadata.drop_all(ns["engine"])


def test_postgresql_dialect_default_driver_is_psycopg_on_2_1_and_psycopg2_on_2_0():
    import sqlalchemy

    driver = postgresql.dialect().driver
    if sqlalchemy.__version__.startswith("2.0."):
        assert driver == "psycopg2"
    else:
        assert driver == "psycopg"
    assert postgresql.psycopg.dialect().driver == "psycopg"


@pytest.mark.parametrize("value", list(LITERALS))
def test_literal_binds_writes_each_value_as_the_table_says_and_finds_the_same_row(
    backend, value
):
    column_name, python_value, cells = LITERALS[value]
    expected = cells[backend_name(backend)]
    engine = create_engine(backend)
    LITERAL_TABLE.drop(engine, checkfirst=True)
    LITERAL_TABLE.create(engine)
    column = LITERAL_TABLE.c[column_name]
    stmt = select(LITERAL_TABLE.c.id).where(column == python_value)
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(LITERAL_TABLE), {"id": 1, column_name: python_value}
            )
            connection.execute(insert(LITERAL_TABLE), {"id": 2})
            if expected == "CompileError":
                with pytest.raises(CompileError, match="No literal value renderer"):
                    stmt.compile(engine, compile_kwargs={"literal_binds": True})
                return
            sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
            rendered = sql.split(f"{column.table.name}.{column_name} = ", 1)[1]
            cell, _, note = expected.partition(" (")
            assert f"`{rendered}`" == cell
            found = connection.scalars(text(sql)).all()
            raw = connection.connection.dbapi_connection.cursor()
            raw.execute(sql)  # as a console would run it: no parameters
            assert [row[0] for row in raw.fetchall()] == found
            assert found == ([] if note == "another value)" else [1])
            assert connection.scalars(stmt).all() == [1]
    finally:
        LITERAL_TABLE.drop(engine)
        engine.dispose()


def test_literal_binds_before_the_first_connection_on_postgresql_differs_by_series(
    backend,
):
    import sqlalchemy

    stmt = select(literal(r"C:\temp"))
    engine = create_engine(backend)
    before = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
    engine.connect().close()
    after = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
    engine.dispose()
    single, double = r"'C:\temp'", r"'C:\\temp'"
    if backend_name(backend) == "postgresql":
        assert after.startswith(f"SELECT {single}")
        series_2_0 = sqlalchemy.__version__.startswith("2.0.")
        assert before.startswith(f"SELECT {double if series_2_0 else single}")
    else:  # SQLite and MariaDB: the same before and after
        assert before == after


def test_the_driver_sends_parameters_apart_or_escapes_them_for_its_connection(
    backend,
):
    name = backend_name(backend)
    value = "x' OR '1'='1"
    own_query = {
        "sqlite": "SELECT :v = :v",
        "postgresql": "SELECT query FROM pg_stat_activity "
        "WHERE pid = pg_backend_pid() AND :v = :v",
        "mariadb": "SELECT info FROM information_schema.processlist "
        "WHERE id = connection_id() AND :v = :v",
    }[name]
    engine = create_engine(backend)
    handed: list[tuple[str, object]] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda conn, cursor, sql, params, *rest: handed.append((sql, params)),
    )
    with engine.connect() as connection:
        received = connection.execute(text(own_query), {"v": value}).scalar()
    engine.dispose()
    # SQLAlchemy hands the driver the SQL with placeholders, the value apart
    ((sql, params),) = handed
    assert value not in sql and value in repr(params)
    if name == "postgresql":  # the server receives placeholders
        assert received.endswith("AND $1 = $1")
    elif name == "mariadb":  # the server receives the value, escaped
        assert received.endswith("AND 'x\\' OR \\'1\\'=\\'1' = 'x\\' OR \\'1\\'=\\'1'")


def test_literal_binds_of_the_example_runs_and_json_has_no_literal_renderer(backend):
    out = lines("seeing_sql.literal_binds", backend)
    assert (
        "WHERE event.title = 'Bob''s party' AND event.day = '2025-01-31' "
        "AND event.id IN (1, 2, 3)" in out
    )
    assert (
        "No literal value renderer is available for literal value "
        "\"{'theme': 'dark'}\" with datatype JSON" in out
    )
    assert "{'data': {'theme': 'dark'}}" in out


def test_count_statements_counts_what_the_engine_sends_and_misses_the_rest(backend):
    ns = run_snippet("seeing_sql.count_statements", backend).namespace
    assert len(ns["sent"]) == 1 and ns["sent"][0].startswith("INSERT")
    engine = ns["engine"]
    with Session(engine) as session:
        # three rows in one executemany: one statement
        seen_many = []
        event.listen(
            engine,
            "before_cursor_execute",
            lambda *args: seen_many.append(args[-1]),
        )
        with count_statements(engine) as sent:
            session.execute(insert(User), [{"name": "X"}, {"name": "Y"}, {"name": "Z"}])
        assert len(sent) == 1
        session.rollback()
    assert seen_many == [True]  # sent with the executemany flag
    # thousands of rows in one execute(): still one statement, on every backend
    with Session(engine) as session, count_statements(engine) as sent:
        session.execute(insert(User), [{"name": f"n{i}"} for i in range(2500)])
        session.rollback()
    assert len(sent) == 1
    # objects added to the session: one INSERT per object on SQLite, per 1,000
    # objects on PostgreSQL and MariaDB
    with Session(engine) as session, count_statements(engine) as sent:
        session.add_all([User(name=f"u{i}") for i in range(1001)])
        session.flush()
        session.rollback()
    assert len(sent) == (1001 if backend_name(engine.url) == "sqlite" else 2)
    # BEGIN, COMMIT and ROLLBACK are not counted; SAVEPOINT and RELEASE are
    with Session(engine) as session, count_statements(engine) as sent:
        session.add(User(name="Heidi"))
        with session.begin_nested():
            session.add(User(name="Ivan"))
        session.rollback()
    assert [" ".join(s.split()[:2]) for s in sent] == [
        "INSERT INTO",
        "SAVEPOINT sa_savepoint_1",
        "INSERT INTO",
        "RELEASE SAVEPOINT",
    ]
    # another connection of the same engine is counted; one of another engine not
    with (
        count_statements(engine) as sent,
        engine.connect() as one,
        engine.connect() as two,
    ):
        one.execute(text("SELECT 1"))
        two.execute(text("SELECT 2"))
    assert len(sent) == 2
    # a listener on one Connection sees only that connection
    seen: list[str] = []
    with engine.connect() as one, engine.connect() as two:
        event.listen(one, "before_cursor_execute", lambda c, cur, s, *a: seen.append(s))
        one.execute(text("SELECT 1"))
        two.execute(text("SELECT 2"))
    assert seen == ["SELECT 1"]
    # the flush at commit: counted when the commit is inside the block
    with Session(engine) as session, count_statements(engine) as sent:
        session.add(User(name="Grace"))
        session.commit()
    assert [s.split()[0] for s in sent] == ["INSERT"]


def test_an_async_engine_takes_its_listeners_on_sync_engine(backend):
    async def main():
        engine = create_async_engine(async_url(backend))
        with pytest.raises(
            NotImplementedError,
            match="asynchronous events are not implemented at this time.  Apply "
            "synchronous listeners to the AsyncEngine.sync_engine",
        ):
            event.listen(engine, "before_cursor_execute", lambda *args: None)
        with count_statements(engine.sync_engine) as sent:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        await engine.dispose()
        return sent

    assert asyncio.run(main()) == ["SELECT 1"]


def test_the_log_says_generated_cached_and_raw_sql(backend, no_echo_handler):
    out = lines("seeing_sql.statement_cache", backend)
    out = out[out.index("<time> INFO sqlalchemy.engine.Engine BEGIN (implicit)") :]
    notes = [
        line.split("] ")[0].split("[", 1)[1]
        for line in out
        if "…s" in line or "[raw sql]" in line
    ]
    assert notes == [
        "generated in …s",
        "cached since …s ago",
        "generated in …s",
        "generated in …s",
        "raw sql",
    ]
    # text() with a parameter instead of an f-string: cached like select()
    notes: list[str] = []
    engine = create_engine(backend)
    event.listen(
        engine,
        "after_cursor_execute",
        lambda conn, cur, stmt, params, context, many: notes.append(
            context._get_cache_stats().split(" ")[0]
        ),
    )
    with engine.connect() as connection:
        for name in ["Alice", "Bob"]:
            connection.execute(text("SELECT :name AS name"), {"name": name})
    engine.dispose()
    assert notes == ["generated", "cached"]
    # the cache is the engine's: another engine compiles again; none without one
    for options, first, second in (
        ({}, "generated in ", "cached since "),
        ({"query_cache_size": 0}, "caching disabled ", "caching disabled "),
    ):
        notes.clear()
        other = create_engine(backend, **options)
        event.listen(
            other,
            "after_cursor_execute",
            lambda conn, cur, stmt, params, context, many: notes.append(
                context._get_cache_stats()
            ),
        )
        with other.connect() as connection:
            for name in ["Alice", "Bob"]:
                connection.execute(text("SELECT :name AS name"), {"name": name})
        other.dispose()
        assert notes[0].startswith(first) and notes[1].startswith(second)


def test_a_type_decorator_without_cache_ok_warns_and_is_never_cached(
    backend, no_echo_handler
):
    out = printed("seeing_sql.cache_warnings", backend)
    warning = (
        "TypeDecorator Lowercase(length=50) will not produce a cache key because "
        "the ``cache_ok`` attribute is not set to True\n"
    )
    error, fix = out.split(warning)
    assert error.count("[no key …s]") == 2 and "[generated in" not in error
    assert "[generated in …s]" in fix and "[cached since …s ago]" in fix
    assert fix.endswith("\n0\n")  # no warning once cache_ok is True

    class Written(TypeDecorator):  # cache_ok in the class body: the same
        impl = String(50)
        cache_ok = True

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stmt = select(User.id).where(User.name.cast(Written()) == "a")
        assert stmt._generate_cache_key() is not None

    class Declined(TypeDecorator):  # cache_ok = False: no cache, no warning
        impl = String(50)
        cache_ok = False

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stmt = select(User.id).where(User.name.cast(Declined()) == "a")
        assert stmt._generate_cache_key() is None

    class Unwritten(TypeDecorator):
        impl = String(50)

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        stmt = select(User.id).where(User.name.cast(Unwritten()) == "a")
        assert stmt._generate_cache_key() is None


def test_a_construct_without_inherit_cache_warns_and_is_never_cached(backend):
    class utcnow(FunctionElement):
        type = String()

    @compiles(utcnow)
    def render(element, compiler, **kw):
        return "CURRENT_TIMESTAMP"

    engine = create_engine(backend)
    try:
        with (
            warnings.catch_warnings(record=True) as caught,
            engine.connect() as connection,
        ):
            warnings.simplefilter("always")
            connection.execute(select(utcnow()))
        messages = [str(w.message) for w in caught if w.category is SAWarning]
        assert messages[0].startswith(
            "Class utcnow will not make use of SQL compilation caching as it does "
            "not set the 'inherit_cache' attribute to ``True``."
        )
        assert select(utcnow())._generate_cache_key() is None

        class utcnow_cached(FunctionElement):
            type = String()
            inherit_cache = True

        @compiles(utcnow_cached)
        def render_cached(element, compiler, **kw):
            return "CURRENT_TIMESTAMP"

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with engine.connect() as connection:
                connection.execute(select(utcnow_cached()))
            assert select(utcnow_cached())._generate_cache_key() is not None
    finally:
        engine.dispose()
