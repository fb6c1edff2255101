"""Every claim of docs/expiry.md, on every backend."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import inspect, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.states.model import User
from tests.outputs import run_snippet


def selects(sql_log) -> list[str]:
    return [s for s in sql_log.statements if s.startswith("SELECT user_account")]


def test_after_commit_each_object_reloads_with_its_own_select(backend, sql_log):
    run_snippet("expiry.expire_on_commit", backend)
    assert len(selects(sql_log)) == 2


def test_expire_on_commit_false_keeps_values_and_they_go_stale(engine, sql_log):
    with Session(engine, expire_on_commit=False) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        sql_log.clear()
        assert user.name == "Alice"
        assert sql_log.kinds() == ()
        with engine.begin() as elsewhere:
            elsewhere.execute(update(User).values(name="Alicia"))
        assert user.name == "Alice"
        session.refresh(user)
        assert user.name == "Alicia"


def test_keep_values_snippet_ends_with_the_fresh_value(backend):
    ns = run_snippet("expiry.keep_values_after_commit", backend).namespace
    assert ns["user"].name == "Alicia"


def test_expire_waits_for_access_and_refresh_loads_at_once(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        sql_log.clear()
        session.expire(user)
        assert sql_log.kinds() == ()
        assert user.name == "Alice"
        assert len(selects(sql_log)) == 1
        session.refresh(user)
        assert len(selects(sql_log)) == 2


def test_partial_expiry_reloads_only_the_named_columns(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        session.expire(user, ["name"])
        assert inspect(user).expired_attributes == {"name"}
        sql_log.clear()
        assert user.name == "Alice"
        (statement,) = selects(sql_log)
        assert re.match(
            r"SELECT user_account.name( AS user_account_name)? FROM", statement
        )


def test_expire_and_refresh_snippet_runs(backend, sql_log):
    ns = run_snippet("expiry.expire_and_refresh", backend).namespace
    assert ns["user"].name == "Alice"
    assert re.match(
        r"SELECT user_account.name( AS user_account_name)? FROM", selects(sql_log)[-1]
    )


def test_reading_an_expired_attribute_after_close_raises_bhk3(backend):
    ns = run_snippet("expiry.detached_instance_error", backend).namespace
    with pytest.raises(DetachedInstanceError) as raised:
        _ = ns["user"].name
    assert raised.value.code == "bhk3"
    assert "is not bound to a Session; attribute refresh operation cannot proceed" in (
        str(raised.value)
    )


@pytest.mark.parametrize(
    "name, value",
    [
        ("kept", "Alice Smith"),
        ("loaded", "Alice Jones"),
        ("refreshed", "Alice Brown"),
    ],
)
def test_each_way_out_leaves_a_readable_detached_object(backend, name, value):
    ns = run_snippet("expiry.detached_ways_out", backend).namespace
    obj = ns[name]
    assert inspect(obj).detached
    assert not inspect(obj).expired_attributes
    assert obj.name == value


def test_keeping_the_session_open_reads_the_committed_value(backend):
    ns = run_snippet("expiry.detached_ways_out", backend).namespace
    assert ns["user"].name == "Alice Green"
