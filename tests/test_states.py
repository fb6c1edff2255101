"""Every claim of docs/states.md, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, make_transient, make_transient_to_detached
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.states.model import User
from snippets.states.model_classic import User as ClassicUser
from snippets.states.state_of import STATES, state_of
from snippets.states.transitions import TRANSITIONS, perform, reach
from tests.conftest import rows_seen_elsewhere
from tests.outputs import run_snippet


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


def test_both_declaration_styles_map_the_same_table():
    def shape(table):
        return [
            (c.name, repr(c.type), c.primary_key, c.nullable) for c in table.columns
        ]

    assert shape(ClassicUser.__table__) == shape(User.__table__)


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


def test_rollback_after_flushed_delete_restores_a_persistent_object(backend):
    run = run_snippet("states.rollback_after_delete", backend)
    assert state_of(run.namespace["user"]) == "detached"  # closed at the end
    assert rows_seen_elsewhere(backend) == ["Alice"]


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


def test_make_transient_then_add_inserts_a_second_row(backend):
    run = run_snippet("states.make_transient_copy", backend)
    assert run.namespace["user"].id == 2
    assert rows_seen_elsewhere(backend) == ["Alice", "Alice"]


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


def test_make_transient_to_detached_snippet_ends_detached(backend):
    run = run_snippet("states.make_transient_to_detached", backend)
    assert state_of(run.namespace["user"]) == "detached"


def test_adding_an_object_held_by_another_session_raises(engine):
    with Session(engine) as first, Session(engine) as second:
        user = User(name="Alice")
        first.add(user)
        with pytest.raises(
            InvalidRequestError, match=r"is already attached to session '\d+' \(this is"
        ):
            second.add(user)


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
