"""Authors and their books; a book is soft-deleted by setting its deleted_at."""

# --8<-- [start:model]
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SoftDelete:  # (1)!
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(back_populates="author")

    def __repr__(self) -> str:
        return f"Author({self.name!r})"


class Book(SoftDelete, Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship(back_populates="books")

    def __repr__(self) -> str:
        return f"Book({self.title!r})"


# --8<-- [end:model]

# --8<-- [start:rows]
DELETED = datetime(2024, 1, 1)


def library() -> list[Author]:
    """Octavia, with Kindred (kept) and Dawn (soft-deleted)."""
    books = [Book(title="Kindred"), Book(title="Dawn", deleted_at=DELETED)]
    return [Author(name="Octavia", books=books)]


# --8<-- [end:rows]


# --8<-- [start:note]
class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int]
    text: Mapped[str] = mapped_column(String(100))

    def __repr__(self) -> str:
        return f"Note({self.text!r})"


def notes() -> list[Note]:
    """Two tenants, one note each."""
    return [Note(tenant_id=1, text="Plan A"), Note(tenant_id=2, text="Plan B")]


# --8<-- [end:note]
