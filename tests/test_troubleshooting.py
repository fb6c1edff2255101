"""Every entry of docs/troubleshooting.md: the example raises exactly its error, class
and message, on every backend, and the fix works."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import (
    IntegrityError,
    InvalidRequestError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.orm import Session, raiseload
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.pooling.server_side import kill, server_id
from tests.conftest import backend_name
from tests.outputs import run_snippet


def printed(module: str, url: str | None = None) -> list[str]:
    return [text.rstrip("\n") for _, text in run_snippet(module, url).printed]


def test_detached_instance_error_reproduces_bhk3(backend):
    ns = run_snippet("expiry.detached_instance_error", backend).namespace
    with pytest.raises(DetachedInstanceError) as raised:
        _ = ns["user"].name
    assert raised.value.code == "bhk3"
    assert "is not bound to a Session; attribute refresh operation cannot proceed" in (
        str(raised.value)
    )


def test_pool_exhaustion_reproduces_3o7r(backend):
    lines = printed("pooling.exhaustion", backend)
    assert lines[0].startswith("QueuePool limit of size 1 overflow 1 reached")
    assert lines[0].endswith("/3o7r)")
    assert lines[-1] == "2"  # after one close(), checkouts work again


def test_attached_elsewhere_reproduces_and_closing_the_first_session_fixes_it(
    backend,
):
    lines = printed("troubleshooting.attached_elsewhere", backend)
    assert "Object '<User at …>' is already attached to session … (this is …)" in lines
    assert lines[-2:] == ["ROLLBACK", "True"]  # first.close(), then the print
    ns = run_snippet("troubleshooting.attached_elsewhere", backend).namespace
    with Session(ns["engine"]) as first, Session(ns["engine"]) as second:
        user = first.get(ns["User"], 1)
        with pytest.raises(InvalidRequestError, match="is already attached to session"):
            second.add(user)


def test_pending_rollback_reproduces_7s2a_and_rollback_fixes_it(backend):
    ns = run_snippet("troubleshooting.pending_rollback", backend).namespace
    lines = printed("troubleshooting.pending_rollback", backend)
    assert "the flush failed" in lines
    assert (
        "7s2a This Session's transaction has been rolled back due to a previous "
        "exception during flush" in lines
    )
    assert "User(name='Alice')" in lines
    session = Session(ns["engine"])
    session.add(ns["User"](id=1, name="Alicia"))
    with pytest.raises(IntegrityError):
        session.flush()
    with pytest.raises(PendingRollbackError) as raised:
        session.get(ns["User"], 1)
    assert raised.value.code == "7s2a"
    session.rollback()
    assert session.get(ns["User"], 1).name == "Alice"
    session.close()


NOT_NULL = {
    "sqlite": "NOT NULL constraint failed: track.playlist_id",
    "postgresql": 'null value in column "playlist_id"',
    "mariadb": "Column 'playlist_id' cannot be null",
}


def test_integrity_error_on_delete_reproduces_on_every_backend(backend):
    lines = printed("troubleshooting.integrity_error_on_delete", backend)
    assert any(NOT_NULL[backend_name(backend)] in line for line in lines)
    ns = run_snippet("troubleshooting.integrity_error_on_delete", backend).namespace
    assert lines[-2:] == ["[]", "ROLLBACK"]
    with Session(ns["engine"]) as session:
        assert session.scalars(select(ns["Playlist"])).all() == []


def test_integrity_error_class_and_code(backend):
    ns = run_snippet("troubleshooting.integrity_error_on_delete", backend).namespace
    Playlist, Track = ns["Playlist"], ns["Track"]
    with Session(ns["engine"]) as session:
        session.add(Playlist(name="Again", tracks=[Track(title="Holiday")]))
        session.commit()
        session.delete(session.scalars(select(Playlist)).one())
        with pytest.raises(IntegrityError) as raised:
            session.commit()
    assert raised.value.code == "gkpj"


def test_lazy_raise_reproduces_and_a_loader_option_fixes_it(backend):
    lines = printed("loading.raiseload", backend)
    assert "'Author.books' is not available due to lazy='raise'" in lines
    ns = run_snippet("loading.raise_by_default", backend).namespace
    with Session(ns["engine"]) as session:
        query = select(ns["Author"]).options(raiseload(ns["Author"].books))
        author = session.scalars(query.limit(1)).one()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = author.books
    assert printed("loading.raise_by_default", backend)[-2:] == ["2", "ROLLBACK"]


def test_n_plus_one_reproduces_and_selectinload_fixes_it(backend, sql_log):
    run_snippet("loading.n_plus_one", backend)
    per_author = [s for s in sql_log.statements if "FROM book WHERE" in s]
    assert len(per_author) == 3
    sql_log.clear()
    run_snippet("loading.selectin_fix", backend)
    assert len([s for s in sql_log.statements if "FROM book WHERE" in s]) == 1


DROPPED = {
    "postgresql": "terminating connection due to administrator command",
    "mariadb": "Lost connection to MySQL server during query",
}


def test_dropped_connection_reproduces_e3q8_and_pre_ping_fixes_it(server):
    engine = create_engine(server, pool_size=1)
    with engine.connect() as connection:
        victim = server_id(connection)
    kill(engine, victim)
    with pytest.raises(OperationalError) as raised, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert raised.value.code == "e3q8"
    assert DROPPED[backend_name(server)] in str(raised.value.orig)
    assert raised.value.connection_invalidated
    engine.dispose()
    ns = run_snippet("pooling.dropped_connection", server).namespace
    assert (ns["answer"], ns["replaced_by_ping"]) == (1, True)
