"""Without back_populates, the other end learns of a change only from the database."""

from snippets.support import fresh_engine

# --8<-- [start:model]
import warnings

from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship()  # (1)!

    def __repr__(self) -> str:
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship()

    def __repr__(self) -> str:
        return f"Book({self.title!r})"


# --8<-- [end:model]

# --8<-- [start:warning]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    Base.registry.configure()  # (1)!

for warning in caught:
    if warning.category is SAWarning:
        print(warning.category.__name__, warning.message.code)
        #> SAWarning qzyx
# --8<-- [end:warning]

# --8<-- [start:not_in_step]
engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    ursula = Author(name="Ursula")
    book = Book(title="The Dispossessed")
    ursula.books.append(book)
    print(book.author)  # (1)!
    #> None

    session.add(ursula)
    session.commit()  # (2)!
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Ursula',)
    #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Dispossessed', 1)
    #> COMMIT
    print(book.author)  # (3)!
    #> BEGIN (implicit)
    #> SELECT book.id, book.title, book.author_id FROM book WHERE book.id = ? (1,)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    #> Author('Ursula')
#> ROLLBACK
# --8<-- [end:not_in_step]
