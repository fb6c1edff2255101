"""backref declares both ends in one place; the second one appears only at configuration."""

from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    backref,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(backref="author")  # (1)!

    def __repr__(self) -> str:
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))  # (2)!

    def __repr__(self) -> str:
        return f"Book({self.title!r})"


# --8<-- [end:model]

# --8<-- [start:appears_later]
print(hasattr(Book, "author"))  # (1)!
#> False
Base.registry.configure()  # (2)!
print(hasattr(Book, "author"))
#> True
print(Book.author.property.back_populates, Author.books.property.back_populates)  # (3)!
#> books author
# --8<-- [end:appears_later]

# --8<-- [start:same_behaviour]
engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    book = Book(title="The Left Hand of Darkness")
    book.author = Author(name="Ursula")
    print(book.author.books)  # (1)!
    #> [Book('The Left Hand of Darkness')]
    session.add(book)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Ursula',)
    #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Left Hand of Darkness', 1)
    #> COMMIT
# --8<-- [end:same_behaviour]


# --8<-- [start:configured_backref]
class Shelf(Base):
    __tablename__ = "shelf"

    id: Mapped[int] = mapped_column(primary_key=True)
    boxes: Mapped[list["Box"]] = relationship(
        backref=backref("shelf", lazy="joined")  # (1)!
    )


class Box(Base):
    __tablename__ = "box"

    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))


Base.registry.configure()
print(Box.shelf.property.lazy)
#> joined
# --8<-- [end:configured_backref]
