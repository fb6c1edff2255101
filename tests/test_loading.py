"""Every claim of docs/loading.md, on every backend."""

from __future__ import annotations

import contextlib
import re
import warnings

import pytest
import sqlalchemy
import sqlalchemy.orm
from sqlalchemy import (
    ForeignKey,
    String,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.exc import IntegrityError, InvalidRequestError, SADeprecationWarning
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Query,
    Session,
    WriteOnlyMapped,
    immediateload,
    joinedload,
    lazyload,
    mapped_column,
    raiseload,
    relationship,
    selectinload,
    subqueryload,
)

from snippets.loading.library import LIBRARY, library
from snippets.relationships.author_book import Author, Base, Book
from tests.outputs import run_snippet
from tests.strategies import STRATEGIES, measure

AUTHORS = len(LIBRARY)
BOOKS = sum(map(len, LIBRARY.values()))
ON_2_1 = sqlalchemy.__version__.startswith("2.1.")


def statements(sql_log, table: str) -> list[str]:
    return [s for s in sql_log.statements if s.startswith("SELECT") and table in s]


def test_the_lazy_default_sends_one_query_per_author(backend, sql_log):
    run_snippet("loading.n_plus_one", backend)
    assert len(statements(sql_log, "FROM author")) == 1
    assert len(statements(sql_log, "FROM book WHERE")) == AUTHORS


def test_selectinload_sends_two_statements(backend, sql_log):
    run_snippet("loading.selectin_fix", backend)
    selects = statements(sql_log, "FROM ")
    selects = [s for s in selects if "author" in s or "book" in s]
    assert len(selects) == 2
    assert " IN " in selects[1]


def test_selectinload_sends_one_query_per_500_authors(backend, sql_log):
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(Author), [{"name": f"A{n}"} for n in range(1001)])
    for authors, in_queries in [(500, 1), (1001, 3)]:  # 1001 = 500 + 500 + 1
        sql_log.clear()
        with Session(engine) as session:
            query = select(Author).options(selectinload(Author.books))
            loaded = session.scalars(query.order_by(Author.id).limit(authors)).all()
            assert len(loaded) == authors
            assert all(author.books == [] for author in loaded)
        selects = [s for s in sql_log.statements if s.startswith("SELECT")]
        assert len(selects) == 1 + in_queries
        assert all(" IN " in s for s in selects[1:])
    engine.dispose()


def test_joinedload_sends_one_statement(backend, sql_log):
    run = run_snippet("loading.joined_fix", backend)
    joins = statements(sql_log, "LEFT OUTER JOIN book")
    assert len(joins) == 2  # one per example of the module
    assert len(statements(sql_log, "FROM book WHERE")) == 0
    lines = [text for _, text in run.printed]
    assert all(f"{name} 2\n" in lines for name in LIBRARY)


@pytest.fixture
def stored_library(backend):
    """An engine on `backend` holding LIBRARY, in the author_book model."""
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(library(Author, Book))
        session.commit()
    yield engine
    engine.dispose()


JOINED = select(Author).options(joinedload(Author.books)).order_by(Author.id)
REFUSED = "The unique() method must be invoked on this Result"


def test_joined_collection_without_unique_is_refused(backend):
    lines = [text for _, text in run_snippet("loading.joined_fix", backend).printed]
    assert lines[-2].startswith(REFUSED)


@pytest.mark.parametrize(
    "use",
    [
        lambda session: session.scalars(JOINED).all(),
        lambda session: next(iter(session.scalars(JOINED))),
        lambda session: session.scalars(JOINED).fetchmany(2),
        lambda session: session.scalars(JOINED.where(Author.id == 1)).one(),
    ],
    ids=["all", "iteration", "fetchmany", "one_of_one_author"],
)
def test_all_iteration_fetchmany_and_one_refuse_a_joined_collection_without_unique(
    use, stored_library
):
    refused = pytest.raises(InvalidRequestError, match=re.escape(REFUSED))
    with Session(stored_library) as session, refused:
        use(session)


