"""Every claim of docs/joins.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, func, select
from sqlalchemy.exc import (
    AmbiguousForeignKeysError,
    ArgumentError,
    InvalidRequestError,
    ProgrammingError,
    SAWarning,
    StatementError,
)
from sqlalchemy.orm import Session

from snippets.joins.model import Author, Base, Book, library
from snippets.joins.staff import Employee
from snippets.relationship_joins.airports import Airport
from tests.conftest import backend_name
from tests.databases import fill
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")
JOIN = {"sqlite": "JOIN", "postgresql": "JOIN", "mariadb": "INNER JOIN"}
DISTINCT_ORDER_BY = (
    "for SELECT DISTINCT, ORDER BY expressions must appear in select list"
)
CARTESIAN = [
    f'SELECT statement has a cartesian product between FROM element(s) "{one}" '
    f'and FROM element "{other}".  Apply join condition(s) between each element '
    "to resolve."
    for one, other in (("book", "author"), ("author", "book"))
]


def printed(module: str, url: str) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not is_sql(line)]


def is_sql(line: str) -> bool:
    """A line of the SQL printout (the cartesian warning starts with SELECT too)."""
    return line.startswith(SQL) and not line.startswith("SELECT statement")


def selects(sql_log) -> list[str]:
    """The SELECTs sent, without the catalogue queries of create_all()."""
    catalogue = ("pg_catalog", "information_schema", "PRAGMA")
    return [
        s
        for s in sql_log.statements
        if s.startswith("SELECT") and not any(c in s for c in catalogue)
    ]


@pytest.fixture
def books(backend):
    """An engine on `backend` holding the library of the page's model."""
    engine = fill(create_engine(backend), Base.metadata, *library())
    yield engine
    engine.dispose()


def names(objects) -> list[str]:
    return [getattr(o, "name", None) or o.title for o in objects]


# join() along a relationship


def test_join_along_a_relationship_writes_the_on_clause_from_the_foreign_key(
    backend, sql_log
):
    assert printed("joins.join_along", backend) == [
        "('Ursula', 'A Wizard of Earthsea')",
        "('Ursula', 'The Dispossessed')",
        "('Octavia', 'Kindred')",
        "[('Ursula', 'A Wizard of Earthsea'), ('Ursula', 'The Dispossessed'), "
        "('Octavia', 'Kindred'), ('Iain', None)]",
        "[Book('A Wizard of Earthsea'), Book('The Dispossessed')]",
    ]
    join = JOIN[backend_name(backend)]
    sent = selects(sql_log)
    assert f"FROM author {join} book ON author.id = book.author_id" in sent[0]
    assert "FROM author LEFT OUTER JOIN book ON author.id = book.author_id" in sent[1]
    assert f"FROM book {join} author ON author.id = book.author_id" in sent[2]


def test_a_count_joined_to_an_entity_has_no_left_side_and_raises(backend):
    lines = printed("joins.left_side", backend)
    assert lines[:2] == [
        "Don't know how to join to",
        "Please use the .select_from() method to establish an explicit left side, "
        "as well as providing an explicit ON clause if not present already to help "
        "resolve the ambiguity.",
    ]


def test_select_from_and_join_from_give_the_join_its_left_side(backend, sql_log):
    assert printed("joins.left_side", backend)[2:] == ["2", "2", "['Kindred']"]
    join = JOIN[backend_name(backend)]
    for sent in selects(sql_log):
        assert f"FROM author {join} book ON author.id = book.author_id" in sent


def test_join_to_a_class_takes_its_left_side_from_the_select(books, sql_log):
    join = JOIN[backend_name(str(books.url))]
    with Session(books) as session:
        titles = session.scalars(select(Book.title).join(Author)).all()
        authors = session.scalars(select(Author.name).join(Book)).all()
        counted = session.scalar(select(func.count(Book.id)).join(Author))
    assert sorted(titles) == ["A Wizard of Earthsea", "Kindred", "The Dispossessed"]
    assert sorted(authors) == ["Octavia", "Ursula", "Ursula"]
    assert counted == 3  # a count of a column names its table: a left side
    first, second, third = selects(sql_log)[-3:]
    assert f"FROM book {join} author ON" in first
    assert f"FROM author {join} book ON" in second
    assert f"FROM book {join} author ON" in third


