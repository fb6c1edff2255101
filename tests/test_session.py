"""Every claim of docs/session.md, on every backend."""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from snippets.states.model import User
from tests.conftest import rows_seen_elsewhere
from tests.outputs import run_snippet


def test_identity_map_returns_one_object_per_row_per_session(backend):
    ns = run_snippet("session.identity_map", backend).namespace
    assert ns["first"] is ns["second"] is ns["third"]


def test_get_of_a_row_already_in_the_identity_map_sends_no_sql(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        sql_log.clear()
        assert session.get(User, 1) is user
        assert sql_log.kinds() == ()


def test_a_query_returns_the_identity_map_object_without_overwriting_changes(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        user.name = "changed in memory"
        with session.no_autoflush:
            again = session.scalars(select(User)).one()
        assert again is user
        assert again.name == "changed in memory"


def test_two_sessions_hold_two_objects_for_one_row(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    with Session(engine) as one, Session(engine) as two:
        assert one.get(User, 1) is not two.get(User, 1)


def test_session_begin_block_commits_on_success_and_rolls_back_on_error(backend):
    ns = run_snippet("session.making_sessions", backend).namespace
    assert rows_seen_elsewhere(backend) == ["Alice", "Bob"]  # not Carol
    assert ns["names"] == ["Alice", "Bob"]


def test_sessionmaker_passes_its_settings_to_every_session(engine):
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session:
        assert session.expire_on_commit is False
        assert session.bind is engine


def test_scoped_session_gives_one_session_per_thread(backend):
    ns = run_snippet("session.scoped", backend).namespace
    assert ns["elsewhere"][0] is not ns["here"]
    registry = scoped_session(sessionmaker(ns["engine"]))
    assert registry() is registry()
    seen = []
    worker = threading.Thread(target=lambda: seen.append(registry()))
    worker.start()
    worker.join()
    assert seen[0] is not registry()
    registry.remove()


def test_per_request_sessions_commit_each_request_on_its_own(backend):
    ns = run_snippet("session.per_request", backend).namespace
    assert ns["list_users"]() == ["Alice", "Bob"]
    assert rows_seen_elsewhere(backend) == ["Alice", "Bob"]
