"""Every claim of docs/lifecycle.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
import sqlalchemy
from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy.exc import (
    ArgumentError,
    InvalidRequestError,
    LegacyAPIWarning,
    MultipleResultsFound,
    NoResultFound,
)
from sqlalchemy.orm import Query, Session, joinedload, selectinload

from snippets.relationships.author_book import Author, Book
from snippets.relationships.author_book import Base as LibraryBase
from snippets.states.model import User
from snippets.states.state_of import state_of
from tests.conftest import rows_seen_elsewhere
from tests.outputs import run_snippet


@pytest.fixture
def library(backend):
    """An engine on `backend` with one author and her book, stored."""
    engine = create_engine(backend)
    LibraryBase.metadata.drop_all(engine)
    LibraryBase.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Author(name="Ursula", books=[Book(title="The Dispossessed")]))
        session.commit()
    yield engine
    LibraryBase.metadata.drop_all(engine)
    engine.dispose()


def test_five_steps_send_one_insert_with_the_final_name(backend, sql_log):
    ns = run_snippet("lifecycle.five_steps", backend).namespace
    inserts = [s for s in sql_log.statements if s.startswith("INSERT")]
    assert len(inserts) == 1
    assert not [s for s in sql_log.statements if s.startswith("UPDATE")]
    assert state_of(ns["user"]) == "detached"
    assert rows_seen_elsewhere(backend) == ["Alice Smith"]


def test_adding_and_changing_a_new_object_send_nothing_before_the_commit(
    engine, sql_log
):
    session = Session(engine)
    user = User(name="Alice")
    session.add(user)
    user.name = "Alice Smith"
    assert sql_log.kinds() == ()
    session.commit()
    assert sql_log.kinds() == ("BEGIN", "INSERT", "COMMIT")
    session.close()


def test_a_query_flushes_pending_changes_then_sends_its_select(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        assert sql_log.kinds() == ()
        assert [user.name for user in session.scalars(select(User))] == ["Alice"]
        assert sql_log.kinds() == ("BEGIN", "INSERT", "SELECT")


def test_changing_an_unloaded_collection_loads_it_first(library, sql_log):
    with Session(library) as session:
        ursula = session.scalars(select(Author)).one()
        sql_log.clear()
        ursula.books.append(Book(title="The Lathe of Heaven"))
        assert sql_log.kinds() == ("SELECT",)  # the books, before the append
        assert "FROM book" in sql_log.statements[0]


def test_commit_returns_the_connection_and_close_then_sends_nothing(engine, sql_log):
    checkins = []
    event.listen(engine, "checkin", lambda *args: checkins.append(1))
    session = Session(engine)
    session.add(User(name="Alice"))
    session.commit()
    assert engine.pool.checkedout() == 0
    assert len(checkins) == 1
    sql_log.clear()
    session.close()
    assert sql_log.kinds() == ()
    assert len(checkins) == 1  # nothing more to give back


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


def test_close_resets_only_false_makes_close_final(engine):
    session = Session(engine, close_resets_only=False)
    session.add(User(name="Alice"))
    session.flush()
    session.close()
    assert engine.pool.checkedout() == 0
    message = (
        "This Session has been permanently closed and is unable to handle any "
        "more transaction requests."
    )
    with pytest.raises(InvalidRequestError, match=message):
        session.scalars(select(User)).all()
    with pytest.raises(InvalidRequestError, match=message):
        session.begin()


def test_commit_with_nothing_to_flush_and_no_transaction_sends_nothing(engine, sql_log):
    session = Session(engine)
    session.commit()  # nothing ever happened
    assert sql_log.kinds() == ()
    session.add(User(name="Alice"))
    session.commit()  # something to flush: a transaction, then COMMIT
    assert sql_log.kinds() == ("BEGIN", "INSERT", "COMMIT")
    sql_log.clear()
    session.commit()  # the commit ended the transaction: nothing again
    assert sql_log.kinds() == ()
    session.close()


def test_close_detaches_persistent_objects_and_makes_pending_ones_transient(
    engine, sql_log
):
    session = Session(engine)
    flushed, pending = User(name="Alice"), User(name="Bob")
    session.add(flushed)
    session.flush()
    session.add(pending)
    sql_log.clear()
    session.close()
    assert sql_log.kinds() == ("ROLLBACK",)  # a transaction was open
    assert (state_of(flushed), state_of(pending)) == ("detached", "transient")


@pytest.mark.parametrize("expire_on_commit", [True, False])
def test_commit_expires_every_object_unless_expire_on_commit_is_false(
    engine, expire_on_commit
):
    with Session(engine, expire_on_commit=expire_on_commit) as session:
        alice, bob = User(name="Alice"), User(name="Bob")
        session.add_all([alice, bob])
        session.commit()
        expired = [inspect(user).expired_attributes for user in (alice, bob)]
        if expire_on_commit:
            assert expired == [{"id", "name"}, {"id", "name"}]
        else:
            assert expired == [set(), set()]


def test_querying_with_select_scalars_execute_and_get(backend):
    ns = run_snippet("lifecycle.querying", backend).namespace
    assert [user.name for user in ns["users"]] == ["Alice", "Bob"]
    assert [tuple(row) for row in ns["rows"]] == [(2, "Bob")]
    assert ns["bob"].name == "Bob"


def test_one_insists_first_takes_the_first_or_none_all_takes_a_list(engine):
    with Session(engine) as session:
        session.add_all([User(name="Alice"), User(name="Bob")])
        session.commit()
        everyone = select(User).order_by(User.id)
        nobody = everyone.where(User.name == "Nobody")
        with pytest.raises(MultipleResultsFound):
            session.scalars(everyone).one()
        with pytest.raises(NoResultFound):
            session.scalars(nobody).one()
        assert session.scalars(everyone).first().name == "Alice"
        assert session.scalars(nobody).first() is None
        assert [user.name for user in session.scalars(everyone).all()] == [
            "Alice",
            "Bob",
        ]


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


def test_legacy_first_sends_limit_1_and_scalars_first_does_not(backend, sql_log):
    ns = run_snippet("lifecycle.legacy_query", backend).namespace
    assert ns["legacy"] is ns["modern"] is ns["unlimited"]
    legacy, modern, unlimited = [
        s for s in sql_log.statements if s.startswith("SELECT") and "user_account" in s
    ][:3]
    assert " LIMIT " in legacy and " LIMIT " in modern
    assert " LIMIT " not in unlimited


def test_legacy_query_get_warns_with_a_deprecation_warning(backend):
    ns = run_snippet("lifecycle.legacy_get", backend).namespace
    assert ns["user"].name == "Alice"
    assert [w.category for w in ns["caught"]] == [LegacyAPIWarning]
    assert issubclass(LegacyAPIWarning, DeprecationWarning)
    with Session(ns["engine"]) as session, warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DeprecationWarning):
            session.query(User).get(1)


def test_query_forms_that_2_0_removed_raise_errors(library):
    with Session(library) as session:
        with pytest.raises(ArgumentError):  # a relationship named by a string
            session.query(Author).join("books").all()
        with pytest.raises(ArgumentError):  # the same, in a loader option
            session.query(Author).options(joinedload("books")).all()
        with pytest.raises(AttributeError):  # from_self() is gone
            session.query(Author).from_self()  # noqa: B018


def test_legacy_query_snippet_runs(backend):
    ns = run_snippet("lifecycle.legacy_query", backend).namespace
    assert ns["legacy"] is ns["modern"]


def test_rollback_expires_every_object_the_session_keeps(engine):
    with Session(engine) as session:
        session.add_all([User(name="Alice"), User(name="Bob")])
        session.commit()
        alice, bob = session.get(User, 1), session.get(User, 2)
        alice.name = "Mallory"
        session.rollback()
        expired = [inspect(user).expired_attributes for user in (alice, bob)]
        assert expired == [{"id", "name"}, {"id", "name"}]


def test_rollback_restores_attributes_from_the_database(backend):
    ns = run_snippet("lifecycle.rollback_restores", backend).namespace
    assert ns["user"].name == "Alice"
    assert rows_seen_elsewhere(backend) == ["Alice"]


def test_only_legacy_query_and_2_0_loads_by_key_label_columns(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    with Session(engine) as session:
        sql_log.clear()
        session.scalars(select(User)).all()
        session.query(User).all()
        session.expunge_all()
        user = session.get(User, 1)
        session.expire(user)
        user.name  # noqa: B018 (reloads the expired attributes)
    modern, legacy, by_key, reload = [
        s for s in sql_log.statements if s.startswith("SELECT")
    ]
    assert " AS user_account_id" not in modern
    assert " AS user_account_id" in legacy
    on_2_0 = sqlalchemy.__version__.startswith("2.0")
    assert (" AS user_account_id" in by_key) == on_2_0
    assert (" AS user_account_id" in reload) == on_2_0


def test_2_0_also_labels_the_columns_of_relationship_loads(library, sql_log):
    with Session(library) as session:
        ursula = session.scalars(select(Author)).one()
        sql_log.clear()
        ursula.books  # noqa: B018 (a lazy load)
        session.expunge_all()
        session.scalars(select(Author).options(selectinload(Author.books))).all()
    lazy, _, selectin = [s for s in sql_log.statements if s.startswith("SELECT")]
    on_2_0 = sqlalchemy.__version__.startswith("2.0")
    assert (" AS book_id" in lazy) == on_2_0
    assert (" AS book_id" in selectin) == on_2_0