def test_first_and_scalar_need_no_unique(stored_library):
    with Session(stored_library) as session:
        first = session.scalars(JOINED).first()
        assert (first.name, len(first.books)) == ("Ursula", 2)
        assert session.scalar(JOINED) is first


def test_legacy_query_removes_joined_duplicates_silently(stored_library):
    with Session(stored_library) as session, warnings.catch_warnings():
        warnings.simplefilter("error")
        authors = session.query(Author).options(joinedload(Author.books)).all()
        assert len(authors) == AUTHORS
        assert [len(author.books) for author in authors] == [2] * AUTHORS


def test_a_joined_collection_repeats_the_author_on_every_book_row(stored_library):
    with stored_library.connect() as connection:  # the rows the database sends
        result = connection.execute(JOINED)
        assert list(result.keys())[:2] == ["id", "name"]
        rows = result.all()
    assert len(rows) == BOOKS
    assert sorted(row[:2] for row in rows) == sorted(
        (author_id, name)
        for author_id, (name, titles) in enumerate(LIBRARY.items(), start=1)
        for _ in titles
    )


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_each_strategy_sends_as_many_statements_on_every_backend(strategy, backend):
    on_sqlite = measure(strategy.lazy)
    here = measure(strategy.lazy, backend)
    assert (len(here.loading), len(here.reading), here.books) == (
        len(on_sqlite.loading),
        len(on_sqlite.reading),
        on_sqlite.books,
    )


def test_the_measured_counts_are_what_the_strategies_promise():
    counts = {
        s.lazy: (len(m.loading) + len(m.reading), m.books)
        for s in STRATEGIES
        for m in [measure(s.lazy)]
    }
    assert counts == {
        "select": (1 + AUTHORS, BOOKS),
        "joined": (1, BOOKS),
        "subquery": (2, BOOKS),
        "selectin": (2, BOOKS),
        "immediate": (1 + AUTHORS, BOOKS),
        "raise": (1, "InvalidRequestError"),
        "raise_on_sql": (1, "InvalidRequestError"),
        "noload": (1, 0),
        "dynamic": (1 + AUTHORS, BOOKS),
        "write_only": (1 + AUTHORS, BOOKS),
    }


def test_immediate_loads_with_the_authors_and_select_when_read():
    assert len(measure("immediate").loading) == 1 + AUTHORS
    assert len(measure("select").loading) == 1


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_only_noload_warns_and_only_on_2_1(strategy):
    warned = measure(strategy.lazy).warned  # mapping, loading and reading
    if strategy.lazy == "noload" and ON_2_1:
        assert len(warned) == 1 and warned[0].startswith("SADeprecationWarning: ")
        assert "produces incorrect results" in warned[0]
    else:
        assert warned == []
    assert ("deprecated" in strategy.status) == (strategy.lazy == "noload")


