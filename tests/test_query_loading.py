"""Every claim of docs/query_loading.md, on every backend."""

from __future__ import annotations

import re
import warnings

import pytest
import sqlalchemy
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.exc import ArgumentError, IntegrityError, InvalidRequestError, SAWarning
from sqlalchemy.orm import (
    Session,
    contains_eager,
    joinedload,
    raiseload,
    selectinload,
)

from snippets.query_loading.model import Author, Base, Book, Review, library
from tests.conftest import backend_name
from tests.databases import fill
from tests.outputs import run_snippet
from tests.sql_facts import SENT, sent

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")
ON_2_1 = sqlalchemy.__version__.startswith("2.1.")
EVERY_BOOK = {
    "Ursula": ["The Dispossessed", "Lavinia"],
    "Octavia": ["Kindred", "Fledgling"],
    "Stanisław": ["Solaris"],
}
RECENT = {"Ursula": ["Lavinia"], "Octavia": ["Fledgling"]}


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


def shelf(lines: list[str]) -> dict[str, str]:
    """`name [books]` lines as a dict, whatever order the backend returned them in."""
    return dict(line.split(" ", 1) for line in lines)


def listed(books: dict[str, list[str]]) -> dict[str, str]:
    return {
        name: "[" + ", ".join(f"Book({t!r})" for t in titles) + "]"
        for name, titles in books.items()
    }


def selects(sql_log) -> list[str]:
    """The SELECTs of the chapter's tables (not the ones that create them)."""
    ours = re.compile(r"^SELECT .* FROM \(?(SELECT .* FROM )?(author|book|review)\b")
    return [s for s in sql_log.statements if ours.match(s)]


@pytest.fixture
def stored(backend):
    """An engine on `backend` holding the chapter's library."""
    engine = fill(create_engine(backend), Base.metadata, *library())
    yield engine
    engine.dispose()


FILTERED = {
    "contains_eager": select(Author)
    .join(Author.books)
    .where(Book.year > 2000)
    .options(contains_eager(Author.books)),
    "selectinload_and": select(Author).options(
        selectinload(Author.books.and_(Book.year > 2000))
    ),
    "joinedload_and": select(Author).options(
        joinedload(Author.books.and_(Book.year > 2000))
    ),
}


def titles_of(authors) -> dict[str, list[str]]:
    return {a.name: [b.title for b in a.books] for a in authors}


# --- joinedload against contains_eager ------------------------------------------


def test_joinedload_loads_every_book_whatever_the_where(backend, sql_log):
    ns = run_snippet("query_loading.joined_ignores_where", backend).namespace
    lines = printed("query_loading.joined_ignores_where", backend)
    assert shelf(lines[:2]) == listed({k: EVERY_BOOK[k] for k in RECENT})
    with Session(ns["engine"]) as session:  # the same authors as without the option
        plain = select(Author).join(Author.books).where(Book.year > 2000)
        names = set(session.scalars(plain).unique())
        assert {a.name for a in names} == set(RECENT)
    joined = selects(sql_log)[0]
    assert "JOIN book ON author.id = book.author_id" in joined
    assert "LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id" in joined
    assert "WHERE book.year >" in joined and "book_1.year >" not in joined


def test_contains_eager_loads_only_the_books_the_query_matched(backend, sql_log):
    lines = printed("query_loading.joined_ignores_where", backend)
    assert shelf(lines[2:]) == listed(RECENT)
    own = selects(sql_log)[1]
    assert "book_1" not in own and "LEFT OUTER" not in own
    join = "INNER JOIN" if backend_name(backend) == "mariadb" else "JOIN"
    join = f"author {join} book"
    assert f"{join} ON author.id = book.author_id WHERE book.year >" in own


def test_a_filtered_option_keeps_every_author_and_filters_the_in_query(
    backend, sql_log
):
    lines = printed("query_loading.filtered_option", backend)
    assert shelf(lines) == {**listed(RECENT), "Stanisław": "[]"}
    in_query = selects(sql_log)[1]
    assert "WHERE book.author_id IN (" in in_query and ") AND book.year >" in in_query


