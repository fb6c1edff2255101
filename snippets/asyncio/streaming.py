"""stream() and stream_scalars() with yield_per: rows arrive in batches as you
iterate, with `async for`."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:streaming]
import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        query = select(Book.title).order_by(Book.id)
        query = query.execution_options(yield_per=1000)  # (1)!
        result = await session.stream(query)  # (2)!
        #> BEGIN (implicit)
        #> SELECT book.title FROM book ORDER BY book.id
        async for title in result.scalars():  # (3)!
            print(title)
            #> The Dispossessed
            #> The Lathe of Heaven
            #> Solaris
            #> The Cyberiad
            #> Kindred
            #> Dawn

        query = select(Book).order_by(Book.id).execution_options(yield_per=4)
        books = await session.stream_scalars(query)  # (4)!
        #> SELECT book.id, book.title, book.author_id FROM book ORDER BY book.id
        async for batch in books.partitions():
            print(batch)
            #> [Book('The Dispossessed'), Book('The Lathe of Heaven'), Book('Solaris'), Book('The Cyberiad')]
            #> [Book('Kindred'), Book('Dawn')]
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:streaming]