@pytest.mark.parametrize(
    "option", [s.option for s in STRATEGIES if s.option.endswith(")")]
)
def test_only_the_noload_option_warns_and_only_on_2_1(option, stored_library):
    name, _, keywords = option.partition("(")
    factory = getattr(sqlalchemy.orm, name)
    query = select(Author)
    with (
        Session(stored_library) as session,
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        if keywords == ")":
            query = query.options(factory(Author.books))
        else:  # raiseload(sql_only=True)
            query = query.options(factory(Author.books, sql_only=True))
        for author in session.scalars(query).unique().all():
            with contextlib.suppress(InvalidRequestError):  # raiseload refuses
                list(author.books)
    deprecated = [w for w in caught if issubclass(w.category, SADeprecationWarning)]
    assert bool(deprecated) == (name == "noload" and ON_2_1), deprecated
    assert all("produces incorrect results" in str(w.message) for w in deprecated)


def outcomes(backend) -> list[str]:
    """What raise_by_default prints itself: "refused", or how many books were read."""
    run = run_snippet("loading.raise_by_default", backend)
    return [text for _, text in run.printed if text in ("refused\n", "2\n")]


def test_the_option_overrides_lazy_raise_on_the_mapping(backend):
    assert outcomes(backend)[:2] == ["refused\n", "2\n"]


def test_after_a_commit_the_books_read_first_are_refused_until_queried_again(
    backend, sql_log
):
    assert outcomes(backend)[2:] == ["refused\n", "2\n"]
    # the last query sent its SELECT ... IN again: the option loaded the books
    assert " IN " in [s for s in sql_log.statements if s.startswith("SELECT")][-1]


def test_raiseload_refuses_to_load(backend):
    lines = [text for _, text in run_snippet("loading.raiseload", backend).printed]
    assert "'Author.books' is not available due to lazy='raise'\n" in lines


def test_raise_on_sql_allows_what_the_session_already_has(backend):
    run = run_snippet("loading.raiseload", backend)
    ns, lines = run.namespace, [text for _, text in run.printed]
    assert ns["first"].author is ns["ursula"]
    assert lines[-2:] == ["InvalidRequestError\n", "ROLLBACK\n"]


def test_write_only_adds_without_loading_and_cannot_be_iterated(backend, sql_log):
    run = run_snippet("loading.write_only", backend)
    lines = [text for _, text in run.printed]
    assert "The Word for World Is Forest\n" in lines
    assert any(line.startswith("WriteOnly collections don't support") for line in lines)
    # between get() and the commit's INSERT, nothing was loaded
    log = sql_log.statements
    get = next(i for i, s in enumerate(log) if s.startswith("SELECT author.id"))
    assert log[get + 1].startswith("INSERT INTO book")


def test_dynamic_is_a_legacy_query(backend):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ns = run_snippet("loading.dynamic", backend).namespace
    with Session(ns["engine"]) as session:
        books = session.get(ns["Author"], 1).books
        assert isinstance(books, Query)
        assert type(books).__name__ == "AppenderQuery"
        assert books.count() == 2


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.lazy)
def test_each_strategy_names_a_real_option_or_annotation(strategy):
    import sqlalchemy.orm

    name = strategy.option.split("(")[0]
    assert hasattr(sqlalchemy.orm, name)


def test_2_0_labels_the_columns_of_relationship_loads_and_2_1_does_not():
    lazy = measure("select").reading[0]
    selectin = measure("selectin").loading[1]
    immediate = measure("immediate").loading[1]
    on_2_0 = sqlalchemy.__version__.startswith("2.0.")
    assert (" AS book_id" in lazy) == on_2_0
    assert (" AS book_id" in selectin) == on_2_0
    assert (" AS book_id" in immediate) == on_2_0


def books_or_refused(author) -> int | str:
    try:
        return len(author.books)
    except InvalidRequestError as error:
        assert "is not available due to lazy='raise" in str(error)
        return "refused"


def option_against_mapping(lazy: str):
    """The Author of stored_library's tables with Author.books mapped `lazy`, a loader
    option that says the opposite, and what reading one author's books gives by the
    mapping and by the option."""
    if lazy == "raise":  # the page's pattern: lazy="raise", selectinload() per query
        _, author, _ = raise_model()
        return author, selectinload(author.books), {"mapping": "refused", "option": 2}
    return Author, raiseload(Author.books), {"mapping": 2, "option": "refused"}


MAPPINGS = ["raise", "select"]


def test_a_loader_option_stays_with_the_objects_while_they_stay_loaded(stored_library):
    for lazy in MAPPINGS:  # lazy="raise" with selectinload(), and the reverse
        Author_, option, by = option_against_mapping(lazy)
        one = select(Author_).where(Author_.id == 1)
        with Session(stored_library) as session:
            author = session.scalars(one.options(option)).one()
            assert session.scalars(one).one() is author  # a later query, no option
            assert books_or_refused(author) == by["option"]
            assert books_or_refused(author) == by["option"]  # and again
            again = one.execution_options(populate_existing=True)
            assert session.scalars(again).one() is author
            # populate_existing reloaded it with that query's (no) options
            assert books_or_refused(author) == by["mapping"]


