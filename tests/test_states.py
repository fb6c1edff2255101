"""Every claim of docs/states.md, on every backend."""

from __future__ import annotations

import gc
import re

import pytest
from sqlalchemy import create_engine, func, inspect, select
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import Session, make_transient, make_transient_to_detached
from sqlalchemy.orm.exc import DetachedInstanceError
from sqlalchemy.schema import CreateTable

from snippets.cascades.playlist import playlist_model
from snippets.states.model import Base, User
from snippets.states.model_classic import User as ClassicUser
from snippets.states.state_of import STATES, state_of
from tests.conftest import require_server, rows_seen_elsewhere
from tests.outputs import run_snippet
from tests.transitions import TRANSITIONS, perform, reach


@pytest.mark.parametrize(
    "row", TRANSITIONS, ids=lambda row: f"{row.source}-[{row.code}]-{row.target}"
)
def test_transition_moves_object_from_source_to_target_sending_its_sql(
    row, engine, sql_log
):
    with Session(engine) as session:
        user = reach(row.source, session)
        assert state_of(user) == row.source
        sql_log.clear()
        user = perform(row, session, user)
        assert state_of(user) == row.target
        assert sql_log.kinds() == row.sql


@pytest.mark.parametrize(
    "dialect", [sqlite, postgresql, mysql], ids=["sqlite", "postgresql", "mysql"]
)
def test_both_declaration_styles_map_the_same_table(dialect):
    def ddl(table):
        return str(CreateTable(table).compile(dialect=dialect.dialect()))

    assert ddl(ClassicUser.__table__) == ddl(User.__table__)
    columns = [(c.name, c.primary_key, c.nullable) for c in User.__table__.columns]
    assert columns == [("id", True, False), ("name", False, False)]


# The states table: (attached to a session, `obj in session`, has an identity).
STATES_TABLE = {
    "transient": (False, False, False),
    "pending": (True, True, False),
    "persistent": (True, True, True),
    "deleted": (True, False, True),
    "detached": (False, False, True),
}


@pytest.mark.parametrize("state", STATES)
def test_each_state_is_attached_and_has_an_identity_as_the_table_says(state, engine):
    with Session(engine) as session:
        user = reach(state, session)
        assert state_of(user) == state
        attached = inspect(user).session is session
        assert (attached, user in session, inspect(user).has_identity) == (
            STATES_TABLE[state]
        )
        if state == "deleted":
            session.commit()
            assert state_of(user) == "detached"
            assert inspect(user).identity == (1,)  # the key stays; the row is gone


def test_the_table_covers_every_state_as_source_and_target():
    assert {row.source for row in TRANSITIONS} == set(STATES)
    assert {row.target for row in TRANSITIONS} == set(STATES)


def test_expired_goes_with_persistent_and_with_detached(engine):
    session = Session(engine)
    user = User(name="Alice")
    session.add(user)
    session.commit()
    assert inspect(user).expired and state_of(user) == "persistent"
    session.close()
    assert inspect(user).expired and state_of(user) == "detached"


def test_lifecycle_ends_detached_with_the_row_committed(backend):
    run = run_snippet("states.lifecycle", backend)
    assert state_of(run.namespace["user"]) == "detached"
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_flushed_row_is_invisible_to_other_connections_until_commit(engine, backend):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.flush()
        assert rows_seen_elsewhere(backend) == []
        session.commit()
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_other_sessions_of_a_thread_share_the_one_connection_of_in_memory_sqlite():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    first, second = Session(engine), Session(engine)
    first.add(User(name="Alice"))
    first.flush()
    assert first.connection().connection.dbapi_connection is (
        second.connection().connection.dbapi_connection
    )
    assert second.scalars(select(User.name)).all() == ["Alice"]  # not committed
    second.rollback()  # ends the one transaction: the first session's INSERT too
    first.commit()
    assert second.scalar(select(func.count()).select_from(User)) == 0
    first.close()
    second.close()
    engine.dispose()


@pytest.mark.server("mariadb")
def test_a_read_uncommitted_connection_sees_a_flushed_row_on_mariadb():
    url = require_server("mariadb")
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    reader = create_engine(url, isolation_level="READ UNCOMMITTED")
    try:
        with Session(engine) as session:
            session.add(User(name="Alice"))
            session.flush()
            with reader.connect() as connection:
                assert connection.scalars(select(User.name)).all() == ["Alice"]
            assert rows_seen_elsewhere(url) == []  # at the default level: nothing
    finally:
        reader.dispose()
        engine.dispose()


def test_expunge_rollback_and_close_make_pending_objects_transient(backend):
    run = run_snippet("states.expunge_pending", backend)
    for name in ("alice", "bob", "carol"):
        assert state_of(run.namespace[name]) == "transient"
    assert rows_seen_elsewhere(backend) == []


