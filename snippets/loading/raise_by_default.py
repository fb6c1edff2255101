"""lazy="raise" on the mapping, and a loader option in each query that needs the books."""

from snippets.loading.library import library
from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(lazy="raise")  # (1)!


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


# --8<-- [end:model]

# --8<-- [start:queries]
engine = fresh_engine(Base.metadata, *library(Author, Book))

with Session(engine) as session:
    author = session.scalars(select(Author).limit(1)).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author LIMIT ? OFFSET ? (1, 0)
    try:
        print(author.books)
    except InvalidRequestError:
        print("refused")  # (1)!
        #> refused
#> ROLLBACK

with Session(engine) as session:
    query = select(Author).options(selectinload(Author.books)).limit(1)  # (2)!
    author = session.scalars(query).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author LIMIT ? OFFSET ? (1, 0)
    #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?) (1,)
    print(len(author.books))
    #> 2
#> ROLLBACK
# --8<-- [end:queries]

# --8<-- [start:after_commit]
with Session(engine) as session:
    query = select(Author).options(selectinload(Author.books)).where(Author.id == 1)
    author = session.scalars(query).one()
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?) (1,)
    author.name = "Ursula K. Le Guin"
    session.commit()  # (1)!
    #> UPDATE author SET name=? WHERE author.id = ? ('Ursula K. Le Guin', 1)
    #> COMMIT
    try:
        print(len(author.books))  # (2)!
    except InvalidRequestError:
        print("refused")
        #> refused

    author = session.scalars(query).one()  # (3)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?) (1,)
    print(len(author.books))
    #> 2
#> ROLLBACK
# --8<-- [end:after_commit]
