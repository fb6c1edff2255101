"""Without a ForeignKey, relationship() cannot tell how two tables join."""

# --8<-- [start:no_foreign_key]
from sqlalchemy import String
from sqlalchemy.exc import InvalidRequestError, NoForeignKeysError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Shelf(Base):
    __tablename__ = "shelf"

    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["ShelvedBook"]] = relationship()


class ShelvedBook(Base):
    __tablename__ = "shelved_book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    shelf_id: Mapped[int]  # (1)!


try:
    Base.registry.configure()  # (2)!
except NoForeignKeysError as error:
    print(type(error).__name__)
    #> NoForeignKeysError
    print(str(error).split(" - ")[0])
    #> Could not determine join condition between parent/child tables on relationship Shelf.books

try:
    ShelvedBook(title="Solaris")  # (3)!
except InvalidRequestError as error:
    print(str(error).split(" - ")[0])
    #> One or more mappers failed to initialize
# --8<-- [end:no_foreign_key]
