"""Relationships under asyncio: which reads and writes need a load, and fail for it."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:relationships]
import asyncio
import warnings

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

warnings.filterwarnings("ignore", "coroutine 'Connection.cursor' was never awaited")


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        ursula = await session.get(Author, 1)
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
        try:
            print(ursula.books)  # (1)!
        except SQLAlchemyError as error:
            print(error.code)
            #> xd2s
        try:
            ursula.books.append(Book(title="The Word for World Is Forest"))  # (2)!
        except SQLAlchemyError as error:
            print(error.code)
            #> xd2s

        query = select(Book).where(Book.title == "The Dispossessed")
        book = await session.scalar(query)
        #> SELECT book.id, book.title, book.author_id FROM book WHERE book.title = ? ('The Dispossessed',)
        print(book.author)  # (3)!
        #> Author('Ursula')
        session.add(Book(title="Always Coming Home", author=ursula))  # (4)!
        await session.commit()
        #> INSERT INTO book (title, author_id) VALUES (?, ?) ('Always Coming Home', 1)
        #> COMMIT
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:relationships]