def test_a_join_along_a_relationship_brings_its_own_left_side(books, sql_log):
    join = JOIN[backend_name(str(books.url))]
    with Session(books) as session:
        titles = session.scalars(select(Book.title).join(Author.books)).all()
        counted = session.scalar(select(func.count()).join(Author.books))
        same = session.scalar(select(func.count()).join_from(Author, Book))
    assert sorted(titles) == ["A Wizard of Earthsea", "Kindred", "The Dispossessed"]
    assert counted == same == 3
    for sent in selects(sql_log)[-3:]:
        assert f"FROM author {join} book ON author.id = book.author_id" in sent


def test_a_select_of_an_unrelated_table_has_no_left_side_either(books, sql_log):
    unrelated = select(Airport.code).join(Book)  # built: nothing raised yet
    with (
        Session(books) as session,
        pytest.raises(InvalidRequestError, match="Don't know how to join to"),
    ):
        session.execute(unrelated)
    assert not [s for s in sql_log.statements if s not in ("BEGIN", "ROLLBACK")]


# One row per child


def test_a_join_to_a_collection_repeats_the_parent_once_per_child(backend, sql_log):
    assert printed("joins.repeats", backend) == [
        "[Author('Ursula'), Author('Ursula'), Author('Octavia')]",
        "[Author('Ursula'), Author('Octavia')]",
        "[Author('Ursula'), Author('Octavia')]",
        "[Author('Ursula'), Author('Octavia')]",
    ]
    joined, distinct, unique, exists = selects(sql_log)
    assert distinct.startswith("SELECT DISTINCT author.id, author.name FROM author")
    assert unique == joined and "DISTINCT" not in unique  # unique() works in Python
    assert "WHERE EXISTS (SELECT 1 FROM book" in exists and "JOIN" not in exists


def test_distinct_with_an_order_by_a_child_column_fails_on_postgresql_only(books):
    by_year = select(Author).join(Author.books).order_by(Book.year)
    with Session(books) as session:
        assert names(session.scalars(by_year).unique()) == ["Ursula", "Octavia"]
        if backend_name(str(books.url)) == "postgresql":
            with pytest.raises(ProgrammingError, match=DISTINCT_ORDER_BY):
                session.scalars(by_year.distinct()).all()
        else:
            got = names(session.scalars(by_year.distinct()))
            assert sorted(got) == ["Octavia", "Ursula"]


# Filtering by a related object


def test_comparing_a_many_to_one_with_an_object_compares_the_foreign_key(
    backend, sql_log
):
    run = run_snippet("joins.related_object", backend)
    ns = run.namespace
    lines = [text.rstrip("\n") for _, text in run.printed]
    lines = [line for line in lines if not is_sql(line)]
    assert lines[:2] == [
        "[Book('A Wizard of Earthsea'), Book('The Dispossessed')]",
        "[Book('Go Ask Alice'), Book('Kindred')]",
    ]
    sent = [s for s in selects(sql_log) if s.startswith("SELECT book.id")][:2]
    assert all("JOIN" not in s for s in sent)
    assert sent[0].endswith("= book.author_id")
    assert "book.author_id != " in sent[1] and "OR book.author_id IS NULL" in sent[1]
    assert ns["ursula"].id == 1


def test_an_object_without_a_key_cannot_be_compared_until_it_is_flushed(backend):
    lines = printed("joins.related_object", backend)
    assert lines[2:6] == [
        "InvalidRequestError",
        "Can't resolve value for column author.id",
        "no value has been set for this column",
        "[]",  # added: autoflush sent its INSERT first, and it has no books
    ]