def test_a_filtered_joinedload_puts_the_condition_in_the_on_clause(stored, sql_log):
    with Session(stored) as session:
        sql_log.clear()
        authors = session.scalars(FILTERED["joinedload_and"]).unique().all()
        assert titles_of(authors) == {**RECENT, "Stanisław": []}
    (joined,) = selects(sql_log)
    on = "LEFT OUTER JOIN book AS book_1 ON author.id = book_1.author_id AND "
    assert on + "book_1.year >" in joined and " WHERE " not in joined


# --- the session already holds the authors --------------------------------------


@pytest.mark.parametrize("populate_existing", [False, True])
@pytest.mark.parametrize("kind", FILTERED)
def test_a_filtered_load_replaces_a_loaded_collection_only_with_populate_existing(
    stored, kind, populate_existing, sql_log
):
    with Session(stored) as session:
        held = session.scalars(select(Author).options(selectinload(Author.books)))
        held = held.all()  # hold them: the identity map keeps objects weakly
        sql_log.clear()
        query = FILTERED[kind].execution_options(populate_existing=populate_existing)
        session.scalars(query).unique().all()
        assert selects(sql_log), "the filtered query is sent either way"
        expected = EVERY_BOOK
        if populate_existing:
            expected = {**EVERY_BOOK, **RECENT}
            if kind != "contains_eager":  # the inner join drops Stanisław
                expected["Stanisław"] = []
        assert titles_of(held) == expected


@pytest.mark.parametrize("before", ["let go", "commit", "rollback", "commit, kept"])
@pytest.mark.parametrize("kind", FILTERED)
def test_a_filtered_load_fills_a_collection_that_was_expired_or_let_go(
    stored, kind, before
):
    everything = select(Author).options(selectinload(Author.books))
    with Session(stored, expire_on_commit=before != "commit, kept") as session:
        held = session.scalars(everything).all()
        assert titles_of(held) == EVERY_BOOK
        if before == "let go":
            del held  # nothing refers to the authors any more
        elif before == "rollback":
            session.rollback()
        else:
            session.commit()
        authors = session.scalars(FILTERED[kind]).unique().all()
        if before == "commit, kept":
            assert titles_of(authors) == {
                name: EVERY_BOOK[name] for name in titles_of(authors)
            }
        else:
            expected = dict(RECENT)
            if kind != "contains_eager":  # the inner join drops Stanisław
                expected["Stanisław"] = []
            assert titles_of(authors) == expected


@pytest.mark.parametrize("autoflush", [True, False])
def test_populate_existing_overwrites_unflushed_changes_only_without_autoflush(
    stored, autoflush
):
    everything = select(Author).options(selectinload(Author.books))
    with Session(stored, autoflush=autoflush) as session:
        ursula = session.scalars(everything.where(Author.id == 1)).one()
        ursula.name = "Ursula K."
        ursula.books.append(Book(title="Lathe", year=2020))
        reload = FILTERED["contains_eager"].execution_options(populate_existing=True)
        session.scalars(reload).unique().all()
        if autoflush:  # flushed first, then reloaded as stored
            assert ursula.name == "Ursula K."
            assert [b.title for b in ursula.books] == ["Lavinia", "Lathe"]
        else:
            assert ursula.name == "Ursula"
            assert [b.title for b in ursula.books] == ["Lavinia"]


def test_the_snippet_of_a_held_collection_shows_both_cases(backend):
    lines = printed("query_loading.already_loaded", backend)
    assert shelf(lines[:2]) == listed({k: EVERY_BOOK[k] for k in RECENT})
    assert shelf(lines[2:4]) == listed(RECENT)
    assert shelf(lines[4:]) == listed(EVERY_BOOK)


def test_a_partial_collection_stays_for_later_reads_and_queries_until_a_commit(
    backend,
):
    lines = printed("query_loading.partial_stays", backend)
    assert lines == [
        "[Book('Lavinia')]",
        "[Book('Lavinia')]",
        "[Book('The Dispossessed'), Book('Lavinia')]",
    ]


@pytest.mark.parametrize("later", [selectinload, joinedload])
def test_a_later_eager_query_keeps_the_partial_list(stored, later):
    with Session(stored) as session:
        held = session.scalars(FILTERED["contains_eager"]).unique().all()
        query = select(Author).options(later(Author.books))
        authors = session.scalars(query).unique().all()
        assert titles_of(authors) == {**RECENT, "Stanisław": ["Solaris"]}
        assert titles_of(held) == RECENT


