"""Without a ForeignKey, primaryjoin and foreign() tell relationship() how to join."""

from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Shelf(Base):
    __tablename__ = "shelf"

    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["ShelvedBook"]] = relationship(
        primaryjoin="Shelf.id == foreign(ShelvedBook.shelf_id)"  # (1)!
    )


class ShelvedBook(Base):
    __tablename__ = "shelved_book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    shelf_id: Mapped[int]  # (2)!


# --8<-- [end:model]

# --8<-- [start:use]
books = [ShelvedBook(title="Solaris"), ShelvedBook(title="Kindred")]
engine = fresh_engine(Base.metadata, Shelf(books=books))

with Session(engine) as session:
    shelf = session.get(Shelf, 1)
    #> BEGIN (implicit)
    #> SELECT shelf.id FROM shelf WHERE shelf.id = ? (1,)
    print([book.title for book in shelf.books])  # (1)!
    #> SELECT shelved_book.id, shelved_book.title, shelved_book.shelf_id FROM shelved_book WHERE ? = shelved_book.shelf_id (1,)
    #> ['Solaris', 'Kindred']
#> ROLLBACK
# --8<-- [end:use]
