"""Authors and their books, with a year: the model and the rows of the joins examples."""

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(back_populates="author")

    def __repr__(self) -> str:
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    year: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("author.id"))  # (1)!
    author: Mapped["Author | None"] = relationship(back_populates="books")

    def __repr__(self) -> str:
        return f"Book({self.title!r})"


def library() -> list[object]:
    """Three authors, one of them without books, and a book without an author."""
    return [
        Author(
            name="Ursula",
            books=[
                Book(title="A Wizard of Earthsea", year=1968),
                Book(title="The Dispossessed", year=1974),
            ],
        ),
        Author(name="Octavia", books=[Book(title="Kindred", year=1979)]),
        Author(name="Iain"),  # (2)!
        Book(title="Go Ask Alice", year=1971),  # (3)!
    ]


# --8<-- [end:model]
