"""Every value of `lazy=` on the same data: the SQL it sends, and how many statements.

STRATEGIES describes each strategy; `measure()` maps Author.books with it, loads the
three authors of LIBRARY, reads the books of each, and records the SQL of both steps.
The table of docs/loading.md is drawn from `measure()` on SQLite by
`python3 dev.py update`; the tests run `measure()` on every backend and compare.
"""

import warnings
from dataclasses import dataclass

from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from snippets.loading.library import library


@dataclass(frozen=True)
class Strategy:
    lazy: str
    option: str  # the loader option, or the annotation, that asks for it per query
    loads: str  # when the books arrive
    status: str


STRATEGIES = [
    Strategy(
        "select", "lazyload()", "on first access, one query per author", "the default"
    ),
    Strategy(
        "joined",
        "joinedload()",
        "with the authors, in the same query",
        "current; collections need .unique()",
    ),
    Strategy(
        "subquery",
        "subqueryload()",
        "with the authors, in a second query",
        "legacy: selectin does the same more simply",
    ),
    Strategy(
        "selectin",
        "selectinload()",
        "with the authors, in a second query",
        "current; the best default for collections",
    ),
    Strategy(
        "immediate",
        "immediateload()",
        "with the authors, one query per author",
        "current",
    ),
    Strategy("raise", "raiseload()", "not on reading: it raises", "current"),
    Strategy(
        "raise_on_sql",
        "raiseload(sql_only=True)",
        "not on a read that needs SQL: it raises",
        "current",
    ),
    Strategy(
        "noload",
        "noload()",
        "not on reading: the list stays empty",
        "deprecated in 2.1",
    ),
    Strategy(
        "dynamic",
        "DynamicMapped",
        "when you run its query",
        "legacy since 2.0",
    ),
    Strategy(
        "write_only",
        "WriteOnlyMapped",
        "when you run its select()",
        "current, 2.0+",
    ),
]


def mapped_with(lazy: str):
    """A fresh Author/Book mapping of the tables author and book, with `lazy`."""

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        books = relationship("Book", lazy=lazy)  # untyped: the right annotation varies

    class Book(Base):
        __tablename__ = "book"
        id: Mapped[int] = mapped_column(primary_key=True)
        title: Mapped[str] = mapped_column(String(100))
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))

    return Base, Author, Book


def read_books(session: Session, author, lazy: str) -> list:
    """The books of `author`, read the way each strategy allows."""
    if lazy == "write_only":
        return session.scalars(author.books.select()).all()
    if lazy == "dynamic":
        return author.books.all()
    return list(author.books)


@dataclass
class Measurement:
    loading: list[str]  # the SQL of the query for the authors
    reading: list[str]  # the SQL sent while reading every author's books
    books: int | str  # how many books were read, or the error raised
    warned: list[str]  # SQLAlchemy's warnings of mapping, loading and reading


def measure(lazy: str, url: str = "sqlite://") -> Measurement:
    """Load the authors of LIBRARY and read their books, with `lazy`, on `url`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        measurement = _measure(lazy, url)
    measurement.warned = [  # SQLAlchemy's own; not, say, a ResourceWarning
        f"{w.category.__name__}: {w.message}"
        for w in caught
        if w.category.__module__.startswith("sqlalchemy")
    ]
    return measurement


def _measure(lazy: str, url: str) -> Measurement:
    Base, Author, Book = mapped_with(lazy)
    Base.registry.configure()
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(library(Author, Book))
        session.commit()
    sent: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(connection, cursor, sql, parameters, context, executemany):
        text = " ".join(sql.split())
        sent.append(f"{text} {parameters}" if parameters else text)

    with Session(engine) as session:
        query = select(Author).order_by(Author.id)
        authors = session.scalars(query).unique().all()
        loading, sent[:] = sent[:], []
        try:
            books = sum(len(read_books(session, a, lazy)) for a in authors)
        except InvalidRequestError as error:
            books = type(error).__name__
    engine.dispose()
    return Measurement(loading, sent, books, warned=[])
