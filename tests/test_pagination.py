"""Every claim of docs/pagination.md, on every backend."""

from __future__ import annotations

import ast

import pytest
from sqlalchemy import and_, create_engine, func, or_, select, tuple_
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlalchemy.orm import Session

from snippets.pagination.model import Base, Book
from tests.conftest import backend_name
from tests.outputs import run_snippet
from tests.pagination_facts import MEASURES, NULLS, PAGING, edit_between_pages

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")


def printed(module: str, url: str) -> list:
    """What the snippet printed itself, each line read back as a Python value."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [read(line) for line in lines if not line.startswith(SQL)]


def read(line: str):
    """`line` as a Python value where it is a literal (a list of ids), else as is."""
    try:
        return ast.literal_eval(line)
    except ValueError:
        return line


@pytest.mark.parametrize("fact", {**PAGING, **NULLS})
def test_pagination_fact(fact, backend):
    engine = create_engine(backend)
    try:
        assert (
            MEASURES[fact](engine) == {**PAGING, **NULLS}[fact][backend_name(backend)]
        )
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_limit_offset_and_slice_send_the_same_limit_and_offset(backend, sql_log):
    ns = run_snippet("pagination.limit_offset", backend).namespace
    selects = [s for s in sql_log.statements if s.startswith("SELECT book.id")]
    assert selects[-2] == selects[-1]  # slice(3, 6) is limit(3).offset(3)
    with Session(ns["engine"]) as session:
        second = session.scalars(ns["page"](2)).all()
        assert [b.title for b in second] == ns["titles"][3:]
        assert session.scalars(ns["by_position"]).all() == second
        first = session.scalars(select(Book).order_by(Book.id).slice(0, 3)).all()
        assert first == session.scalars(ns["page"](1)).all()  # the same page at 0
    # no negative positions: slice(-3, None) sends OFFSET -3
    from_the_end = select(Book.id).order_by(Book.id).slice(-3, None)
    with Session(ns["engine"]) as session:
        if backend_name(backend) == "sqlite":  # read as OFFSET 0: every book
            assert session.scalars(from_the_end).all() == [1, 2, 3, 4, 5, 6]
        else:
            with pytest.raises(DBAPIError):
                session.scalars(from_the_end).all()
    assert -3 in from_the_end.compile(ns["engine"]).params.values()


def test_pages_without_order_by_show_an_edited_book_twice_and_skip_another(backend):
    page_1, page_2, fixed_1, fixed_2 = printed("pagination.unordered_pages", backend)
    ids = [row[0] for row in page_1 + page_2]
    assert ids.count(1) == 2 and 4 not in ids  # on all three backends
    assert [row[0] for row in fixed_1 + fixed_2] == [1, 2, 3, 4, 5, 6]
    # the very edit that broke the unordered pages, on fresh data, with the order
    engine = create_engine(backend)
    try:
        listing = [Book.id, Book.title]
        assert edit_between_pages(engine, listing) == "book 1 twice, book 4 never"
        assert edit_between_pages(engine, listing, Book.id) == "every book once"
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_pages_ordered_by_a_column_with_ties_repeat_and_skip_rows_on_the_servers(
    backend,
):
    by_year, by_year_then_id = printed("pagination.tied_pages", backend)
    ids = [i for page in by_year for i in page]
    repeated = len(ids) - len(set(ids))
    assert (
        repeated == {"sqlite": 0, "postgresql": 1, "mariadb": 3}[backend_name(backend)]
    )
    assert len(ids) == 10 and len(set(ids)) == 10 - repeated
    fixed = [i for page in by_year_then_id for i in page]
    assert sorted(fixed) == list(range(1, 11))
    # the tie-breaker gives one order: the years, and the ids within a year
    assert fixed == [2, 4, 6, 8, 10, 1, 3, 5, 7, 9]


def test_the_total_counts_a_subquery_and_legacy_count_sends_the_same(backend, sql_log):
    page, total, legacy = printed("pagination.count_total", backend)
    assert page == "[Book('Dawn'), Book('Imago')]" and total == legacy == 3
    ns = run_snippet("pagination.count_total", backend).namespace
    with Session(ns["engine"]) as session:
        of_the_page = select(func.count()).select_from(ns["first_page"].subquery())
        assert session.scalar(of_the_page) == 2  # the page, not the total
    sql_log.clear()
    run_snippet("pagination.count_total", backend)
    counts = [s for s in sql_log.statements if "count(*)" in s]
    assert len(counts) == 2
    for sql in counts:
        assert sql.startswith("SELECT count(*) AS count_1 FROM (SELECT book.id AS")
        assert sql.endswith(") AS anon_1") and "LIMIT" not in sql


def test_legacy_count_counts_joined_rows_while_all_returns_each_author_once(
    backend,
):
    lines = printed("pagination.count_join", backend)
    legacy_count, legacy_all, count, rows, distinct_count, unique = lines
    assert legacy_count == 3 and count == 3  # one per (author, book) row
    assert legacy_all == "[Author('Octavia Butler'), Author('Ursula K. Le Guin')]"
    assert rows == (
        "[Author('Octavia Butler'), Author('Octavia Butler'), Author('Ursula K. Le Guin')]"
    )
    assert distinct_count == 2 and unique == legacy_all
    # the fix without a join: any() gives the legacy count and list the same answer
    ns = run_snippet("pagination.count_join", backend).namespace
    Author = ns["Author"]
    with Session(ns["engine"]) as session:
        with_any = session.query(Author).filter(Author.books.any(Book.year > 1970))
        assert with_any.count() == len(with_any.all()) == 2
        joined = ns["after_1970"].with_session(session)
        assert joined.count() == 3 and len(joined.all()) == 2


def walk(session, statement, after, size: int = 2) -> list[int]:
    """Every page by keyset: `after(last)` is the condition of the next page."""
    ids, last = [], None
    while True:
        page = statement if last is None else statement.where(after(last))
        books = session.scalars(page.limit(size)).all()
        if not books:
            return ids
        ids += [book.id for book in books]
        last = books[-1]


def test_keyset_pages_by_tuple_or_or_match_the_full_order(backend):
    ns = run_snippet("pagination.keyset", backend).namespace
    orders = {
        "ascending": (
            [Book.year, Book.id],
            lambda b: tuple_(Book.year, Book.id) > (b.year, b.id),
        ),
        "descending": (
            [Book.year.desc(), Book.id.desc()],
            lambda b: tuple_(Book.year, Book.id) < (b.year, b.id),
        ),
        "mixed": (
            [Book.year.desc(), Book.title, Book.id],
            lambda b: or_(
                Book.year < b.year,
                and_(Book.year == b.year, Book.title > b.title),
                and_(Book.year == b.year, Book.title == b.title, Book.id > b.id),
            ),
        ),
    }
    with Session(ns["engine"]) as session:
        session.add(Book(title="Adulthood Rites", year=1987, author_id=1))  # a tie
        session.add(Book(title="Dawn", year=1987, author_id=1))  # year and title
        session.commit()
        for name, (order, after) in orders.items():
            full = session.scalars(select(Book.id).order_by(*order)).all()
            assert len(full) == 7, name  # Kindred was deleted by the snippet
            for size in (1, 2, 3):  # pages of one end between every two rows
                statement = select(Book).order_by(*order)
                assert walk(session, statement, after, size) == full, (name, size)


def test_a_deletion_shifts_offset_pages_but_not_keyset_pages(backend):
    ns = run_snippet("pagination.keyset", backend).namespace
    assert [b.title for b in ns["page_1"]] == ["Kindred", "Wild Seed"]
    assert [b.title for b in ns["by_offset"]] == ["Imago", "Parable of the Sower"]
    assert [b.title for b in ns["by_key"]] == ["Dawn", "Imago"]


def test_the_snippet_keyset_pages_go_up_and_down(backend):
    lines = printed("pagination.keyset", backend)
    assert lines[:4] == [
        "[Book('Kindred'), Book('Wild Seed')]",
        "[Book('Dawn'), Book('Imago')]",
        "[Book('Parable of the Talents'), Book('Parable of the Sower')]",
        "[Book('Imago'), Book('Dawn')]",
    ]


def test_mariadb_refuses_nulls_last_with_a_syntax_error(backend):
    if backend_name(backend) == "mariadb":
        with pytest.raises(ProgrammingError) as raised:
            run_snippet("pagination.nulls_last", backend)
        assert raised.value.orig.args[0] == 1064
        message = str(raised.value.orig)
        assert "You have an error in your SQL syntax" in message
        assert (
            "check the manual that corresponds to your MariaDB server version for the "
            "right syntax to use near 'NULLS LAST'"
        ) in message
        return
    lines = printed("pagination.nulls_last", backend)
    default = {"sqlite": [None, 1979, 1987], "postgresql": [1979, 1987, None]}
    assert lines == [default[backend_name(backend)], [1979, 1987, None]]


def test_ordering_by_is_null_first_puts_nulls_last_on_every_backend(backend):
    assert printed("pagination.nulls_portable", backend) == [
        [1979, 1987, None],
        [1987, 1979, None],
    ]


def test_keyset_pages_by_a_column_with_nulls_lose_rows_until_coalesce(backend):
    lost, kept = printed("pagination.keyset_nulls", backend)
    expected = {
        "sqlite": ["Unfinished", "Untitled"],  # NULLs first, then the walk stops
        "postgresql": ["Kindred", "Dawn", "Imago"],  # NULLs last, never reached
        "mariadb": ["Unfinished", "Untitled"],
    }
    assert lost == expected[backend_name(backend)]
    assert kept == ["Kindred", "Dawn", "Imago", "Unfinished", "Untitled"]
    # pages of three: on SQLite and MariaDB page 1 ends on a known year
    every_page = run_snippet("pagination.keyset_nulls", backend).namespace["every_page"]
    by_three = {
        "sqlite": ["Unfinished", "Untitled", "Kindred", "Dawn", "Imago"],
        "postgresql": ["Kindred", "Dawn", "Imago"],
        "mariadb": ["Unfinished", "Untitled", "Kindred", "Dawn", "Imago"],
    }
    assert every_page(Book.year, 3) == by_three[backend_name(backend)]
    assert every_page(func.coalesce(Book.year, 9999), 3) == kept


def test_sqlite_and_mariadb_read_the_unordered_listing_from_the_title_index(backend):
    ns = run_snippet("pagination.unordered_pages", backend).namespace
    plan = (
        ns["listing"]
        .limit(3)
        .compile(ns["engine"], compile_kwargs={"literal_binds": True})
    )
    with ns["engine"].connect() as connection:
        if backend_name(backend) == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {plan}").all()
            assert any("COVERING INDEX ix_book_title" in row[-1] for row in rows)
        elif backend_name(backend) == "mariadb":
            (row,) = connection.exec_driver_sql(f"EXPLAIN {plan}").mappings().all()
            assert row["key"] == "ix_book_title"
        else:  # PostgreSQL reads the table
            rows = connection.exec_driver_sql(f"EXPLAIN {plan}").scalars().all()
            assert any("Seq Scan on book" in line for line in rows)
