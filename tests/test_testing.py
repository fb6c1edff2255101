"""Every claim of docs/testing.md, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, event, inspect, make_url, select, text
from sqlalchemy.exc import IntegrityError, InvalidRequestError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from snippets.states.model import Base, User
from snippets.testing.fixture import session_for_a_test
from snippets.testing.sqlite_fix import begin_for_real
from tests.conftest import backend_name, require_server, rows_seen_elsewhere
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK", "SAVE")
SQL += ("RELEASE",)


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


@pytest.fixture
def test_engine(backend):
    """An engine on `backend` as the chapter's recipe makes it: with the SQLite fix."""
    engine = create_engine(backend)
    if engine.dialect.name == "sqlite":
        begin_for_real(engine)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_what_the_code_under_test_committed_is_gone_after_the_test(backend):
    assert printed("testing.rolled_back", backend) == [
        "['Alice']",
        "0",
        "False",
        "['Alice']",
        "0",
    ]
    assert rows_seen_elsewhere(backend) == []


def test_the_codes_commit_releases_a_savepoint_and_its_rollback_returns_to_one(
    backend, sql_log
):
    run_snippet("testing.rolled_back", backend)
    sent = [s.split()[0] for s in sql_log.statements]
    assert "COMMIT" not in sent[sent.index("SAVEPOINT") :]  # no real commit
    statements = " | ".join(sql_log.statements)
    assert "RELEASE SAVEPOINT sa_savepoint_1" in statements
    assert "ROLLBACK TO SAVEPOINT sa_savepoint_2" in statements
    engine = create_engine(backend)
    if engine.dialect.name == "sqlite":
        begin_for_real(engine)
    with session_for_a_test(engine) as session:
        session.add(User(name=None))
        with pytest.raises(IntegrityError):
            session.commit()
        # the failed INSERT itself went back to the savepoint, before rollback()
        assert sql_log.statements[-1].startswith("ROLLBACK TO SAVEPOINT")
        session.rollback()
    engine.dispose()


def test_with_the_fix_sqlite_begins_before_the_first_savepoint(tmp_path, sql_log):
    run_snippet("testing.rolled_back", f"sqlite:///{tmp_path / 'fixed.db'}")
    first_savepoint = next(
        i for i, s in enumerate(sql_log.statements) if s.startswith("SAVEPOINT")
    )
    assert "BEGIN" in sql_log.statements[first_savepoint - 3 : first_savepoint]


def test_in_the_default_mode_a_rollback_in_the_code_ends_the_tests_transaction(
    backend, sql_log
):
    lines = printed("testing.default_mode", backend)
    after_setup = sql_log.statements[sql_log.statements.index("BEGIN") :]
    alice = next(i for i, s in enumerate(after_setup) if "INSERT" in s)
    kinds = [s.split()[0] for s in after_setup[alice:]]
    kinds = [k for i, k in enumerate(kinds) if k != "BEGIN" or kinds[i - 1] != k]
    # Alice's commit sends nothing; the failed INSERT rolls back; Bob commits
    assert kinds[:6] == ["INSERT", "INSERT", "ROLLBACK", "BEGIN", "INSERT", "COMMIT"]
    assert lines == ["SAWarning transaction already deassociated from connection", "1"]
    assert rows_seen_elsewhere(backend) == ["Bob"]  # committed for real


def test_on_sqlite_without_the_fix_commits_escape_the_test(backend):
    left = {"sqlite": "1", "postgresql": "0", "mariadb": "0"}[backend_name(backend)]
    assert printed("testing.sqlite_pitfall", backend) == [left]
    engine = create_engine(backend)  # without the fix
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with session_for_a_test(engine) as session:
        for name in ("Alice", "Bob"):
            session.add(User(name=name))
            session.commit()
    expected = ["Alice", "Bob"] if backend_name(backend) == "sqlite" else []
    assert rows_seen_elsewhere(backend) == expected
    engine.dispose()


