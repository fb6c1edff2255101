"""Authors, their books with a year, and the books' reviews: the model of the chapter."""

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(
        back_populates="author",
        order_by="Book.id",  # (1)!
        cascade="all, delete-orphan",  # (2)!
    )

    def __repr__(self) -> str:
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    year: Mapped[int]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship(back_populates="books")
    reviews: Mapped[list["Review"]] = relationship(
        back_populates="book", order_by="Review.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Book({self.title!r})"


class Review(Base):
    __tablename__ = "review"

    id: Mapped[int] = mapped_column(primary_key=True)
    stars: Mapped[int]
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id"))
    book: Mapped["Book"] = relationship(back_populates="reviews")

    def __repr__(self) -> str:
        return f"Review({self.stars})"


# --8<-- [end:model]


# --8<-- [start:library]
def library() -> list[Author]:
    """Three authors; two of them have a book published after 2000."""
    return [
        Author(
            name="Ursula",
            books=[
                Book(title="The Dispossessed", year=1974, reviews=[Review(stars=5)]),
                Book(title="Lavinia", year=2008, reviews=[Review(stars=4)]),
            ],
        ),
        Author(
            name="Octavia",
            books=[
                Book(title="Kindred", year=1979),
                Book(title="Fledgling", year=2005),
            ],
        ),
        Author(name="Stanisław", books=[Book(title="Solaris", year=1961)]),
    ]


# --8<-- [end:library]
