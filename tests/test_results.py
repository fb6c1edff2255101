"""Every claim of docs/results.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import create_engine, select, update
from sqlalchemy.engine import Row
from sqlalchemy.exc import (
    InvalidRequestError,
    MultipleResultsFound,
    NoResultFound,
    ResourceClosedError,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm import exc as orm_exc

from snippets.relationships.author_book import Author, Book
from snippets.relationships.author_book import Base as LibraryBase
from snippets.states.model import User
from tests.conftest import backend_name
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


@pytest.fixture
def two_users(engine):
    """The engine of conftest, holding Alice (id 1) and Bob (id 2)."""
    with Session(engine) as session:
        session.add_all([User(name="Alice"), User(name="Bob")])
        session.commit()
    return engine


def test_execute_returns_rows_and_scalars_returns_the_objects(backend):
    ns = run_snippet("results.objects_or_rows", backend).namespace
    row, user = ns["row"], ns["user"]
    assert isinstance(row, Row) and len(row) == 1
    assert isinstance(user, User) and row[0] is user and row.User is user
    assert ns["same"] is user  # execute().scalar_one() is scalars().one()


def test_one_raises_no_result_found_without_a_row(backend):
    lines = printed("results.no_row", backend)
    assert "NoResultFound: No row was found when one was required" in lines
    assert "User(name='Alice')" in lines  # one() with exactly one row returns it


def test_one_raises_multiple_results_found_for_two_rows_and_so_does_one_or_none(
    backend,
):
    lines = printed("results.several_rows", backend)
    assert (
        "MultipleResultsFound: Multiple rows were found when exactly one was required"
        in lines
    )
    assert (
        "MultipleResultsFound: Multiple rows were found when one or none was required"
        in lines
    )


def test_the_two_errors_carry_no_code_and_are_invalid_request_errors(two_users):
    with Session(two_users) as session:
        with pytest.raises(NoResultFound) as none:
            session.execute(select(User).where(User.id == 3)).scalar_one()
        with pytest.raises(MultipleResultsFound) as several:
            session.execute(select(User)).scalar_one()
    for raised in (none, several):
        assert raised.value.code is None
        assert "sqlalche.me" not in str(raised.value)
        assert isinstance(raised.value, InvalidRequestError)
    # sqlalchemy.orm.exc names the very same classes
    assert orm_exc.NoResultFound is NoResultFound
    assert orm_exc.MultipleResultsFound is MultipleResultsFound


def test_scalar_one_methods_behave_as_the_methods_of_scalars(two_users):
    alice, nobody, everyone = (
        select(User).where(User.name == "Alice"),
        select(User).where(User.name == "Carol"),
        select(User),
    )
    with Session(two_users) as session:
        assert session.execute(alice).scalar_one() is session.scalars(alice).one()
        assert session.execute(nobody).scalar_one_or_none() is None
        assert session.scalars(nobody).one_or_none() is None
        with pytest.raises(MultipleResultsFound, match="one or none"):
            session.execute(everyone).scalar_one_or_none()
        with pytest.raises(MultipleResultsFound, match="one or none"):
            session.scalars(everyone).one_or_none()
        with pytest.raises(MultipleResultsFound, match="exactly one"):
            session.execute(everyone).one()
        with pytest.raises(NoResultFound):
            session.execute(nobody).one()
        assert session.execute(nobody).one_or_none() is None
    assert not hasattr(Session, "scalar_one")  # only results have it


def test_one_or_none_first_and_scalar_return_none_without_a_row(backend):
    ns = run_snippet("results.no_row", backend).namespace
    assert printed("results.no_row", backend)[-1] == "None None"
    with Session(ns["engine"]) as session:
        assert session.scalars(ns["carol"]).one_or_none() is None


def test_first_and_scalar_keep_the_first_row_and_discard_the_others(two_users, sql_log):
    by_name = select(User).order_by(User.name.desc())
    with Session(two_users) as session:
        result = session.scalars(by_name)
        assert result.first().name == "Bob"  # no error for a second row
        with pytest.raises(ResourceClosedError):
            result.all()  # the other rows were discarded with the result
        assert session.scalar(by_name).name == "Bob"
        assert session.scalar(select(User.name).order_by(User.name)) == "Alice"


def test_the_fix_of_several_rows_picks_by_key_or_by_order(backend):
    ns = run_snippet("results.several_rows", backend).namespace
    assert (ns["bob"].name, ns["first"].name, ns["also_first"].name) == (
        "Bob",
        "Alice",
        "Alice",
    )


def test_no_result_method_adds_a_limit_to_the_select(two_users, sql_log):
    everyone = select(User).order_by(User.id)
    alice = select(User).where(User.name == "Alice")
    with Session(two_users) as session:
        session.scalars(everyone).first()
        session.scalars(everyone).all()
        session.scalar(everyone)
        session.execute(everyone).first()
        session.scalars(alice).one()
        session.scalars(alice).one_or_none()
        session.execute(alice).scalar_one()
        session.execute(alice).scalar_one_or_none()
    selects = [s for s in sql_log.statements if s.startswith("SELECT")]
    assert len(selects) == 8
    assert not [s for s in selects if "LIMIT" in s.upper()]


def test_legacy_query_one_and_scalar_send_no_limit_but_first_does(two_users, sql_log):
    with Session(two_users) as session:
        session.query(User).filter_by(name="Alice").one()
        session.query(User.name).filter_by(name="Alice").scalar()
        session.query(User).first()
    selects = [s for s in sql_log.statements if s.startswith("SELECT")]
    assert ["LIMIT" in s for s in selects] == [False, False, True]


def test_legacy_query_scalar_refuses_several_rows_and_session_scalar_does_not(
    backend,
):
    lines = printed("results.legacy_scalar", backend)
    assert "Multiple rows were found when exactly one was required" in lines
    assert lines[-1] == "Alice"


def test_a_join_repeats_the_object_and_one_refuses_until_unique(backend):
    ns = run_snippet("results.join_repeats", backend).namespace
    lines = printed("results.join_repeats", backend)
    assert "[Author('Octavia'), Author('Octavia')]" in lines
    assert "Multiple rows were found when exactly one was required" in lines
    assert "Author('Octavia')" in lines  # unique().one()
    assert lines[-1] == "[Author('Octavia')]"  # the legacy Query, de-duplicated
    engine = ns["engine"]
    with Session(engine) as session:
        repeated = session.scalars(ns["author_of"]).all()
        assert len(repeated) == 2 and repeated[0] is repeated[1]
        with pytest.raises(MultipleResultsFound):
            session.scalars(ns["author_of"]).one()


def test_a_condition_on_the_books_written_with_any_returns_each_author_once(
    backend, sql_log
):
    ns = run_snippet("results.join_repeats", backend).namespace
    titles = ns["titles"]
    with Session(ns["engine"]) as session:
        statement = select(Author).where(Author.books.any(Book.title.in_(titles)))
        sql_log.clear()
        assert session.scalars(statement).one().name == "Octavia"
        assert len(session.scalars(statement).all()) == 1
    select_sent = next(s for s in sql_log.statements if s.startswith("SELECT"))
    assert "EXISTS (SELECT" in select_sent and " JOIN " not in select_sent


def test_legacy_query_removes_the_repeats_of_a_joined_entity_silently(backend):
    engine = create_engine(backend)
    LibraryBase.metadata.drop_all(engine)
    LibraryBase.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            books = [Book(title="Kindred"), Book(title="Dawn")]
            session.add(Author(name="Octavia", books=books))
            session.commit()
            query = session.query(Author).join(Author.books)
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # silently: no warning either
                assert len(query.all()) == 1
                assert query.one().name == "Octavia"
            columns = session.query(Author.name).join(Author.books)
            assert columns.all() == [("Octavia",), ("Octavia",)]  # columns: kept
    finally:
        LibraryBase.metadata.drop_all(engine)
        engine.dispose()


def test_get_returns_none_and_get_one_raises_for_a_missing_key(backend, sql_log):
    lines = printed("results.by_primary_key", backend)
    assert lines[-1] == "No row was found when one was required"
    assert "None" in lines
    ns = run_snippet("results.by_primary_key", backend).namespace
    with Session(ns["engine"]) as session:
        assert session.get(User, 2) is None
        with pytest.raises(NoResultFound):
            session.get_one(User, 2)
        alice = session.get_one(User, 1)
        sql_log.clear()
        assert session.get(User, 1) is alice  # from the identity map
        assert session.get_one(User, 1) is alice
        assert sql_log.kinds() == ()


def test_get_sends_its_select_for_a_held_object_when_asked_to_reload_or_lock(
    two_users, backend, sql_log
):
    with Session(two_users) as session:
        alice = session.get(User, 1)
        sql_log.clear()
        assert session.get(User, 1, populate_existing=True) is alice
        assert sql_log.kinds() == ("SELECT",)
        other = create_engine(backend)  # another program renames her, and commits
        with other.begin() as connection:
            connection.execute(update(User).where(User.id == 1).values(name="Alicia"))
        other.dispose()
        sql_log.clear()
        assert session.get(User, 1, with_for_update=True) is alice
        assert alice.name == "Alice"  # locked, and the loaded value kept
        fresh = session.get(User, 1, with_for_update=True, populate_existing=True)
        assert fresh is alice and alice.name == "Alicia"  # the row as it is now
        assert sql_log.kinds() == ("SELECT", "SELECT")
        locking = [s.endswith("FOR UPDATE") for s in sql_log.statements]
        assert locking == [backend_name(backend) != "sqlite"] * 2


@pytest.mark.parametrize("matching", [0, 1, 2])
def test_scalar_one_or_none_keeps_what_query_scalar_did_and_scalar_does_not(
    two_users, matching
):
    names = ["Alice", "Bob"][:matching] or ["Carol"]
    outcomes = {}
    with Session(two_users) as session:
        calls = {
            "Query.scalar": lambda: (
                session.query(User.name).filter(User.name.in_(names)).scalar()
            ),
            "scalar_one_or_none": lambda: session.execute(
                select(User.name).where(User.name.in_(names))
            ).scalar_one_or_none(),
            "session.scalar": lambda: session.scalar(
                select(User.name).where(User.name.in_(names)).order_by(User.name)
            ),
        }
        for name, call in calls.items():
            try:
                outcomes[name] = call()
            except MultipleResultsFound:
                outcomes[name] = MultipleResultsFound
    expected = {0: None, 1: "Alice", 2: MultipleResultsFound}[matching]
    assert outcomes["Query.scalar"] == outcomes["scalar_one_or_none"] == expected
    assert outcomes["session.scalar"] == (None if matching == 0 else "Alice")
