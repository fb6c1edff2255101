"""selectinload: the query loads the books, so reading them needs no SQL."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:eager_loading]
import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        query = select(Author).options(selectinload(Author.books))  # (1)!
        for author in await session.scalars(query):
            #> BEGIN (implicit)
            #> SELECT author.id, author.name FROM author
            #> SELECT book.author_id, book.id, book.title FROM book WHERE book.author_id IN (?, ?, ?) (1, 2, 3)
            print(author.name, len(author.books))  # (2)!
            #> Ursula 2
            #> Stanisław 2
            #> Octavia 2
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:eager_loading]