def test_the_key_is_read_when_the_statement_runs_not_when_it_is_built(books):
    with Session(books) as session:
        with session.no_autoflush:
            ann = Author(name="Ann")
            session.add(ann)
            hers = select(Book).where(Book.author == ann)
            with pytest.raises(StatementError, match="no value has been set"):
                session.scalars(hers).all()
        session.flush()
        assert session.scalars(hers).all() == []  # the same statement, now a key
        ann.books.append(Book(title="Late", year=2000))
        session.flush()
        assert names(session.scalars(hers)) == ["Late"]


def test_an_expired_object_is_reloaded_first_and_a_detached_expired_one_raises(
    backend, sql_log
):
    lines = printed("joins.related_object", backend)
    assert lines[6:] == [
        "[Book('A Wizard of Earthsea'), Book('The Dispossessed')]",
        "the object is detached and the value was expired",
        "[Book('Kindred')]",
    ]
    sent = selects(sql_log)
    reload = [i for i, s in enumerate(sent) if s.endswith("WHERE author.id = ?")]
    reload += [i for i, s in enumerate(sent) if "WHERE author.id = %(" in s]
    assert reload, sent  # the refresh of the expired Ursula, before her books
    assert sent[reload[-1] + 1].startswith("SELECT book.id")


def test_a_comparison_written_before_the_expiry_keeps_the_key_of_a_detached_object(
    books,
):
    with Session(books) as session:
        ursula = session.scalars(select(Author).filter_by(name="Ursula")).one()
        octavia = session.scalars(select(Author).filter_by(name="Octavia")).one()
        iain = session.scalars(select(Author).filter_by(name="Iain")).one()
        Book.author == ursula  # noqa: B015  built only, never run
        session.commit()
        Book.author == iain  # noqa: B015  written after the commit: Iain is expired
    with Session(books) as session:
        hers = session.scalars(select(Book).where(Book.author == ursula)).all()
        assert len(hers) == 2
        for author in (octavia, iain):
            with pytest.raises(StatementError, match="detached and the value was expi"):
                session.scalars(select(Book).where(Book.author == author)).all()


def test_without_expiry_at_commit_a_detached_object_can_still_be_compared(books):
    with Session(books, expire_on_commit=False) as session:
        octavia = session.scalars(select(Author).filter_by(name="Octavia")).one()
        session.commit()
    with Session(books) as session:
        found = session.scalars(select(Book).where(Book.author == octavia)).all()
        assert names(found) == ["Kindred"]
    with Session(books, expire_on_commit=False) as session:
        octavia = session.scalars(select(Author).filter_by(name="Octavia")).one()
        session.rollback()  # a rollback expires, whatever expire_on_commit says
    with (
        Session(books) as session,
        pytest.raises(StatementError, match="detached and the value was expired"),
    ):
        session.scalars(select(Book).where(Book.author == octavia)).all()


# EXISTS: any() and has()


def test_any_sends_exists_and_returns_each_author_once_where_the_join_repeats(
    backend, sql_log
):
    lines = printed("joins.exists", backend)
    assert lines[:3] == [
        "[Author('Ursula'), Author('Ursula'), Author('Octavia')]",
        "[Author('Ursula'), Author('Octavia')]",
        "[Author('Iain')]",
    ]
    sent = selects(sql_log)
    assert (
        "WHERE EXISTS (SELECT 1 FROM book WHERE author.id = book.author_id AND"
        in (sent[1])
    )
    assert "WHERE NOT (EXISTS (SELECT 1 FROM book" in sent[2]


def test_has_and_a_join_to_a_many_to_one_return_the_same_books(backend, sql_log):
    lines = printed("joins.exists", backend)
    assert lines[3:] == [
        "[Book('A Wizard of Earthsea'), Book('The Dispossessed')]",
        "[Book('A Wizard of Earthsea'), Book('The Dispossessed')]",
        "[Book('Go Ask Alice')]",
    ]
    sent = selects(sql_log)[3:]
    assert (
        "WHERE EXISTS (SELECT 1 FROM author WHERE author.id = book.author_id"
        in (sent[0])
    )
    assert "WHERE NOT (EXISTS (SELECT 1 FROM author" in sent[2]


