"""Two declarative bases: two MetaData collections that do not see each other's tables."""

# --8<-- [start:error]
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import NoReferencedTableError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class AuthorsBase(DeclarativeBase):  # (1)!
    pass


class BooksBase(DeclarativeBase):
    pass


class Author(AuthorsBase):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class Book(BooksBase):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


engine = create_engine("sqlite://")  # (4)!
try:
    BooksBase.metadata.create_all(engine)  # (2)!
except NoReferencedTableError as error:
    print(error)
    #> Foreign key associated with column 'book.author_id' could not find table 'author' with which to generate a foreign key to target column 'id'
print(sorted(AuthorsBase.metadata.tables), sorted(BooksBase.metadata.tables))  # (3)!
#> ['author'] ['book']
# --8<-- [end:error]