@pytest.mark.parametrize("forget", ["rollback", "expire", "commit"])
def test_a_partial_collection_loads_whole_once_the_author_expires(stored, forget):
    with Session(stored) as session:
        authors = session.scalars(FILTERED["contains_eager"]).unique().all()
        assert titles_of(authors)["Ursula"] == ["Lavinia"]
        if forget == "expire":
            session.expire(authors[0])
        else:
            getattr(session, forget)()
        ursula = session.get(Author, 1)
        assert [b.title for b in ursula.books] == EVERY_BOOK["Ursula"]


@pytest.mark.parametrize("after", ["commit, kept", "close"])
def test_a_partial_collection_survives_a_commit_without_expiry_and_a_close(
    stored, after
):
    with Session(stored, expire_on_commit=after == "close") as session:
        authors = session.scalars(FILTERED["contains_eager"]).unique().all()
        ursula = next(a for a in authors if a.name == "Ursula")
        if after == "close":
            session.close()
        else:
            session.commit()
            assert session.get(Author, 1) is ursula
        assert [b.title for b in ursula.books] == RECENT["Ursula"]
    with Session(stored) as later:
        later.add(ursula)
        assert [b.title for b in ursula.books] == RECENT["Ursula"]
        assert later.get(Author, 1) is ursula


# --- a flush with a partial collection ------------------------------------------


def rows_elsewhere(engine) -> tuple[list, list]:
    """Authors and books as another connection sees them."""
    observer = create_engine(engine.url)
    try:
        with observer.connect() as connection:
            authors = connection.scalars(select(Author.name).order_by(Author.id))
            books = select(Book.title, Book.author_id).order_by(Book.id)
            return authors.all(), [tuple(r) for r in connection.execute(books)]
    finally:
        observer.dispose()


def test_clear_on_a_partial_collection_deletes_only_the_books_it_holds(backend):
    ns = run_snippet("query_loading.partial_flush", backend).namespace
    lines = printed("query_loading.partial_flush", backend)
    assert lines[0] == "['The Dispossessed']"
    # the module ends with the fix; check the clear() case on its own engine
    engine = fill(create_engine(backend), Base.metadata, *library())
    with Session(engine) as session:
        ursula = session.scalars(ns["recent"]).unique().one()
        ursula.books.clear()
        session.commit()
    authors, books = rows_elsewhere(engine)
    assert authors == ["Ursula", "Octavia", "Stanisław"]
    assert ("The Dispossessed", 1) in books and "Lavinia" not in dict(books)
    engine.dispose()


@pytest.mark.parametrize("pragma", [False, True], ids=["default", "fk-pragma"])
def test_deleting_an_author_whose_collection_is_partial_leaves_its_other_books(
    stored, pragma
):
    engine = create_engine(stored.url)
    if pragma and engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def enforce_foreign_keys(connection, record):
            connection.execute("PRAGMA foreign_keys=ON")

    enforced = pragma or engine.dialect.name != "sqlite"
    with Session(engine) as session:
        ursula = session.scalars(FILTERED["contains_eager"]).unique().all()[0]
        assert ursula.name == "Ursula" and len(ursula.books) == 1
        session.delete(ursula)
        if enforced:
            with pytest.raises(IntegrityError):
                session.commit()
        else:  # SQLite without the pragma: no foreign keys enforced
            session.commit()
    engine.dispose()
    authors, books = rows_elsewhere(stored)
    if enforced:
        assert authors == ["Ursula", "Octavia", "Stanisław"]
        assert len(books) == 5  # the whole flush was rolled back
    else:
        assert authors == ["Octavia", "Stanisław"]
        assert ("The Dispossessed", 1) in books  # its author is gone
        assert "Lavinia" not in dict(books)


def test_the_snippet_of_the_delete_shows_each_backends_outcome(backend):
    lines = printed("query_loading.partial_flush", backend)
    if backend_name(backend) == "sqlite":
        assert lines[1] == "[('The Dispossessed', 1)]"
    else:
        assert lines[1] == "refused by the foreign key"


