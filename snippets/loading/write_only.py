"""A write-only collection is never loaded: you add to it, and you select from it."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    WriteOnlyMapped,
    mapped_column,
    relationship,
)

from snippets.loading.library import add_library
from snippets.support import fresh_engine


class Base(DeclarativeBase):
    pass


# --8<-- [start:model]
class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: WriteOnlyMapped["Book"] = relationship()  # (1)!


# --8<-- [end:model]


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


engine = fresh_engine(Base.metadata)
add_library(engine, Author, Book)
#> BEGIN (implicit)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Ursula',)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Stanisław',)
#> INSERT INTO author (name) VALUES (?) RETURNING id ('Octavia',)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Dispossessed', 1)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Lathe of Heaven', 1)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Solaris', 2)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('The Cyberiad', 2)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Kindred', 3)
#> INSERT INTO book (title, author_id) VALUES (?, ?) RETURNING id ('Dawn', 3)
#> COMMIT

# --8<-- [start:use]
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
