"""Where SQLite, PostgreSQL and MariaDB differ in what the chapter "Pagination and counts" shows.

PAGING and NULLS are the two tables on the page (drawn by `python3 dev.py update`); the
tests measure every cell on its own backend with the function MEASURES names for that row.
"""

from __future__ import annotations

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from snippets.pagination.model import Author, Base, Book
from tests.databases import fill

TITLES = ["Dawn", "Fledgling", "Imago", "Kindred", "Parable of the Sower", "Wild Seed"]

PAGING = {
    "`.limit(3).offset(3)` ends the `SELECT` with": {
        "sqlite": "`LIMIT ? OFFSET ?`",
        "postgresql": "`LIMIT %(param_1)s::INTEGER OFFSET %(param_2)s::INTEGER`",
        "mariadb": "`LIMIT %(param_1)s, %(param_2)s`",
    },
    "`.offset(3)` alone ends it with": {
        "sqlite": "`LIMIT ? OFFSET ?` with `(-1, 3)`",
        "postgresql": "`LIMIT ALL OFFSET %(param_1)s::INTEGER`",
        "mariadb": "`LIMIT %(param_1)s, 18446744073709551615`",
    },
    "No `ORDER BY`, `select(Book)`, a title edited between page 1 and page 2": {
        "sqlite": "every book once",
        "postgresql": "book 1 twice, book 4 never",
        "mariadb": "every book once",
    },
    "No `ORDER BY`, `select(Book.id, Book.title)`, the same edit": {
        "sqlite": "book 1 twice, book 4 never",
        "postgresql": "book 1 twice, book 4 never",
        "mariadb": "book 1 twice, book 4 never",
    },
    "`order_by(Book.year)`, 10 books of 2 years, pages of 3": {
        "sqlite": "every book once",
        "postgresql": "1 book twice, 1 never",
        "mariadb": "3 books twice, 3 never",
    },
    "`order_by(Book.year, Book.id)`, the same pages": {
        "sqlite": "every book once",
        "postgresql": "every book once",
        "mariadb": "every book once",
    },
}

NULLS = {
    "`order_by(Book.year)`": {
        "sqlite": "NULL first",
        "postgresql": "NULL last",
        "mariadb": "NULL first",
    },
    "`order_by(Book.year.desc())`": {
        "sqlite": "NULL last",
        "postgresql": "NULL first",
        "mariadb": "NULL last",
    },
    "`order_by(Book.year.nulls_last())`": {
        "sqlite": "NULL last",
        "postgresql": "NULL last",
        "mariadb": "syntax error 1064",
    },
    "`order_by(Book.year.desc().nulls_first())`": {
        "sqlite": "NULL first",
        "postgresql": "NULL first",
        "mariadb": "syntax error 1064",
    },
    "`order_by(Book.year.is_(None), Book.year)`": {
        "sqlite": "NULL last",
        "postgresql": "NULL last",
        "mariadb": "NULL last",
    },
    "`order_by(Book.year.is_not(None), Book.year)`": {
        "sqlite": "NULL first",
        "postgresql": "NULL first",
        "mariadb": "NULL first",
    },
}


def tail_of_select(engine: Engine, statement) -> str:
    """What follows the ORDER BY of `statement` as the backend receives it."""
    sent = []

    def listener(connection, cursor, sql, parameters, *args):
        sent.append((" ".join(sql.split()), parameters))

    fill(
        engine, Base.metadata, Author(name="Octavia Butler", books=[Book(title="Dawn")])
    )
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with Session(engine) as session:
            session.scalars(statement).all()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    ((sql, parameters),) = sent
    tail = sql.split("ORDER BY book.id ")[1]
    if engine.dialect.name == "sqlite" and parameters[0] == -1:
        return f"`{tail}` with `{parameters}`"
    return f"`{tail}`"


