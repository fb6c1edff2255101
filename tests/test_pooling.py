"""Every claim of docs/pooling.md, on the backend it concerns."""

from __future__ import annotations

import inspect
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, TimeoutError
from sqlalchemy.pool import (
    NullPool,
    Pool,
    QueuePool,
    SingletonThreadPool,
)

from snippets.pooling.server_side import alive, kill, server_id
from tests.outputs import run_snippet


def defaults(function) -> dict[str, object]:
    return {
        name: parameter.default
        for name, parameter in inspect.signature(function).parameters.items()
        if parameter.default is not inspect.Parameter.empty
    }


def test_create_engine_picks_the_pool_by_url():
    ns = run_snippet("pooling.which_pool").namespace
    picked = {url: type(create_engine(url).pool) for url in ns["urls"]}
    assert list(picked.values()) == [
        SingletonThreadPool,
        QueuePool,
        QueuePool,
        QueuePool,
    ]


def test_queue_pool_defaults_are_those_of_the_pool_classes(backend):
    pool = run_snippet("pooling.queue_pool_defaults", backend).namespace["pool"]
    queue, base = defaults(QueuePool.__init__), defaults(Pool.__init__)
    assert pool.size() == queue["pool_size"] == 5
    assert pool._max_overflow == queue["max_overflow"] == 10
    assert pool.timeout() == queue["timeout"] == 30.0
    assert pool._recycle == base["recycle"] == -1
    assert pool._pre_ping is base["pre_ping"] is False
    assert queue["use_lifo"] is False
    assert pool._reset_on_return.name == "reset_rollback"


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


def test_connect_event_applies_a_setting_to_every_new_connection():
    engine = run_snippet("pooling.pool_events").namespace["engine"]
    with engine.connect() as connection:  # a new connection, after the dispose
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1


def test_invalidated_and_recycled_connections_are_replaced(backend):
    ns = run_snippet("pooling.invalidate_and_recycle", backend).namespace
    assert ns["reused_after_invalidate"] is False
    assert ns["reused_while_young"] is True
    assert ns["reused_when_old"] is False


def test_a_pool_works_around_a_plain_dbapi_connect_function():
    ns = run_snippet("pooling.pool_without_engine").namespace
    assert isinstance(ns["pool"], QueuePool)
    assert ns["pool"].checkedout() == 0


def test_singleton_thread_pool_gives_each_thread_its_own_memory_database():
    ns = run_snippet("pooling.sqlite_pools").namespace
    here, there = ns["singleton"]
    assert here == 0
    assert there == "no such table: user_account"


def test_static_pool_shares_one_connection_and_its_transaction():
    ns = run_snippet("pooling.sqlite_pools").namespace
    assert ns["static"] == (0, 0)
    assert ns["seen_uncommitted"] == 1  # a second session saw an uncommitted row


def test_null_pool_opens_a_new_connection_every_time(backend):
    ns = run_snippet("pooling.other_pools", backend).namespace
    assert ns["reused"] is False
    assert ns["refusal"] == "connection is already checked out at:"
    assert isinstance(create_engine(backend, poolclass=NullPool).pool, NullPool)


def test_dropped_connection_raises_without_pre_ping_and_not_with_it(server):
    ns = run_snippet("pooling.dropped_connection", server).namespace
    assert ns["invalidated"] is True
    assert ns["replaced"] is True
    assert (ns["answer"], ns["replaced_by_ping"]) == (1, True)


def test_returning_a_connection_rolls_back_its_transaction(server):
    ns = run_snippet("pooling.reset_on_return", server).namespace
    assert ns["open_before"] is True
    assert (ns["open_after"], ns["rows"]) == (False, 0)
    assert ns["left_open"] == {"rollback": False, None: True}


def test_child_process_gets_a_fresh_pool_after_dispose_close_false(backend):
    ns = run_snippet("pooling.fork", backend).namespace
    assert ns["in_child"] == (0, 1)
    assert ns["process"].exitcode == 0
    assert ns["parent_kept"] == 1  # the parent's pooled connection survived


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