def test_refreshing_the_collection_first_lets_the_cascade_delete_every_book(
    backend,
):
    run = run_snippet("query_loading.partial_flush", backend)
    lines = printed("query_loading.partial_flush", backend)
    assert lines[2:] == ["[Book('The Dispossessed'), Book('Lavinia')]", "3"]
    authors, books = rows_elsewhere(run.namespace["engine"])
    assert authors == ["Octavia", "Stanisław"]
    assert sorted(dict(books)) == ["Fledgling", "Kindred", "Solaris"]


# --- chained options ------------------------------------------------------------


def test_chained_selectinload_sends_one_query_per_level(backend, sql_log):
    lines = printed("query_loading.chained", backend)
    expected = "[('The Dispossessed', [Review(5)]), ('Lavinia', [Review(4)])]"
    assert lines == [expected, expected]
    first = selects(sql_log)[:3]
    assert len(selects(sql_log)) == 4  # then the joined chain: one statement
    assert [s.split(" FROM ")[1].split()[0] for s in first] == [
        "author",
        "book",
        "review",
    ]
    assert " IN (" in first[2]


def test_chained_joinedload_sends_one_statement_with_two_outer_joins(backend, sql_log):
    printed("query_loading.chained", backend)
    joined = selects(sql_log)[3:]
    assert len(joined) == 1
    assert "LEFT OUTER JOIN book AS book_1" in joined[0]
    assert "LEFT OUTER JOIN review AS review_1" in joined[0]


def test_an_option_for_a_related_class_needs_the_full_path(backend):
    lines = printed("query_loading.unchained", backend)
    assert lines[0] == (
        "Please specify the full path from one of the root entities "
        "to the target attribute."
    )
    with Session(create_engine(backend)) as session:
        query = select(Author).options(
            selectinload(Author.books), selectinload(Book.reviews)
        )
        with pytest.raises(ArgumentError) as raised:
            session.scalars(query).all()
    if ON_2_1:
        start = "Mapped class Book referenced in option selectinload(Book.reviews) "
        middle = "e.g. Author."
    else:
        start = "Mapped class Mapper[Book(book)] "
        middle = "e.g. Mapper[Author(author)]."
    message = str(raised.value)
    assert message.startswith(start + "does not apply to any of the root entities")
    assert middle in message
    assert lines[1] == "[('The Dispossessed', [Review(5)]), ('Lavinia', [Review(4)])]"


# --- raiseload("*") -------------------------------------------------------------


@pytest.mark.parametrize("guard_first", [True, False])
def test_raiseload_star_refuses_the_rest_and_the_named_option_wins_in_either_order(
    stored, guard_first, sql_log
):
    options = [raiseload("*"), selectinload(Author.books)]
    if not guard_first:
        options.reverse()
    with Session(stored) as session:
        authors = session.scalars(select(Author).options(*options)).all()
        sql_log.clear()
        assert titles_of(authors) == EVERY_BOOK  # the named option loaded them
        assert sql_log.statements == []
        for read in (
            lambda: authors[0].books[0].reviews,
            lambda: authors[0].books[0].author,
        ):
            with pytest.raises(InvalidRequestError, match="lazy='raise'"):
                read()
    with Session(stored) as session:
        author = session.scalars(select(Author).options(raiseload("*"))).first()
        with pytest.raises(
            InvalidRequestError, match="'Author.books' is not available"
        ):
            _ = author.books


@pytest.mark.parametrize("eager", [selectinload, joinedload])
def test_raiseload_star_reaches_the_books_an_eager_option_loads(stored, eager):
    with Session(stored) as session:
        query = select(Author).options(raiseload("*"), eager(Author.books))
        ursula = session.scalars(query.order_by(Author.id)).unique().first()
        with pytest.raises(
            InvalidRequestError, match="'Book.reviews' is not available"
        ):
            _ = ursula.books[0].reviews
        with pytest.raises(InvalidRequestError, match="'Book.author' is not available"):
            _ = ursula.books[0].author
        chained = eager(Author.books).selectinload(Book.reviews)
        query = select(Author).options(raiseload("*"), chained)
        query = query.execution_options(populate_existing=True)
        ursula = session.scalars(query.order_by(Author.id)).unique().first()
        assert [r.stars for r in ursula.books[0].reviews] == [5]


