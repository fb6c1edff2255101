"""back_populates must name an attribute that exists on the other class."""

# --8<-- [start:misnamed]
from sqlalchemy import ForeignKey
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["Book"]] = relationship(back_populates="writer")  # (1)!


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship(back_populates="books")


try:
    Base.registry.configure()
except InvalidRequestError as error:
    print(str(error).split("  ")[0])
    #> Mapper 'Mapper[Book(book)]' has no property 'writer'.
# --8<-- [end:misnamed]
