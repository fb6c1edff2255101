"""lazy="raise": a read the query did not plan for fails at once, with a clear message."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.loading.library import library

# --8<-- [start:raise_guard]
import asyncio

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list["Book"]] = relationship(lazy="raise")  # (1)!


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        ursula = await session.get(Author, 1)
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
        try:
            print(ursula.books)
        except InvalidRequestError as error:
            print(error)  # (2)!
            #> 'Author.books' is not available due to lazy='raise'
        query = select(Author).where(Author.id == 2).options(selectinload(Author.books))
        stanislaw = await session.scalar(query)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (2,)
        #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?) (2,)
        print(len(stanislaw.books))  # (3)!
        #> 2
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:raise_guard]