def test_a_many_to_one_join_never_repeats_the_child(books):
    # Every book has one author at most: the join and has() agree on any filter.
    with Session(books) as session:
        for condition in (Author.name != "Nobody", Author.id > 0):
            joined = session.scalars(select(Book).join(Book.author).where(condition))
            exists = session.scalars(select(Book).where(Book.author.has(condition)))
            assert sorted(names(joined)) == sorted(names(exists))


# aliased()


def test_joining_the_same_table_twice_without_an_alias_fails_on_each_backend(
    backend,
):
    expected = {
        "sqlite": "OperationalError ambiguous column name: book.author_id",
        "postgresql": 'ProgrammingError table name "book" specified more than once',
        "mariadb": "OperationalError (1066, \"Not unique table/alias: 'book'\")",
    }[backend_name(backend)]
    lines = printed("joins.two_years", backend)
    assert lines[0].strip() == expected


def test_aliased_joins_the_books_table_twice_under_two_names(backend, sql_log):
    lines = printed("joins.two_years", backend)
    assert lines[1:] == ["[('Ursula', 'A Wizard of Earthsea', 'The Dispossessed')]"]
    both = selects(sql_log)[-1]
    assert "book AS book_1 ON author.id = book_1.author_id" in both
    assert "book AS book_2 ON author.id = book_2.author_id" in both


def test_a_self_join_pairs_each_employee_with_their_manager(backend, sql_log):
    assert Employee.manager.property.direction.name == "MANYTOONE"  # remote_side
    assert printed("joins.managers", backend) == [
        "[('Ada', 'Grace'), ('Alan', 'Grace')]",
        "[('Ada', 'Grace'), ('Alan', 'Grace'), ('Grace', None)]",
        "['Ada', 'Alan']",
    ]
    first = selects(sql_log)[0]
    join = JOIN[backend_name(backend)]
    assert (
        f"FROM employee {join} employee AS employee_1 "
        "ON employee_1.id = employee.manager_id" in first
    )


# Counting children per parent


def test_count_star_over_an_outer_join_counts_an_author_without_books_as_one(
    backend,
):
    assert printed("joins.counting", backend)[:2] == [
        "[('Ursula', 2), ('Octavia', 1)]",  # the inner join drops Iain
        "[('Ursula', 2), ('Octavia', 1), ('Iain', 1)]",  # count(*) counts his row
    ]


def test_count_of_the_child_key_over_an_outer_join_gives_zero(backend, sql_log):
    assert printed("joins.counting", backend)[2:] == [
        "[('Ursula', 2), ('Octavia', 1), ('Iain', 0)]",
        "[('Ursula', 2)]",
    ]
    assert "HAVING count(book.id) >= " in selects(sql_log)[-1]


def test_grouping_by_the_name_alone_merges_two_authors_of_one_name(books):
    with Session(books) as session:
        session.add(Author(name="Ursula", books=[Book(title="Other", year=1990)]))
        session.flush()
        count = func.count(Book.id)
        joined = select(Author.name, count).outerjoin(Author.books)
        by_name = session.execute(joined.group_by(Author.name)).all()
        by_key = session.execute(joined.group_by(Author.id, Author.name)).all()
        assert sorted(by_name) == [("Iain", 0), ("Octavia", 1), ("Ursula", 3)]
        assert sorted(by_key) == [
            ("Iain", 0),
            ("Octavia", 1),
            ("Ursula", 1),
            ("Ursula", 2),
        ]


# When it goes wrong: the cartesian product