@pytest.mark.parametrize(
    "then", ["a later query", "commit, kept", "commit", "rollback", "expire"]
)
def test_raiseload_star_stays_on_the_objects_until_they_expire(stored, then, sql_log):
    guarded = select(Author).order_by(Author.id).options(raiseload("*"))
    with Session(stored, expire_on_commit=then != "commit, kept") as session:
        ursula = session.scalars(guarded).first()
        if then == "a later query":
            assert session.scalars(select(Author).order_by(Author.id)).first() is ursula
        elif then == "expire":
            session.expire(ursula)
        else:
            getattr(session, then.split(",")[0])()
        if then in ("a later query", "commit, kept"):
            with pytest.raises(InvalidRequestError, match="lazy='raise'"):
                _ = ursula.books
        else:
            sql_log.clear()
            assert [b.title for b in ursula.books] == EVERY_BOOK["Ursula"]
            assert any("FROM book" in s for s in sql_log.statements)  # a lazy load


def test_the_guard_snippet_refuses_the_reviews_until_the_query_names_them(backend):
    lines = printed("query_loading.raiseload_guard", backend)
    assert lines == [
        "[Book('The Dispossessed'), Book('Lavinia')]",
        "'Book.reviews' is not available due to lazy='raise'",
        "[Review(5)]",
    ]


# --- LIMIT ----------------------------------------------------------------------


def test_joinedload_with_limit_limits_the_authors_in_a_subquery(backend, sql_log):
    lines = printed("query_loading.with_limit", backend)
    two = listed({k: EVERY_BOOK[k] for k in ("Octavia", "Stanisław")})
    assert shelf(lines[:2]) == two
    joined = selects(sql_log)[0]
    inner = "FROM (SELECT author.id AS id, author.name AS name FROM author "
    inner += "ORDER BY author.name LIMIT "
    assert inner in joined
    assert ") AS anon_1 LEFT OUTER JOIN book AS book_1 ON anon_1.id" in joined
    assert ("OFFSET" in joined) == (backend_name(backend) == "sqlite")


def test_selectinload_with_limit_limits_the_first_query(backend, sql_log):
    lines = printed("query_loading.with_limit", backend)
    assert shelf(lines[2:4]) == shelf(lines[:2])
    first, books = selects(sql_log)[1:3]
    assert first.startswith("SELECT author.id, author.name FROM author ORDER BY")
    assert " LIMIT " in first and "JOIN" not in first
    assert "FROM book WHERE book.author_id IN (" in books and "LIMIT" not in books


def test_contains_eager_with_limit_counts_rows_and_cuts_the_collection(
    backend, sql_log
):
    lines = printed("query_loading.with_limit", backend)
    assert lines[4] == "Octavia [Book('Kindred')]"
    own = selects(sql_log)[3]
    assert "anon_1" not in own and own.split(" LIMIT ")[0].endswith(
        "author.name, book.id"
    )


@pytest.mark.parametrize("eager", [selectinload, joinedload])
def test_limit_counts_the_rows_of_your_own_join_whatever_the_option(
    backend, eager, sql_log
):
    lines = printed("query_loading.with_limit", backend)  # it stores the library
    assert lines[5:] == ["['Octavia', 'Octavia']", "['Octavia', 'Ursula']"]
    stored = create_engine(backend)
    first_two = select(Author).order_by(Author.name).limit(2)
    joined = first_two.join(Author.books).where(Book.year > 1970)
    exists = first_two.where(Author.books.any(Book.year > 1970))
    with Session(stored) as session:
        sql_log.clear()
        authors = session.scalars(joined.options(eager(Author.books))).unique().all()
        assert [a.name for a in authors] == ["Octavia"]
        if eager is joinedload:  # the join and its LIMIT go in the subquery
            assert " FROM (SELECT author.id AS id" in sql_log.statements[-1]
            assert "JOIN book ON author.id = book.author_id WHERE " in (
                sql_log.statements[-1].replace("INNER JOIN", "JOIN")
            )
        authors = session.scalars(exists.options(eager(Author.books))).unique().all()
        assert titles_of(authors) == {k: EVERY_BOOK[k] for k in ("Octavia", "Ursula")}
        assert "WHERE EXISTS (SELECT 1 FROM book" in " ".join(sql_log.statements)
    stored.dispose()