def test_on_mariadb_ddl_in_the_code_under_test_commits_the_tests_transaction(
    test_engine, backend
):
    with test_engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS scratch")
    mariadb = backend_name(backend) == "mariadb"
    try:
        with session_for_a_test(test_engine) as session:
            session.add(User(name="Alice"))
            session.commit()
            session.execute(text("CREATE TABLE scratch (id INTEGER)"))
            session.add(User(name="Bob"))
            if mariadb:
                with pytest.raises(OperationalError) as raised:
                    session.commit()  # its savepoint went with the implicit commit
                assert raised.value.orig.args[0] == 1305
                assert raised.value.orig.args[1].endswith("does not exist")
            else:
                session.commit()
        assert rows_seen_elsewhere(backend) == (["Alice"] if mariadb else [])
        assert inspect(test_engine).has_table("scratch") is mariadb  # rolled back
    finally:
        with test_engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS scratch")


def test_a_sessionmaker_bound_to_the_connection_keeps_the_codes_sessions_inside(
    backend,
):
    assert printed("testing.factory", backend) == ["['Alice', 'Bob']", "0"]
    assert rows_seen_elsewhere(backend) == []


def test_a_session_the_code_makes_from_the_engine_is_outside_the_test(backend):
    engine = create_engine(backend, connect_args={"timeout": 0.2})
    if backend_name(backend) != "sqlite":
        engine = create_engine(backend)
    else:
        begin_for_real(engine)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with session_for_a_test(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        with Session(engine) as its_own:  # not the test's connection
            its_own.add(User(name="Bob"))
            if backend_name(backend) == "sqlite":
                with pytest.raises(OperationalError, match="database is locked"):
                    its_own.commit()
            else:
                its_own.commit()
    expected = [] if backend_name(backend) == "sqlite" else ["Bob"]
    assert rows_seen_elsewhere(backend) == expected
    with session_for_a_test(engine) as session:
        session.scalars(select(User)).all()  # the test only reads
        with Session(engine) as its_own:
            its_own.add(User(name="Carol"))
            if backend_name(backend) == "sqlite":  # a read is enough to lock
                with pytest.raises(OperationalError, match="database is locked"):
                    its_own.commit()
            else:
                its_own.commit()
    # SQLite: the failed COMMIT left its transaction open in the pool; close it
    engine.dispose()
    expected = [] if backend_name(backend) == "sqlite" else ["Bob", "Carol"]
    assert rows_seen_elsewhere(backend) == expected


def test_begin_after_the_session_began_raises_and_committing_first_fixes_it(
    test_engine, backend, sql_log
):
    lines = printed("testing.already_begun", backend)
    assert lines == [
        "InvalidRequestError",
        "A transaction is already begun on this Session.",
        "Alicia",
    ]
    assert rows_seen_elsewhere(backend) == []
    with session_for_a_test(test_engine) as session:
        alice = User(name="Alice")
        session.add(alice)
        session.commit()
        assert not session.in_transaction()
        _ = alice.id  # read after the commit: loaded again, in a new transaction
        assert sql_log.kinds()[-2:] == ("SAVEPOINT", "SELECT")
        with pytest.raises(InvalidRequestError, match="already begun"):
            session.begin()


def test_the_error_has_no_code_and_any_use_of_the_session_begins_its_transaction(
    test_engine, sql_log
):
    with Session(test_engine) as session:
        sql_log.clear()
        session.add(User(name="Alice"))  # no SQL, yet the transaction has begun
        assert sql_log.kinds() == () and session.in_transaction()
        with pytest.raises(InvalidRequestError) as raised:
            session.begin()
        assert type(raised.value) is InvalidRequestError
        assert raised.value.code is None
        session.commit()
        assert not session.in_transaction()
        alice = session.scalars(select(User)).one()  # a query begins it too
        session.commit()
        _ = alice.name  # and so does reading an attribute the commit expired
        assert session.in_transaction()
        with pytest.raises(InvalidRequestError, match="already begun"):
            session.begin()
        session.rollback()
        with session.begin():  # nothing begun: begin() works
            session.add(User(name="Bob"))
    assert sorted(rows_seen_elsewhere(str(test_engine.url))) == ["Alice", "Bob"]


def test_a_session_begun_at_the_start_commits_at_the_end_of_the_block(test_engine):
    with Session(test_engine) as session, session.begin():
        session.add(User(name="Alice"))
        assert session.scalars(select(User.name)).all() == ["Alice"]
    assert rows_seen_elsewhere(str(test_engine.url)) == ["Alice"]


def test_the_codes_own_session_waits_for_the_row_the_test_has_written(backend):
    lines = printed("testing.lock_wait", backend)
    expected = {
        "sqlite": "database is locked",
        "postgresql": "canceling statement due to lock timeout",
        "mariadb": "(1205, 'Lock wait timeout exceeded; try restarting transaction')",
    }[backend_name(backend)]
    # a lock wait that ran out, not another error
    assert lines[0].splitlines()[0] == expected
    assert rows_seen_elsewhere(backend) == ["Alice"]  # neither change stayed


def test_without_a_lock_timeout_postgresql_waits_without_end_and_mariadb_50_s(
    backend,
):
    plain = make_url(backend).difference_update_query(["options", "init_command"])
    engine = create_engine(plain)  # the server's and the driver's defaults
    with engine.connect() as connection:
        if backend_name(backend) == "postgresql":
            assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == "0"
            assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
        elif backend_name(backend) == "mariadb":
            wait = connection.exec_driver_sql("SELECT @@innodb_lock_wait_timeout")
            assert wait.scalar() == 50  # seconds, then error 1205
        else:  # Python's sqlite3 waits up to 5 seconds, then "database is locked"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    engine.dispose()


def engine_setting_lock_timeout(url: str, commit: bool):
    """An engine on `url` (without its own lock timeout) whose new connections run
    SET lock_timeout = '1s', and commit it if `commit`."""
    engine = create_engine(make_url(url).difference_update_query(["options"]))

    @event.listens_for(engine, "connect")
    def give_up_after_one_second(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("SET lock_timeout = '1s'")
        cursor.close()
        if commit:
            dbapi_connection.commit()

    return engine


@pytest.mark.server("postgresql")
def test_postgresql_keeps_a_set_made_on_connect_only_once_committed():
    url = require_server("postgresql")
    for commit, kept in ((False, "0"), (True, "1s")):
        engine = engine_setting_lock_timeout(url, commit)
        with engine.connect() as connection:  # returned: the pool rolls back
            assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == "1s"
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == kept
        engine.dispose()


def test_sessions_from_the_factory_take_the_tests_locks_as_their_own(
    test_engine, backend
):
    with Session(test_engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    # a short lock timeout: a wait would fail in a second instead of hanging
    lock_timeout = {
        "sqlite": "PRAGMA busy_timeout = 1000",
        "postgresql": "SET lock_timeout = '1s'",
        "mariadb": "SET SESSION innodb_lock_wait_timeout = 1",
    }[backend_name(backend)]
    test_engine.dispose()

    @event.listens_for(test_engine, "connect")
    def give_up_after_one_second(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute(lock_timeout)
        cursor.close()
        dbapi_connection.commit()

    with test_engine.connect() as connection:
        transaction = connection.begin()
        new_session = sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint"
        )
        with new_session() as session:  # the test changes Alice
            session.get(User, 1).name = "Alicia"
            session.commit()
        with new_session() as session:  # the code under test changes her again
            session.get(User, 1).name = "Al"
            session.commit()  # no wait: the lock is held by the same connection
        with new_session() as session:
            assert session.get(User, 1).name == "Al"
        transaction.rollback()
    assert rows_seen_elsewhere(backend) == ["Alice"]
