"""Every claim of docs/session.md, on every backend."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import ForeignKey, create_engine, event, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    scoped_session,
    sessionmaker,
)
from sqlalchemy.pool import NullPool

from snippets.relationships.author_book import Author, Book
from snippets.relationships.author_book import Base as LibraryBase
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
        user = session.get(User, 1)  # the commit expired it: this one reloads
        sql_log.clear()
        assert session.get(User, 1) is user
        assert sql_log.kinds() == ()


def test_get_of_an_expired_object_sends_a_select(engine, sql_log):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        session.commit()  # still in the identity map, but expired
        assert inspect(user).key in session.identity_map
        sql_log.clear()
        assert session.get(User, 1) is user
        assert sql_log.kinds() == ("BEGIN", "SELECT")
        sql_log.clear()
        assert session.get(User, 1, populate_existing=True) is user
        assert sql_log.kinds() == ("SELECT",)


def test_get_of_a_partly_expired_object_sends_no_select(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        session.expire(user, ["name"])  # some attributes: the object is not expired
        sql_log.clear()
        assert session.get(User, 1) is user
        assert sql_log.kinds() == ()
        assert user.name == "Alice"  # the expired attribute loads when read
        assert sql_log.kinds() == ("SELECT",)


def test_merge_of_an_expired_object_in_the_identity_map_sends_a_select(engine, sql_log):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        alice = session.get(User, 1)
        session.commit()  # expires alice; she stays in the map
        assert inspect(alice).key in session.identity_map
        sql_log.clear()
        assert session.merge(User(id=1, name="Alicia")) is alice
        assert sql_log.kinds() == ("BEGIN", "SELECT")


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


def test_merge_of_an_object_in_the_identity_map_sends_no_select(backend, sql_log):
    ns = run_snippet("session.identity_map_lookups", backend).namespace
    assert ns["by_merge"] is ns["alice"]
    assert ns["after_commit"] is ns["alice"]
    selects = [
        statement
        for statement in sql_log.statements
        if statement.startswith("SELECT") and "FROM user_account" in statement
    ]
    assert len(selects) == 2  # get(), then get() after the commit: merge() sent none


def test_a_many_to_one_lazy_load_is_answered_from_the_identity_map(backend, sql_log):
    engine = create_engine(backend)
    LibraryBase.metadata.drop_all(engine)
    LibraryBase.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Author(name="Ursula", books=[Book(title="The Dispossessed")]))
        session.commit()
    with Session(engine) as session:
        ursula, book = session.get(Author, 1), session.get(Book, 1)
        sql_log.clear()
        assert book.author is ursula  # book.author_id is Ursula's primary key
        assert sql_log.kinds() == ()
        session.expunge(ursula)  # out of the map
        session.expire(book, ["author"])
        assert book.author is not ursula  # loaded again, with a SELECT this time
        assert sql_log.kinds() == ("SELECT",)
    LibraryBase.metadata.drop_all(engine)
    engine.dispose()


def test_a_query_does_not_refresh_loaded_objects_unless_populate_existing(backend):
    ns = run_snippet("session.requery_keeps_values", backend).namespace
    assert ns["row"].User is ns["user"]
    assert ns["row"].name == "Alicia"  # what the database sent
    assert ns["kept"] == "Alice"  # what the object kept
    assert ns["refreshed"] == "Alicia"
    assert rows_seen_elsewhere(backend) == ["Alicia"]


def test_after_a_default_commit_the_next_query_loads_the_new_values(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        user = session.get(User, 1)
        session.commit()  # expires user
        with Session(engine) as other:
            other.get(User, 1).name = "Alicia"
            other.commit()
        assert session.scalars(select(User)).one() is user
        assert user.name == "Alicia"


def test_identity_map_lets_go_of_unchanged_objects_nobody_references(backend):
    ns = run_snippet("session.weak_identity_map", backend).namespace
    assert (ns["held"], ns["left"]) == (2, 1)  # the changed one stays until flushed
    assert rows_seen_elsewhere(backend) == ["Alice", "Robert"]


def test_two_sessions_hold_two_objects_for_one_row(engine):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
    with Session(engine) as one, Session(engine) as two:
        assert one.get(User, 1) is not two.get(User, 1)


def test_a_session_holds_one_connection_from_first_use_to_commit(engine, sql_log):
    session = Session(engine)
    session.add(User(name="Alice"))
    assert engine.pool.checkedout() == 0  # add() needs no connection
    assert sql_log.kinds() == ()
    session.flush()
    session.scalars(select(User)).all()
    assert engine.pool.checkedout() == 1
    assert sql_log.kinds() == ("BEGIN", "INSERT", "SELECT")  # one transaction
    session.commit()
    assert engine.pool.checkedout() == 0
    session.scalars(select(User)).all()
    session.rollback()
    assert engine.pool.checkedout() == 0
    session.scalars(select(User)).all()
    session.close()
    assert engine.pool.checkedout() == 0


def flush_order(url: str, *, with_relationship: bool, wrong_order: bool):
    """Add a parent and a child row in one flush, then delete both in one flush, and
    return the tables of the INSERTs and DELETEs in the order sent, or the error the
    database raised. With `wrong_order`, the child is added before its parent, and
    the parent is deleted before its child."""

    class Base(DeclarativeBase):
        pass

    class Child(Base):
        __tablename__ = "order_child"
        id: Mapped[int] = mapped_column(primary_key=True)
        parent_id: Mapped[int] = mapped_column(ForeignKey("order_parent.id"))
        if with_relationship:
            parent: Mapped[Parent] = relationship()

    class Parent(Base):
        __tablename__ = "order_parent"
        id: Mapped[int] = mapped_column(primary_key=True)

    engine = create_engine(url, poolclass=NullPool)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    sent: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(connection, cursor, sql, *args):
        if sql.startswith(("INSERT", "DELETE")):
            sent.append(sql.split()[2])

    try:
        with Session(engine) as session:
            parent, child = Parent(id=1), Child(id=1, parent_id=1)
            session.add_all([child, parent] if wrong_order else [parent, child])
            session.commit()
        with Session(engine) as session:
            parent, child = session.get(Parent, 1), session.get(Child, 1)
            for row in (parent, child) if wrong_order else (child, parent):
                session.delete(row)
            session.commit()
        return sent
    except IntegrityError:
        return "IntegrityError"
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


@pytest.mark.parametrize("wrong_order", [True, False], ids=["wrong", "right"])
def test_the_flush_orders_rows_by_relationship(backend, wrong_order):
    sent = flush_order(backend, with_relationship=True, wrong_order=wrong_order)
    assert sent == ["order_parent", "order_child", "order_child", "order_parent"]


def test_a_foreign_key_without_relationship_does_not_order_the_flush(server):
    outcomes = [
        flush_order(server, with_relationship=False, wrong_order=wrong_order)
        for wrong_order in (True, False)
    ]
    # in at least one of the two, the flush sent a child row before its parent's
    assert "IntegrityError" in outcomes


def test_a_pending_object_is_in_the_session_but_not_in_the_identity_map(engine):
    with Session(engine) as session:
        user = User(name="Alice")
        session.add(user)
        assert user in session and user in session.new
        assert len(session.identity_map) == 0
        session.flush()
        assert inspect(user).key in session.identity_map
        assert user not in session.new


def test_session_begin_block_commits_on_success_and_rolls_back_on_error(backend):
    ns = run_snippet("session.making_sessions", backend).namespace
    assert rows_seen_elsewhere(backend) == ["Alice", "Bob"]  # not Carol
    assert ns["names"] == ["Alice", "Bob"]


def test_closing_a_session_rolls_back_what_it_did_not_commit(engine, backend):
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.flush()
    assert rows_seen_elsewhere(backend) == []


def test_sessionmaker_passes_its_settings_to_every_session(engine):
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session:
        assert session.expire_on_commit is False
        assert session.bind is engine
    with factory(expire_on_commit=True) as session:  # the call overrides it
        assert session.expire_on_commit is True
        assert session.bind is engine
    with factory() as session:  # for that session only
        assert session.expire_on_commit is False


def test_sessionmaker_begin_makes_a_session_commits_and_closes_it(engine, backend):
    factory = sessionmaker(engine)
    with factory.begin() as session:
        user = User(name="Alice")
        session.add(user)
    assert rows_seen_elsewhere(backend) == ["Alice"]
    assert inspect(user).detached  # the session was closed
    with pytest.raises(RuntimeError), factory.begin() as session:
        session.add(User(name="Bob"))
        raise RuntimeError
    assert rows_seen_elsewhere(backend) == ["Alice"]


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


def test_scoped_session_scope_can_be_anything_scopefunc_returns(engine):
    scope = {"request": 1}
    registry = scoped_session(sessionmaker(engine), scopefunc=lambda: scope["request"])
    first = registry()
    seen = []
    worker = threading.Thread(target=lambda: seen.append(registry()))
    worker.start()
    worker.join()
    assert seen[0] is first  # another thread, same scope: the same session
    scope["request"] = 2
    assert registry() is not first
    registry.remove()
    scope["request"] = 1
    registry.remove()


def test_scoped_session_remove_closes_the_session(engine):
    registry = scoped_session(sessionmaker(engine))
    session = registry()
    user = User(name="Alice")
    session.add(user)
    session.flush()
    registry.remove()
    assert inspect(user).detached  # closed: its objects left it
    assert not registry.registry.has()
    assert registry() is not session
    registry.remove()


def test_per_request_sessions_commit_each_request_on_its_own(backend, sql_log):
    ns = run_snippet("session.per_request", backend).namespace
    assert rows_seen_elsewhere(backend) == ["Alice", "Bob"]
    sql_log.clear()
    assert ns["list_users"]() == ["Alice", "Bob"]
    assert sql_log.kinds() == ("BEGIN", "SELECT", "ROLLBACK")  # the close ends it