# --- when it goes wrong ---------------------------------------------------------

REFUSED = (
    "The unique() method must be invoked on this Result, as it contains results "
    "that include joined eager loads against collections"
)


def test_a_joined_collection_with_limit_needs_unique_for_scalars_and_execute(
    backend,
):
    lines = printed("query_loading.unique_required", backend)
    assert lines == [
        REFUSED,
        "[Author('Octavia'), Author('Stanisław')]",
        "[(Author('Octavia'),), (Author('Stanisław'),)]",
    ]
    engine = run_snippet("query_loading.unique_required", backend).namespace["engine"]
    joined = select(Author).options(joinedload(Author.books))
    with Session(engine) as session:
        for run in (session.scalars, session.execute):
            with pytest.raises(InvalidRequestError, match=re.escape(REFUSED)):
                run(joined).all()
        legacy = session.query(Author).options(joinedload(Author.books)).all()
        assert sorted(a.name for a in legacy) == sorted(EVERY_BOOK)  # once each


def test_contains_eager_without_the_join_warns_and_gives_every_author_every_match(
    backend,
):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SAWarning)  # the snippet records its own
        lines = printed("query_loading.without_join", backend)
    both = "[Book('Lavinia'), Book('Fledgling')]"
    assert shelf(lines[:3]) == {name: both for name in EVERY_BOOK}
    assert lines[3] == (
        "SAWarning: SELECT statement has a cartesian product between FROM element(s)"
    )
    assert shelf(lines[4:]) == listed(RECENT)
    engine = create_engine(backend)
    query = select(Author).where(Book.year > 2000)
    with Session(engine) as session, pytest.warns(SAWarning) as caught:
        session.scalars(query.options(contains_eager(Author.books))).unique().all()
    message = str(caught[0].message)
    assert message.endswith("Apply join condition(s) between each element to resolve.")
    assert '"author"' in message and '"book"' in message
    engine.dispose()


def test_a_commit_after_the_cartesian_load_writes_nothing(stored, sql_log):
    query = select(Author).where(Book.year > 2000).options(contains_eager(Author.books))
    with Session(stored) as session, warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        authors = session.scalars(query).unique().all()
        assert len(authors) == 3 and all(len(a.books) == 2 for a in authors)
        sql_log.clear()
        session.commit()
    assert sql_log.statements == ["COMMIT"]
    _, books = rows_elsewhere(stored)
    assert sorted(books) == sorted(
        [("The Dispossessed", 1), ("Lavinia", 1), ("Kindred", 2)]
        + [("Fledgling", 2), ("Solaris", 3)]
    )
    with Session(stored) as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 2


def test_contains_eager_of_a_collection_needs_unique_too(stored):
    with Session(stored) as session:
        with pytest.raises(InvalidRequestError, match=re.escape(REFUSED)):
            session.scalars(FILTERED["contains_eager"]).all()
        assert len(session.scalars(FILTERED["contains_eager"]).unique().all()) == 2


@pytest.mark.parametrize("second", [selectinload, joinedload])
@pytest.mark.parametrize("first", [selectinload, joinedload])
def test_chained_options_can_mix_selectinload_and_joinedload(
    stored, first, second, sql_log
):
    with Session(stored) as session:
        chained = getattr(first(Author.books), second.__name__)(Book.reviews)
        # e.g. selectinload(Author.books).joinedload(Book.reviews)
        query = select(Author).options(chained)
        authors = session.scalars(query).unique().all()
        sql_log.clear()
        reviews = {
            b.title: [r.stars for r in b.reviews] for a in authors for b in a.books
        }
        assert reviews["The Dispossessed"] == [5] and reviews["Lavinia"] == [4]
        assert sql_log.statements == []


@pytest.mark.parametrize("name", sorted(SENT))
def test_each_backend_sends_the_sql_its_tab_shows(name, backend):
    """The per-database tabs of the joins and eager-loading pages: the statement of
    the example, run on each backend, sends exactly its tab's SQL."""
    assert sent(name, backend) == SENT[name][backend_name(backend)]
