"""Every model imported before first use, and the mappers configured at startup."""

from snippets.support import fresh_engine

# --8<-- [start:fix]
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship(back_populates="books")


class Author(Base):  # (1)!
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list[Book]] = relationship(back_populates="author")


Base.registry.configure()  # (2)!
engine = fresh_engine(Base.metadata)
with Session(engine) as session:
    session.add(Book(title="Dune", author=Author(name="Frank Herbert")))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Frank Herbert',)
    #> INSERT INTO book (title, author_id) VALUES (?, ?) ('Dune', 1)
    #> COMMIT
    print(session.scalars(select(Book.title).join(Book.author)).all())
    #> BEGIN (implicit)
    #> SELECT book.title FROM book JOIN author ON author.id = book.author_id
    #> ['Dune']
#> ROLLBACK
# --8<-- [end:fix]