def seen(pages: list[list[int]], books: int) -> str:
    """Say which of the books 1..`books` the pages show twice, and which never."""
    ids = [book_id for page in pages for book_id in page]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    never = sorted(set(range(1, books + 1)) - set(ids))
    if not twice and not never:
        return "every book once"
    if twice == [1] and never == [4]:
        return "book 1 twice, book 4 never"
    return f"{len(twice)} book{'s' * (len(twice) > 1)} twice, {len(never)} never"


def edit_between_pages(engine: Engine, columns, *order) -> str:
    """Six books; read page 1 of 3, retitle book 1, read page 2."""
    fill(
        engine,
        Base.metadata,
        Author(name="Octavia Butler", books=[Book(title=t) for t in TITLES]),
    )
    statement = select(*columns).order_by(*order)
    with Session(engine) as session:
        page_1 = [row[0] for row in session.execute(statement.limit(3))]
    with Session(engine) as session:
        session.get(Book, 1).title = "Xenogenesis: Dawn"
        session.commit()
    with Session(engine) as session:
        page_2 = [row[0] for row in session.execute(statement.limit(3).offset(3))]
    ids = [book if isinstance(book, int) else book.id for book in page_1 + page_2]
    return seen([ids], 6)


def pages_of_three(engine: Engine, *order) -> str:
    books = [Book(title=f"Book {n}", year=2020 + n % 2) for n in range(1, 11)]
    fill(engine, Base.metadata, Author(name="Anonymous", books=books))
    statement = select(Book.id).order_by(*order)
    with Session(engine) as session:
        pages = [
            session.scalars(statement.limit(3).offset(start)).all()
            for start in range(0, 10, 3)
        ]
    return seen(pages, 10)


def where_null_goes(engine: Engine, *order) -> str:
    years = [1979, None, 1987]
    books = [Book(title=f"Book {n}", year=year) for n, year in enumerate(years)]
    fill(engine, Base.metadata, Author(name="Anonymous", books=books))
    with Session(engine) as session:
        try:
            got = session.scalars(select(Book.year).order_by(*order)).all()
        except DBAPIError as error:
            return f"syntax error {error.orig.args[0]}"
    if got[0] is None:
        return "NULL first"
    if got[-1] is None:
        return "NULL last"
    return f"NULL in the middle: {got}"


MEASURES = {
    "`.limit(3).offset(3)` ends the `SELECT` with": lambda engine: tail_of_select(
        engine, select(Book).order_by(Book.id).limit(3).offset(3)
    ),
    "`.offset(3)` alone ends it with": lambda engine: tail_of_select(
        engine, select(Book).order_by(Book.id).offset(3)
    ),
    "No `ORDER BY`, `select(Book)`, a title edited between page 1 and page 2": (
        lambda engine: edit_between_pages(engine, [Book])
    ),
    "No `ORDER BY`, `select(Book.id, Book.title)`, the same edit": (
        lambda engine: edit_between_pages(engine, [Book.id, Book.title])
    ),
    "`order_by(Book.year)`, 10 books of 2 years, pages of 3": (
        lambda engine: pages_of_three(engine, Book.year)
    ),
    "`order_by(Book.year, Book.id)`, the same pages": (
        lambda engine: pages_of_three(engine, Book.year, Book.id)
    ),
    "`order_by(Book.year)`": lambda engine: where_null_goes(engine, Book.year),
    "`order_by(Book.year.desc())`": (
        lambda engine: where_null_goes(engine, Book.year.desc())
    ),
    "`order_by(Book.year.nulls_last())`": (
        lambda engine: where_null_goes(engine, Book.year.nulls_last())
    ),
    "`order_by(Book.year.desc().nulls_first())`": (
        lambda engine: where_null_goes(engine, Book.year.desc().nulls_first())
    ),
    "`order_by(Book.year.is_(None), Book.year)`": (
        lambda engine: where_null_goes(engine, Book.year.is_(None), Book.year)
    ),
    "`order_by(Book.year.is_not(None), Book.year)`": (
        lambda engine: where_null_goes(engine, Book.year.is_not(None), Book.year)
    ),
}
