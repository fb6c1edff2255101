"""A write-only collection is never loaded: you add to it, and you select from it."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, WriteOnlyMapped
from sqlalchemy.orm import mapped_column, relationship

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

# --8<-- [start:use]
with Session(engine) as session:
    ursula = session.get(Author, 1)
    ursula.books.add(Book(title="The Word for World Is Forest"))  # (1)!
    session.commit()

    query = ursula.books.select().where(Book.title.startswith("The W"))  # (2)!
    print(session.scalars(query).one().title)

    try:
        list(ursula.books)  # (3)!
    except TypeError as error:
        print(error)
# --8<-- [end:use]
