"""relationship() to a class that was never defined: the error waits for first use."""

# --8<-- [start:error]
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Book(Base):  # (1)!
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship()  # (2)!


try:
    Book(title="Dune")  # (3)!
except InvalidRequestError as error:
    print(error)
    #> When initializing mapper Mapper[Book(book)], expression 'Author' failed to locate a name ('Author'). If this is a class name, consider adding this relationship() to the <class '__main__.Book'> class after both dependent classes have been defined.
# --8<-- [end:error]

# --8<-- [start:sticky]


class Author(Base):  # (1)!
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


try:
    Author(name="Frank Herbert")  # (2)!
except InvalidRequestError as error:
    print(error)
    #> One or more mappers failed to initialize - can't proceed with initialization of other mappers. Triggering mapper: 'Mapper[Book(book)]'. Original exception was: When initializing mapper Mapper[Book(book)], expression 'Author' failed to locate a name ('Author'). If this is a class name, consider adding this relationship() to the <class '__main__.Book'> class after both dependent classes have been defined.
# --8<-- [end:sticky]