def test_each_loader_option_overrides_the_mappings_lazy(stored_library):
    _, Raising, _ = raise_model()  # lazy="raise"
    loading = [selectinload, joinedload, subqueryload, immediateload, lazyload]
    cases = [(Raising, option(Raising.books), 2) for option in loading]
    cases += [  # Author: the default lazy="select"
        (Author, raiseload(Author.books), "refused"),
        (Author, raiseload(Author.books, sql_only=True), "refused"),
    ]
    for Author_, option, expected in cases:
        with Session(stored_library) as session:
            query = select(Author_).options(option).where(Author_.id == 1)
            author = session.scalars(query).unique().one()
            assert books_or_refused(author) == expected, option


def test_an_eager_option_also_loads_objects_the_session_already_held(stored_library):
    _, Author_, _ = raise_model()
    one = select(Author_).where(Author_.id == 1)
    for option in [selectinload, joinedload, subqueryload, immediateload]:
        with Session(stored_library) as session:
            author = session.scalars(one).one()  # held, its books not loaded
            assert "books" in inspect(author).unloaded
            again = session.scalars(one.options(option(Author_.books)))
            assert again.unique().one() is author
            assert "books" not in inspect(author).unloaded, option
            assert len(author.books) == 2  # lazy="raise" would have refused


def end_transaction(session, author, end: str) -> None:
    author.name = "Ursula K. Le Guin"  # a change, then the end of the transaction
    session.commit() if end == "commit" else session.rollback()
    assert inspect(author).expired


def test_after_a_commit_or_rollback_the_first_read_decides_if_the_option_applies(
    stored_library,
):
    for lazy in MAPPINGS:  # lazy="raise" with selectinload(), and the reverse
        Author_, option, by = option_against_mapping(lazy)
        query = select(Author_).options(option).where(Author_.id == 1)
        for end in ("commit", "rollback"):
            for first in ("relationship", "column"):
                with Session(stored_library) as session, warnings.catch_warnings():
                    warnings.simplefilter("error")  # dropped without a warning
                    author = session.scalars(query).one()
                    assert books_or_refused(author) == by["option"]
                    end_transaction(session, author, end)
                    if first == "column":
                        assert author.name in ("Ursula", "Ursula K. Le Guin")
                        assert books_or_refused(author) == by["option"], (end, first)
                    else:
                        assert books_or_refused(author) == by["mapping"], (end, first)


def test_querying_again_after_a_commit_or_rollback_applies_that_querys_options(
    stored_library,
):
    for lazy in MAPPINGS:  # lazy="raise" with selectinload(), and the reverse
        Author_, option, by = option_against_mapping(lazy)
        one = select(Author_).where(Author_.id == 1)
        for end in ("commit", "rollback"):
            for again, expected in [(one.options(option), "option"), (one, "mapping")]:
                with Session(stored_library) as session:
                    author = session.scalars(one.options(option)).one()
                    end_transaction(session, author, end)
                    assert session.scalars(again).one() is author
                    assert books_or_refused(author) == by[expected], (end, expected)


def test_expire_on_commit_false_keeps_the_option_across_a_commit_not_a_rollback(
    stored_library,
):
    for lazy in MAPPINGS:  # lazy="raise" with selectinload(), and the reverse
        Author_, option, by = option_against_mapping(lazy)
        query = select(Author_).options(option).where(Author_.id == 1)
        for end, expected in [("commit", "option"), ("rollback", "mapping")]:
            with Session(stored_library, expire_on_commit=False) as session:
                author = session.scalars(query).one()
                author.name = "Ursula K. Le Guin"
                session.commit() if end == "commit" else session.rollback()
                assert inspect(author).expired == (end == "rollback")
                assert books_or_refused(author) == by[expected], end