def test_two_entities_without_a_join_send_a_cartesian_product_and_warn(
    backend, sql_log
):
    run = run_snippet("joins.cartesian", backend)
    lines = [text.rstrip("\n") for _, text in run.printed]
    lines = [line for line in lines if not is_sql(line)]
    assert run.namespace["message"] in CARTESIAN  # the page quotes it whole
    assert lines[:4] == [
        "12",  # 3 authors times 4 books
        "SAWarning",
        "SELECT statement has a cartesian product between FROM element(s)",
        "Apply join condition(s) between each element to resolve.",
    ]
    assert "FROM author, book" in selects(sql_log)[0]


def test_the_cartesian_warning_names_the_two_tables_in_either_order(books):
    # The linter starts from an element popped from a set of tables, hashed by
    # their address: fresh Table objects for the same two tables land in both
    # orders within one process.
    seen = set()
    with books.connect() as conn:
        for _ in range(40):
            metadata = MetaData()
            author = Table("author", metadata, Column("name", String(50)))
            book = Table("book", metadata, Column("title", String(100)))
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                assert (
                    len(conn.execute(select(author.c.name, book.c.title)).all()) == 12
                )
            [warning] = caught
            assert str(warning.message) in CARTESIAN
            seen.add(str(warning.message))
    assert seen == set(CARTESIAN)


def test_the_cartesian_warning_is_on_by_default_and_off_without_from_linting(books):
    pairs = select(Author.name, Book.title)
    quiet = create_engine(books.url, enable_from_linting=False)  # the same database
    for engine, expected in ((books, 1), (quiet, 0)):
        with (
            Session(engine) as session,
            warnings.catch_warnings(record=True) as caught,
        ):
            warnings.simplefilter("always")
            assert len(session.execute(pairs).all()) == 12
        assert sum(issubclass(w.category, SAWarning) for w in caught) == expected
    quiet.dispose()


def test_an_explicit_join_removes_the_cartesian_warning(backend):
    assert printed("joins.cartesian", backend)[4:] == ["3 0"]


def test_the_cartesian_warning_comes_once_per_statement_not_once_per_run(books):
    def run(session, statement) -> tuple[int, int]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rows = len(session.execute(statement).all())
        return rows, sum(issubclass(w.category, SAWarning) for w in caught)

    with Session(books) as session:
        assert run(session, select(Author.name, Book.title)) == (12, 1)
        assert run(session, select(Author.name, Book.title)) == (12, 0)  # cached
        only_octavia = select(Author.name, Book.title).where(Author.name == "Octavia")
        assert run(session, only_octavia) == (4, 1)  # a filter on one side: still
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert len(session.query(Author, Book).all()) == 12
        assert [w.category for w in caught] == [SAWarning]  # the legacy Query too


# When it goes wrong: two foreign keys


def test_joining_tables_linked_by_two_foreign_keys_raises_ambiguous_foreign_keys(
    backend,
):
    lines = printed("joins.two_paths", backend)
    assert lines[:2] == [
        "AmbiguousForeignKeysError",
        "Can't determine join between 'airport' and 'flight'; tables have more than "
        "one foreign key constraint relationship between them. Please specify the "
        "'onclause' of this join explicitly.",
    ]
    assert issubclass(AmbiguousForeignKeysError, ArgumentError)
    assert not issubclass(AmbiguousForeignKeysError, InvalidRequestError)


def test_a_relationship_or_an_explicit_on_clause_picks_the_foreign_key(
    backend, sql_log
):
    assert printed("joins.two_paths", backend)[2:] == [
        "[('LHR', 'BA117'), ('JFK', 'BA178')]",
        "[('JFK', 'BA117'), ('LHR', 'BA178')]",
    ]
    leaving, landing = selects(sql_log)[-2:]
    assert "ON airport.id = flight.origin_id" in leaving
    assert "ON flight.destination_id = airport.id" in landing


def test_the_join_errors_are_raised_before_any_sql_is_sent(books, sql_log):
    no_left_side = select(func.count()).join(Book)
    with (
        Session(books) as session,
        pytest.raises(InvalidRequestError, match="Don't know how to join to"),
    ):
        session.execute(no_left_side)
    assert not [s for s in sql_log.statements if s not in ("BEGIN", "ROLLBACK")]
