"""Every claim of docs/expiry.md, on every backend."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, inspect, select, update
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, defer, load_only
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.relationships.author_book import Author, Base, Book
from snippets.states.model import User
from snippets.states.state_of import state_of
from tests.conftest import backend_name
from tests.outputs import run_snippet


def selects(sql_log) -> list[str]:
    return [s for s in sql_log.statements if s.startswith("SELECT user_account")]


def test_after_commit_each_object_reloads_with_its_own_select(backend, sql_log):
    run_snippet("expiry.expire_on_commit", backend)
    assert len(selects(sql_log)) == 2


def test_one_query_reloads_every_expired_object_it_returns(engine, sql_log):
    with Session(engine) as session:
        users = [User(name="Alice"), User(name="Bob")]
        session.add_all(users)
        session.commit()
        sql_log.clear()
        session.scalars(select(User)).all()
        assert len(selects(sql_log)) == 1
        assert [user.name for user in users] == ["Alice", "Bob"]
        assert len(selects(sql_log)) == 1  # the names came with the query


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


def test_with_expire_on_commit_false_a_new_query_keeps_the_stale_values(engine):
    with Session(engine, expire_on_commit=False) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        with engine.begin() as elsewhere:
            elsewhere.execute(update(User).values(name="Alicia"))
        again = session.scalars(select(User)).one()  # the row says Alicia
        assert again is user and user.name == "Alice"  # the object wins
        fresh = select(User).execution_options(populate_existing=True)
        assert session.scalars(fresh).one().name == "Alicia"


def test_refresh_reads_what_the_transaction_sees_a_snapshot_on_mariadb(engine, backend):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)  # this transaction has read
        with engine.begin() as elsewhere:
            elsewhere.execute(update(User).values(name="Alicia"))
        session.refresh(user)
        snapshot = backend_name(backend) == "mariadb"
        assert user.name == ("Alice" if snapshot else "Alicia")
        session.commit()
        session.refresh(user)  # a new transaction: the latest commit
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


def test_expire_and_refresh_throw_away_changes_not_yet_flushed(backend, sql_log):
    run = run_snippet("expiry.expire_discards_changes", backend)
    assert "False Alice\n" in [text for _, text in run.printed]
    assert "UPDATE" not in sql_log.kinds()
    ns = run.namespace
    with Session(ns["engine"]) as session:
        user = session.get(User, 1)
        user.name = "Alicia"
        session.refresh(user)
        assert user.name == "Alice" and not session.is_modified(user)
        session.commit()
    assert "UPDATE" not in sql_log.kinds()


def test_expire_on_commit_false_does_not_keep_values_through_a_rollback(engine):
    with Session(engine, expire_on_commit=False) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        assert not inspect(user).expired_attributes  # the commit kept the values
        session.execute(select(User.id))  # a new transaction begins
        session.rollback()  # as an error handler would
    with pytest.raises(DetachedInstanceError) as raised:
        _ = user.name
    assert raised.value.code == "bhk3"


def test_a_rollback_with_nothing_begun_since_the_commit_expires_nothing(
    engine, sql_log
):
    with Session(engine, expire_on_commit=False) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        sql_log.clear()
        session.rollback()  # no transaction began since the commit
        assert not inspect(user).expired_attributes
        assert sql_log.kinds() == ()
    assert user.name == "Alice"  # detached, and readable


def test_a_new_session_reads_a_detached_object_through_add_or_the_merged_copy(
    backend,
):
    ns = run_snippet("expiry.detached_instance_error", backend).namespace
    user, engine = ns["user"], ns["engine"]
    with Session(engine) as session:
        merged = session.merge(user)
        assert merged.name == "Alice"
        with pytest.raises(DetachedInstanceError):
            _ = user.name  # the object passed to merge() stays detached
        assert state_of(user) == "detached"
    with Session(engine) as session:
        session.add(user)
        assert user.name == "Alice"


def test_add_refuses_a_detached_object_whose_row_the_new_session_holds(backend):
    ns = run_snippet("expiry.detached_instance_error", backend).namespace
    user, engine = ns["user"], ns["engine"]
    with Session(engine) as session:
        held = session.get(User, 1)
        with pytest.raises(
            InvalidRequestError,
            match=r"^Can't attach instance <User at 0x[0-9a-f]+>; another instance "
            r"with key .* is already present in this session",
        ):
            session.add(user)
        assert state_of(user) == "detached"
        assert session.merge(user) is held  # merge() copies onto the one it holds


def lazy_load_error(parent: str, attribute: str) -> str:
    return (
        rf"^Parent instance <{parent} at 0x[0-9a-f]+> is not bound to a Session; "
        rf"lazy load operation of attribute '{attribute}' cannot proceed"
    )


def test_an_unloaded_relationship_of_a_detached_object_raises_bhk3(backend):
    run = run_snippet("expiry.detached_lazy_load", backend)
    printed = "".join(text for _, text in run.printed)
    assert "Parent instance <Playlist at 0x…> is not bound to a Session; lazy load" in (
        printed
    )
    ns = run.namespace
    with Session(ns["engine"], expire_on_commit=False) as session:
        playlist = session.get(ns["Playlist"], 1)
        session.commit()  # nothing expires, and the tracks were never loaded
    assert not inspect(playlist).expired_attributes
    assert playlist.name == "Road trip"
    with pytest.raises(
        DetachedInstanceError, match=lazy_load_error("Playlist", "tracks")
    ) as raised:
        _ = playlist.tracks
    assert raised.value.code == "bhk3"


@pytest.mark.parametrize("left_out", ["load_only", "defer"])
def test_a_column_left_out_by_load_only_raises_bhk3_with_a_deferred_load_message(
    engine, left_out
):
    option = {"load_only": load_only(User.id), "defer": defer(User.name)}[left_out]
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    with Session(engine) as session:
        user = session.scalars(select(User).options(option)).one()
    assert inspect(user).unloaded == {"name"} and not inspect(user).expired_attributes
    with pytest.raises(
        DetachedInstanceError,
        match=r"^Parent instance <User at 0x[0-9a-f]+> is not bound to a Session; "
        r"deferred load operation of attribute 'name' cannot proceed",
    ) as raised:
        _ = user.name
    assert raised.value.code == "bhk3"


def test_loading_the_relationship_before_the_session_closes_avoids_bhk3(backend):
    ns = run_snippet("expiry.detached_lazy_load", backend).namespace
    titles = ["Roadrunner", "Holiday"]
    assert [track.title for track in ns["playlist"].tracks] == titles  # selectinload
    with Session(ns["engine"]) as session:
        playlist = session.get(ns["Playlist"], 1)
        assert len(playlist.tracks) == 2  # read while the session is open
    assert [track.title for track in playlist.tracks] == titles


def test_refresh_reloads_the_columns_but_leaves_a_lazy_relationship_unloaded(
    backend,
):
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(Author(name="Ursula", books=[Book(title="Dawn")]))
            session.commit()
            author = session.get(Author, 1)
            assert len(author.books) == 1  # loaded
            session.commit()
            session.refresh(author)
            assert inspect(author).unloaded == {"books"}
        assert author.name == "Ursula"
        with pytest.raises(
            DetachedInstanceError, match=lazy_load_error("Author", "books")
        ):
            _ = author.books
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()
