"""lazy="dynamic", the legacy ancestor of write_only: the attribute is a Query."""

from snippets.loading.library import library
from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import (
    DeclarativeBase,
    DynamicMapped,
    Mapped,
    Session,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: DynamicMapped["Book"] = relationship()  # (1)!


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


# --8<-- [end:model]

# --8<-- [start:use]
engine = fresh_engine(Base.metadata, *library(Author, Book))

with Session(engine) as session:
    ursula = session.get(Author, 1)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    print(type(ursula.books).__name__)  # (1)!
    #> AppenderQuery
    print(ursula.books.count())  # (2)!
    #> SELECT count(*) AS count_1 FROM (SELECT book.id AS book_id, book.title AS book_title, book.author_id AS book_author_id FROM book WHERE ? = book.author_id) AS anon_1 (1,)
    #> 2
    print([book.title for book in ursula.books.filter(Book.title.startswith("The D"))])
    #> SELECT book.id AS book_id, book.title AS book_title, book.author_id AS book_author_id FROM book WHERE ? = book.author_id AND (book.title LIKE ? || '%') (1, 'The D')
    #> ['The Dispossessed']
#> ROLLBACK
# --8<-- [end:use]
