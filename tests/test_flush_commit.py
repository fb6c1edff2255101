"""Every claim of docs/flush_commit.md, on every backend."""

from __future__ import annotations

import pytest
import sqlalchemy
from sqlalchemy import create_engine, event, func, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError, PendingRollbackError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import count_elsewhere
from tests.backend_facts import FACTS, MEASURES
from tests.conftest import backend_name, require_server, rows_seen_elsewhere
from tests.outputs import run_snippet


def test_flush_then_commit_snippet_leaves_one_committed_row(backend):
    run_snippet("flush_commit.flush_then_commit", backend)
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_flush_sends_sql_that_only_commit_makes_visible(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.flush()
        assert "INSERT" in sql_log.kinds()
        assert "COMMIT" not in sql_log.kinds()
        assert count_elsewhere(engine, User) == 0
        session.commit()
        assert sql_log.kinds()[-1] == "COMMIT"
    assert count_elsewhere(engine, User) == 1


def test_commit_flushes_first(engine):
    flushes = []
    with Session(engine) as session:
        event.listen(session, "after_flush", lambda *args: flushes.append(1))
        session.add(User(name="Alice"))
        session.commit()
    assert flushes == [1]


def test_rollback_after_flush_removes_the_row(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.flush()
        session.rollback()
    assert count_elsewhere(engine, User) == 0


def test_rollback_after_commit_undoes_nothing(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        session.rollback()
    assert count_elsewhere(engine, User) == 1


def test_ids_exist_after_flush_without_a_select(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.flush()
        sql_log.clear()
        assert user.id == 1
        assert sql_log.kinds() == ()


def test_reading_the_id_after_commit_costs_a_select(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        sql_log.clear()
        assert user.id == 1
        assert sql_log.kinds() == ("BEGIN", "SELECT")


def test_the_id_after_commit_is_free_without_expiry_and_raises_bhk3_after_close(
    engine, sql_log
):
    with Session(engine, expire_on_commit=False) as session:
        kept = User(name="Alice")
        session.add(kept)
        session.commit()
        sql_log.clear()
        assert kept.id == 1
        assert sql_log.kinds() == ()  # nothing expired, nothing to load
    with Session(engine) as session:
        closed = User(name="Bob")
        session.add(closed)
        session.commit()
    with pytest.raises(DetachedInstanceError) as raised:
        _ = closed.id  # expired by the commit, and no session left to load it
    assert raised.value.code == "bhk3"


def test_primary_keys_snippet_numbers_the_rows(backend):
    ns = run_snippet("flush_commit.primary_keys", backend).namespace
    assert (ns["alice"].id, ns["bob"].id, ns["carol"].id) == (1, 2, 3)


def test_a_query_flushes_pending_objects_first(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        assert session.scalars(select(User.name)).all() == ["Alice"]
        assert sql_log.kinds() == ("BEGIN", "INSERT", "SELECT")


def test_no_autoflush_leaves_pending_objects_out_of_queries(backend):
    ns = run_snippet("flush_commit.autoflush", backend).namespace
    assert ns["names"] == ["Alice"]
    assert rows_seen_elsewhere(backend) == []  # the session was never committed


def test_session_with_autoflush_off_does_not_flush_for_a_query(engine, sql_log):
    with Session(engine, autoflush=False) as session:
        session.add(User(name="Alice"))
        assert session.scalars(select(User.name)).all() == []
        assert "INSERT" not in sql_log.kinds()


def test_savepoint_rollback_undoes_only_the_nested_part(backend):
    ns = run_snippet("flush_commit.savepoint", backend).namespace
    assert state_of(ns["bob"]) == "transient"
    assert rows_seen_elsewhere(backend) == ["Alice", "Carol"]


def test_a_savepoint_opening_the_transaction_escapes_it_only_on_sqlite(backend):
    ns = run_snippet("flush_commit.sqlite_savepoint", backend).namespace
    escaped = backend_name(backend) == "sqlite"
    assert ns["names"] == (["Alice"] if escaped else [])
    assert ns["fixed_names"] == []  # the fixed SQLite engine


def test_a_savepoint_after_reads_only_escapes_the_transaction_on_sqlite(
    engine, backend
):
    with Session(engine) as session:
        assert session.scalars(select(User)).all() == []  # a read, no write yet
        with session.begin_nested():
            session.add(User(name="Alice"))
        session.rollback()
    escaped = backend_name(backend) == "sqlite"
    assert rows_seen_elsewhere(backend) == (["Alice"] if escaped else [])


@pytest.mark.parametrize("fact", FACTS)
def test_backend_fact(fact, engine, backend):
    assert MEASURES[fact](engine) == FACTS[fact][backend_name(backend)]


def test_the_isolation_level_example_prints_the_backends_default(backend):
    printed = [
        text for _, text in run_snippet("flush_commit.isolation_level", backend).printed
    ]
    assert printed == [FACTS["Default isolation level"][backend_name(backend)] + "\n"]


def test_flush_with_nothing_to_send_sends_nothing(engine, sql_log):
    with Session(engine) as session:
        session.flush()
        assert sql_log.kinds() == ()


def test_a_constraint_error_surfaces_at_the_query_that_autoflushes(engine):
    with Session(engine) as session:
        session.add(User(id=1, name="Alice"))
        session.commit()
        session.add(User(id=1, name="Alice again"))  # no error yet
        with pytest.raises(IntegrityError):
            session.scalars(select(User.name)).all()


def test_commit_with_nothing_begun_sends_nothing(engine, sql_log):
    with Session(engine) as session:
        session.commit()
    assert sql_log.kinds() == ()


ON_2_0 = sqlalchemy.__version__.startswith("2.0.")


@pytest.mark.parametrize("kind", ["text", "table"])
def test_only_2_1_flushes_before_text_and_plain_table_statements(kind, engine):
    table = User.__table__
    statement = {
        "text": text("SELECT count(*) FROM user_account"),
        "table": select(func.count()).select_from(table),
    }[kind]
    with Session(engine) as session:
        session.add(User(name="Alice"))
        seen = session.scalar(statement)
        assert (seen, len(session.new)) == ((0, 1) if ON_2_0 else (1, 0))


def test_an_autoflush_error_names_its_statement_and_no_autoflush_only_postpones_it(
    engine,
):
    with Session(engine) as session:
        session.add(User(id=1, name="Alice"))
        session.commit()
        session.add(User(id=1, name="Alice again"))
        with pytest.raises(IntegrityError) as raised:
            session.scalars(select(User.name)).all()
        message = str(raised.value)
        assert "[SQL: INSERT INTO user_account (id, name) VALUES" in message
        assert "'Alice again'" in message.split("[parameters: ")[1]
        session.rollback()
        session.add(User(id=1, name="Alice again"))
        with session.no_autoflush:
            assert session.scalars(select(User.name)).all() == ["Alice"]
        with pytest.raises(IntegrityError):
            session.commit()


def test_after_an_autoflush_error_the_session_refuses_work_until_rollback(engine):
    with Session(engine) as session:
        session.add(User(id=1, name="Alice"))
        session.commit()
        session.add(User(id=1, name="Alice again"))
        with pytest.raises(IntegrityError):
            session.scalars(select(User.name)).all()
        with pytest.raises(PendingRollbackError) as raised:
            session.scalars(select(User.name)).all()
        assert raised.value.code == "7s2a"
        session.rollback()
        assert session.scalars(select(User.name)).all() == ["Alice"]
        assert not session.new  # the rollback let go of the failed object


def test_a_savepoint_block_left_by_an_exception_rolls_back_only_the_savepoint(
    engine, backend, sql_log
):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.flush()
        with pytest.raises(LookupError), session.begin_nested():
            session.add(User(name="Bob"))
            session.flush()
            raise LookupError("something went wrong")
        assert sql_log.statements[-1].startswith("ROLLBACK TO SAVEPOINT")
        session.commit()
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_the_sqlite_savepoint_fix_makes_a_read_hold_its_lock_until_the_end(tmp_path):
    """With a real BEGIN, a session that has read keeps another connection from
    committing a write; without it (the driver's default) the write goes through."""
    url = f"sqlite:///{tmp_path / 'locks.db'}"
    for fixed in (False, True):
        engine = create_engine(url)
        if fixed:
            event.listen(
                engine,
                "connect",
                lambda dbapi_connection, record: setattr(
                    dbapi_connection, "isolation_level", None
                ),
            )
            event.listen(
                engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN")
            )
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(User(name="Alice"))
            session.commit()
        writer = create_engine(url, connect_args={"timeout": 0})
        with Session(engine) as session:
            assert session.scalars(select(User.name)).all() == ["Alice"]
            if fixed:
                with (
                    pytest.raises(OperationalError, match="database is locked"),
                    writer.begin() as connection,
                ):
                    connection.execute(update(User).values(name="Bob"))
            else:
                with writer.begin() as connection:
                    connection.execute(update(User).values(name="Bob"))
        writer.dispose()
        engine.dispose()


@pytest.mark.server("mariadb")
def test_repeatable_read_keeps_plain_reads_but_writes_see_the_latest_commit():
    url = require_server("mariadb")
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(User(name="Alice"))
            session.commit()
            assert session.scalar(select(User.name)) == "Alice"  # the snapshot
            with engine.begin() as elsewhere:
                elsewhere.execute(update(User).values(name="Alicia"))
            assert session.scalar(select(User.name)) == "Alice"
            locking = select(User.name).with_for_update()
            assert session.scalar(locking) == "Alicia"
            changed = session.execute(
                update(User).where(User.name == "Alicia").values(name="Alicia B.")
            )
            assert changed.rowcount == 1
            assert session.scalar(select(User.name)) == "Alicia B."
            session.rollback()
    finally:
        engine.dispose()


@pytest.mark.server("mariadb")
def test_with_snapshot_isolation_mariadb_refuses_writes_to_rows_changed_since_the_read():
    """innodb_snapshot_isolation: off by default on MariaDB 10.11, on from 11.6.2."""
    url = require_server("mariadb")
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def snapshot_isolation(dbapi_connection, record):
        cursor = dbapi_connection.cursor()
        cursor.execute("SET SESSION innodb_snapshot_isolation = ON")
        cursor.close()

    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(User(name="Alice"))
            session.commit()
            writes = [
                select(User.name).with_for_update(),
                update(User).where(User.id == 1).values(name="Alicia B."),
            ]
            for number, write in enumerate(writes):
                session.scalar(select(User.name))  # the snapshot
                with engine.begin() as elsewhere:
                    elsewhere.execute(update(User).values(name=f"Alicia {number}"))
                with pytest.raises(OperationalError) as raised:
                    session.execute(write)
                assert raised.value.orig.args[0] == 1020
                assert raised.value.orig.args[1] == (
                    "Record has changed since last read in table 'user_account'; "
                    "try restarting transaction"
                )
                session.rollback()
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_each_connection_to_in_memory_sqlite_has_a_database_of_its_own():
    first, second = create_engine("sqlite://"), create_engine("sqlite://")
    Base.metadata.create_all(first)
    with first.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(User)) == 0
    with second.connect() as connection, pytest.raises(OperationalError):
        connection.scalar(select(func.count()).select_from(User))  # no such table
    first.dispose()
    second.dispose()
