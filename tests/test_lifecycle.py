"""Every claim of docs/lifecycle.md, on every backend."""

from __future__ import annotations

import warnings

import sqlalchemy
from sqlalchemy import select
from sqlalchemy.orm import Query, Session

from snippets.states.model import User
from snippets.states.state_of import state_of
from tests.conftest import rows_seen_elsewhere
from tests.outputs import run_snippet


def test_five_steps_send_one_insert_with_the_final_name(backend, sql_log):
    ns = run_snippet("lifecycle.five_steps", backend).namespace
    inserts = [s for s in sql_log.statements if s.startswith("INSERT")]
    assert len(inserts) == 1
    assert not [s for s in sql_log.statements if s.startswith("UPDATE")]
    assert state_of(ns["user"]) == "detached"
    assert rows_seen_elsewhere(backend) == ["Alice Smith"]


def test_querying_with_select_scalars_execute_and_get(backend):
    ns = run_snippet("lifecycle.querying", backend).namespace
    assert [user.name for user in ns["users"]] == ["Alice", "Bob"]
    assert [tuple(row) for row in ns["rows"]] == [(2, "Bob")]
    assert ns["bob"].name == "Bob"


def test_legacy_query_finds_the_same_object_and_warns_nothing(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            legacy = session.query(User).filter_by(name="Alice").first()
        assert isinstance(session.query(User), Query)
        modern = session.scalars(select(User).filter_by(name="Alice")).first()
        assert legacy is modern


def test_legacy_query_snippet_runs(backend):
    ns = run_snippet("lifecycle.legacy_query", backend).namespace
    assert ns["legacy"] is ns["modern"]


def test_rollback_restores_attributes_from_the_database(backend):
    ns = run_snippet("lifecycle.rollback_restores", backend).namespace
    assert ns["user"].name == "Alice"
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_close_returns_the_connection_and_the_session_can_be_used_again(
    engine, backend
):
    session = Session(engine)
    session.add(User(name="Alice"))
    session.flush()
    assert engine.pool.checkedout() == 1
    session.close()
    assert engine.pool.checkedout() == 0
    session.add(User(name="Bob"))
    session.commit()
    assert rows_seen_elsewhere(backend) == ["Bob"]


def test_only_legacy_query_and_2_0_loads_by_key_label_columns(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    with Session(engine) as session:
        sql_log.clear()
        session.scalars(select(User)).all()
        session.query(User).all()
        session.expunge_all()
        session.get(User, 1)
    modern, legacy, by_key = [s for s in sql_log.statements if s.startswith("SELECT")]
    assert " AS user_account_id" not in modern
    assert " AS user_account_id" in legacy
    assert (" AS user_account_id" in by_key) == sqlalchemy.__version__.startswith("2.0")
