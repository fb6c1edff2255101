"""A write-only collection is never loaded: you add to it, and you select from it."""

from snippets.loading.library import library
from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    WriteOnlyMapped,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: WriteOnlyMapped["Book"] = relationship()  # (1)!


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
    ursula.books.add(Book(title="The Word for World Is Forest"))  # (1)!
    session.commit()
    #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Word for World Is Forest', 1)
    #> COMMIT

    query = ursula.books.select().where(Book.title.startswith("The W"))  # (2)!
    print(session.scalars(query).one().title)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id AND (book.title LIKE ? || '%') (1, 'The W')
    #> The Word for World Is Forest

    try:
        list(ursula.books)  # (3)!
    except TypeError as error:
        print(error)
        #> WriteOnly collections don't support iteration in-place; to query for collection items, use the select() method to produce a SQL statement and execute it with session.scalars().
#> ROLLBACK
# --8<-- [end:use]

# --8<-- [start:delete_parent]
with Session(engine) as session:
    session.delete(session.get(Author, 1))
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    try:
        session.commit()  # (1)!
        #> ROLLBACK
    except InvalidRequestError as error:
        print(" ".join(str(error).split()))
        #> Attribute Author.books can't load the existing state from the database for this operation; full iteration is not permitted. If this is a delete operation, configure passive_deletes=True on the Author.books relationship in order to resolve this error.
# --8<-- [end:delete_parent]