def raise_model():
    """Author and Book, with Author.books lazy="raise"."""

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        books: Mapped[list[Book]] = relationship(lazy="raise")

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        author_id: Mapped[int | None] = mapped_column(ForeignKey("author.id"))

    return Base, Author, Book


def test_the_flush_still_loads_a_raise_collection_to_unlink_it(backend, sql_log):
    Base_, Author_, Book_ = raise_model()
    engine = create_engine(backend)
    Base_.metadata.drop_all(engine)
    Base_.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(library(Author_, Book_))
        session.commit()
    sql_log.clear()
    with Session(engine) as session:
        session.delete(session.get(Author_, 1))
        session.commit()  # no error
        left = session.execute(select(Book_.title, Book_.author_id).order_by(Book_.id))
        assert left.all()[:2] == [
            ("The Dispossessed", None),
            ("The Lathe of Heaven", None),
        ]
    kinds = [s.split()[0] for s in sql_log.statements if s.split()[0] != "BEGIN"]
    assert kinds[:4] == ["SELECT", "SELECT", "UPDATE", "DELETE"]
    assert " FROM book WHERE " in sql_log.statements[2]  # the books, loaded
    engine.dispose()


def test_with_the_pages_not_null_author_id_the_database_refuses_the_unlinking(
    backend, sql_log
):
    ns = run_snippet("loading.raise_by_default", backend).namespace
    Author_, engine = ns["Author"], ns["engine"]
    assert not ns["Book"].__table__.c.author_id.nullable
    sql_log.clear()
    with Session(engine) as session:
        session.delete(session.get(Author_, 2))
        with pytest.raises(IntegrityError):
            session.commit()
    kinds = [s.split()[0] for s in sql_log.statements]
    assert kinds == ["BEGIN", "SELECT", "SELECT", "UPDATE", "ROLLBACK"]
    assert " FROM book WHERE " in sql_log.statements[2]  # loaded, despite raise
    assert "SET author_id=" in sql_log.statements[3]


def test_raise_refuses_a_load_but_reads_a_new_objects_empty_list(backend):
    Base_, Author_, Book_ = raise_model()
    engine = create_engine(backend)
    Base_.metadata.drop_all(engine)
    Base_.metadata.create_all(engine)
    with Session(engine) as session:
        author = Author_(name="Ursula")
        assert author.books == []  # transient: nothing to load
        session.add(author)
        assert author.books == []  # pending
        other = Author_(name="Octavia")
        session.add(other)
        session.flush()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = other.books  # flushed, never read: a load, refused
    engine.dispose()


def write_only_model(**options):
    """Author and Book, Author.books write-only with `options`, and the foreign key
    ON DELETE CASCADE."""

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        books: WriteOnlyMapped[Book] = relationship(**options)

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        author_id: Mapped[int] = mapped_column(
            ForeignKey("author.id", ondelete="CASCADE")
        )

    return Base, Author, Book


@pytest.mark.parametrize("passive_deletes", [False, True])
def test_deleting_the_parent_of_a_write_only_collection_needs_passive_deletes(
    passive_deletes, backend, sql_log
):
    Base_, Author_, Book_ = write_only_model(passive_deletes=passive_deletes)
    engine = create_engine(backend)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def enforce_foreign_keys(dbapi_connection, connection_record):
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base_.metadata.drop_all(engine)
    Base_.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(library(Author_, Book_))
        session.commit()
    sql_log.clear()
    with Session(engine) as session:
        session.delete(session.get(Author_, 1))
        if not passive_deletes:
            with pytest.raises(InvalidRequestError, match="passive_deletes=True"):
                session.commit()
            assert sql_log.kinds() == ("BEGIN", "SELECT", "ROLLBACK")
            return
        session.commit()
        assert sql_log.kinds() == ("BEGIN", "SELECT", "DELETE", "COMMIT")
        assert sql_log.statements[2].startswith("DELETE FROM author")
        assert session.scalar(select(func.count()).select_from(Book_)) == BOOKS - 2
    engine.dispose()
