"""lazy="dynamic", the legacy ancestor of write_only: the attribute is a Query."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, DynamicMapped, Mapped, Session
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
    books: DynamicMapped["Book"] = relationship()  # (1)!


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
    print(type(ursula.books).__name__)  # (1)!
    print(ursula.books.count())  # (2)!
    print([book.title for book in ursula.books.filter(Book.title.startswith("The D"))])
# --8<-- [end:use]