def test_rollback_after_flush_makes_object_transient_keeping_its_id(backend):
    run = run_snippet("states.rollback_after_flush", backend)
    user = run.namespace["user"]
    assert state_of(user) == "transient"
    assert user.id is not None
    assert rows_seen_elsewhere(backend) == []


def test_delete_marks_until_flush_and_commit_detaches(backend, sql_log):
    run = run_snippet("states.delete_and_flush", backend)
    assert state_of(run.namespace["user"]) == "detached"
    assert sql_log.kinds().count("DELETE") == 1
    assert rows_seen_elsewhere(backend) == []


def test_adding_a_rolled_back_object_again_inserts_its_old_key(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.flush()
        session.rollback()
        session.add(user)
        sql_log.clear()
        session.flush()
        (insert,) = [s for s in sql_log.statements if s.startswith("INSERT")]
        assert insert.startswith("INSERT INTO user_account (id, name)")
        assert user.id == 1


def test_delete_before_the_flush_is_undone_by_expunge_or_rollback(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        session.delete(user)
        session.rollback()
        assert state_of(user) == "persistent" and user not in session.deleted
        session.delete(user)
        session.expunge(user)
        assert state_of(user) == "detached" and not session.deleted
        session.commit()
    assert "DELETE" not in sql_log.kinds()
    assert count_users(engine) == 1


def count_users(engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize(
    "cascade, options, sql",
    [
        ("save-update, merge", {}, ()),
        ("all", {}, ("SELECT",)),
        ("all", {"passive_deletes": True}, ()),  # leaves the children unloaded
    ],
    ids=["no-delete-cascade", "delete-cascade", "passive-deletes"],
)
def test_delete_sends_nothing_unless_a_delete_cascade_loads_the_children(
    cascade, options, sql, backend, sql_log
):
    ondelete = "CASCADE" if options else None
    Base, Playlist, Track = playlist_model(cascade, ondelete=ondelete, **options)
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            session.add(Playlist(name="Road trip", tracks=[Track(title="Holiday")]))
            session.commit()
            playlist = session.get(Playlist, 1)
            sql_log.clear()
            session.delete(playlist)
            assert sql_log.kinds() == sql
            if sql:
                assert "FROM track" in sql_log.statements[0]
            session.rollback()
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_rollback_after_flushed_delete_restores_a_persistent_object(backend):
    run = run_snippet("states.rollback_after_delete", backend)
    assert state_of(run.namespace["user"]) == "detached"  # closed at the end
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_a_deleted_object_says_detached_once_its_closed_session_is_collected(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()

    def delete_and_close():
        with Session(engine) as session:
            user = session.get(User, 1)
            session.delete(user)
            session.flush()
        assert state_of(user) == "deleted"
        return user

    user = delete_and_close()
    gc.collect()
    assert state_of(user) == "detached"
    with (
        Session(engine) as other,
        pytest.raises(InvalidRequestError, match="has been deleted.  Use the"),
    ):
        other.add(user)
    assert count_users(engine) == 1


def test_make_transient_of_a_deleted_object_whose_row_survived_inserts_it_twice(
    backend,
):
    run = run_snippet("states.close_after_delete", backend)
    user = run.namespace["user"]
    make_transient(user)
    with Session(run.namespace["engine"]) as session:
        session.add(user)
        with pytest.raises(IntegrityError):
            session.flush()


def test_add_refuses_a_detached_object_whose_row_was_deleted(engine):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        session.delete(user)
        session.commit()
    assert state_of(user) == "detached" and inspect(user).was_deleted
    with (
        Session(engine) as session,
        pytest.raises(
            InvalidRequestError,
            match=r"has been deleted.  Use the make_transient\(\) function",
        ),
    ):
        session.add(user)


def test_add_reattaches_a_detached_object_without_a_query(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
    with Session(engine) as session:
        sql_log.clear()
        session.add(user)
        assert state_of(user) == "persistent"
        assert sql_log.kinds() == ()
        assert user.name == "Alice"
        assert sql_log.kinds() == ("BEGIN", "SELECT")


def test_reattach_snippet_ends_detached_again(backend):
    run = run_snippet("states.reattach_detached", backend)
    assert state_of(run.namespace["user"]) == "detached"


def test_merge_returns_a_persistent_copy_and_saves_detached_changes(backend):
    run = run_snippet("states.merge_detached", backend)
    user, merged = run.namespace["user"], run.namespace["merged"]
    assert merged is not user
    assert state_of(user) == "detached"
    assert rows_seen_elsewhere(backend) == ["Alice Smith"]


def test_merge_where_the_session_holds_the_row_copies_without_a_select(
    backend, sql_log
):
    run = run_snippet("states.merge_when_held", backend)
    assert run.namespace["merged"] is run.namespace["held"]
    assert state_of(run.namespace["user"]) == "detached"
    assert rows_seen_elsewhere(backend) == ["Alice Smith"]
    with Session(run.namespace["engine"]) as session:
        held = session.get(User, 1)
        user = run.namespace["user"]
        with pytest.raises(
            InvalidRequestError,
            match=r"^Can't attach instance <User at 0x[0-9a-f]+>; another instance "
            r"with key \(<class '[\w.]+User'>, \(1,\), None\) is already present "
            r"in this session",
        ):
            session.add(user)
        sql_log.clear()
        assert session.merge(user) is held
        assert sql_log.kinds() == ()


def test_make_transient_then_add_inserts_a_second_row(backend):
    run = run_snippet("states.make_transient_copy", backend)
    assert run.namespace["user"].id == 2
    assert rows_seen_elsewhere(backend) == ["Alice", "Alice"]


def test_make_transient_then_add_with_the_old_key_fails_on_the_duplicate(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        make_transient(user)
        session.add(user)
        with pytest.raises(IntegrityError):
            session.flush()


@pytest.mark.parametrize("state", ["persistent", "detached"])
def test_make_transient_turns_a_persistent_or_detached_object_transient(state, engine):
    with Session(engine) as session:
        user = reach(state, session)
        make_transient(user)
        assert state_of(user) == "transient"
        assert inspect(user).key is None and user not in session


def test_make_transient_keeps_loaded_values_and_drops_expired_ones(engine):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()  # expires everything
        make_transient(user)
        assert state_of(user) == "transient"
        assert user.id is None
        assert user.name is None


def test_make_transient_to_detached_then_add_sends_no_sql(engine, sql_log):
    user = User(id=1, name="Alice")
    make_transient_to_detached(user)
    assert state_of(user) == "detached"
    with Session(engine) as session:
        session.add(user)
        assert session.get(User, 1) is user
        assert state_of(user) == "persistent"
    assert sql_log.kinds() == ()
    assert count_users(engine) == 0  # the row never existed, and nothing checked


def test_make_transient_to_detached_snippet_ends_detached(backend):
    run = run_snippet("states.make_transient_to_detached", backend)
    assert state_of(run.namespace["user"]) == "detached"


@pytest.mark.parametrize("state", ["pending", "persistent"])
def test_adding_an_object_held_by_another_session_raises(state, engine):
    with Session(engine) as first, Session(engine) as second:
        user = reach(state, first)
        with pytest.raises(InvalidRequestError) as raised:
            second.add(user)
        expected = (
            f"Object '<User at 0x[0-9a-f]+>' is already attached to session "
            f"'{first.hash_key}' \\(this is '{second.hash_key}'\\)"
        )
        assert re.match(expected, str(raised.value))


def test_merge_into_a_second_session_copies_an_object_the_first_holds(engine):
    with Session(engine) as first, Session(engine) as second:
        user = reach("persistent", first)
        copy = second.merge(user)
        assert copy is not user and state_of(copy) == "persistent"
        assert inspect(user).session is first


def test_attached_elsewhere_snippet_moves_the_object_after_expunge(backend):
    run = run_snippet("states.attached_elsewhere", backend)
    user = run.namespace["user"]
    assert user not in run.namespace["first"]
    assert state_of(user) == "detached"  # the snippet closes `second` at the end


def test_commit_expires_every_attribute_and_access_reloads_it(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        assert inspect(user).expired_attributes == {"id", "name"}
        assert state_of(user) == "persistent"
        sql_log.clear()
        assert user.name == "Alice"
        assert sql_log.kinds() == ("BEGIN", "SELECT")


def test_rollback_expires_every_attribute_too(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        assert not inspect(user).expired_attributes
        session.rollback()
        assert inspect(user).expired_attributes == {"id", "name"}
        assert state_of(user) == "persistent"


def test_expired_detached_object_raises_bhk3(backend):
    run = run_snippet("states.expired_is_not_a_state", backend)
    user = run.namespace["user"]
    assert state_of(user) == "detached"
    assert inspect(user).expired_attributes == {"name"}
    with pytest.raises(DetachedInstanceError) as raised:
        _ = user.name
    assert raised.value.code == "bhk3"
    assert "is not bound to a Session; attribute refresh operation cannot proceed" in (
        str(raised.value)
    )


def test_a_row_count_from_elsewhere_sees_deleted_rows_go_only_at_commit(
    engine, backend
):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        session.delete(user)
        session.flush()
        assert state_of(user) == "deleted"
        assert rows_seen_elsewhere(backend) == ["Alice"]
        session.commit()
    assert rows_seen_elsewhere(backend) == []
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(User)) == 0


def test_close_after_flushed_delete_keeps_the_row_but_says_deleted(backend):
    run = run_snippet("states.close_after_delete", backend)
    user = run.namespace["user"]
    assert state_of(user) == "deleted"
    assert inspect(user).session is run.namespace["session"]
    assert rows_seen_elsewhere(backend) == ["Alice"]
    again = run.namespace["again"]
    assert again is not user and again.name == "Alice"
    printed = "".join(text for _, text in run.printed)
    assert "has been deleted.  Use the make_transient() function" in printed


def test_rollback_before_close_after_delete_leaves_a_usable_detached_object(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        session.delete(user)
        session.flush()
        session.rollback()
    assert state_of(user) == "detached"
    with Session(engine) as other:
        other.add(user)
        assert state_of(user) == "persistent"
        assert user.name == "Alice"


def test_the_sql_of_a_transition_depends_on_the_open_transaction_and_loaded_values(
    engine, sql_log
):
    def committed(session):  # persistent, expired, no transaction open
        user = User(name="Alice")
        session.add(user)
        session.commit()
        sql_log.clear()
        return user

    with Session(engine) as session:
        user = committed(session)
        session.commit()
        assert state_of(user) == "persistent" and sql_log.kinds() == ()
        session.rollback()
        session.close()
        assert state_of(user) == "detached" and sql_log.kinds() == ()
    with Session(engine) as session:
        user = session.get(User, 1)
        session.delete(user)
        session.commit()
    with Session(engine) as session:
        user = committed(session)
        session.delete(user)
        session.flush()
        assert state_of(user) == "deleted"
        assert sql_log.kinds() == ("BEGIN", "SELECT", "DELETE")
        session.rollback()
    with Session(engine) as session:
        session.get(User, 2)  # opens a transaction
        pending = User(name="Bob")
        session.add(pending)
        sql_log.clear()
        session.rollback()
        assert state_of(pending) == "transient"
        assert sql_log.kinds() == ("ROLLBACK",)


def test_on_an_autocommit_engine_a_flushed_row_survives_a_rollback(engine, backend):
    autocommit = create_engine(backend, isolation_level="AUTOCOMMIT")
    with Session(autocommit) as session:
        user = User(name="Alice")
        session.add(user)
        session.flush()
        assert rows_seen_elsewhere(backend) == ["Alice"]  # committed already
        session.rollback()
        assert state_of(user) == "transient"  # as after any rolled-back INSERT
    assert rows_seen_elsewhere(backend) == ["Alice"]  # the rollback undid nothing
    autocommit.dispose()


@pytest.mark.parametrize("deleted_by", ["another program", "this program"])
def test_merge_of_a_detached_object_whose_row_is_gone_inserts_it_again(
    deleted_by, engine, backend, sql_log
):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()
        user.name  # noqa: B018 (loads the values the commit expired)
        if deleted_by == "this program":
            session.delete(user)
            session.commit()  # detaches the deleted object, its values loaded
            assert inspect(user).was_deleted
    if deleted_by == "another program":
        with Session(engine) as other:
            other.delete(other.get(User, 1))
            other.commit()
    assert state_of(user) == "detached" and rows_seen_elsewhere(backend) == []
    with Session(engine) as session:
        sql_log.clear()
        merged = session.merge(user)
        assert sql_log.kinds() == ("BEGIN", "SELECT")  # it found no row
        assert state_of(merged) == "pending" and merged is not user
        session.commit()
        assert sql_log.kinds()[-2:] == ("INSERT", "COMMIT")
        assert merged.id == 1
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_with_expire_on_commit_false_a_deleted_object_stays_deleted_after_the_commit(
    engine, backend
):
    def delete_and_commit():
        session = Session(engine, expire_on_commit=False)
        user = User(name="Alice")
        session.add(user)
        session.commit()
        session.delete(user)
        session.commit()
        assert rows_seen_elsewhere(backend) == []  # the row is gone
        assert state_of(user) == "deleted" and inspect(user).session is session
        session.close()
        assert state_of(user) == "deleted" and inspect(user).session is session
        refused(user)
        return user

    def refused(user):
        with (
            Session(engine) as other,
            pytest.raises(InvalidRequestError, match="has been deleted.  Use the"),
        ):
            other.add(user)

    user = delete_and_commit()
    gc.collect()  # the session object is gone
    assert state_of(user) == "detached" and inspect(user).was_deleted
    refused(user)
