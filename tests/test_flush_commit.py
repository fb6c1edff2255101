"""Every claim of docs/flush_commit.md, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from snippets.flush_commit.backend_facts import FACTS, MEASURES
from snippets.states.model import User
from snippets.states.state_of import state_of
from snippets.support import count_elsewhere
from tests.conftest import backend_name, rows_seen_elsewhere
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


@pytest.mark.parametrize("fact", FACTS)
def test_backend_fact(fact, engine, backend):
    assert MEASURES[fact](engine) == FACTS[fact][backend_name(backend)]


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
