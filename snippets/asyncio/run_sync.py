"""AsyncSession.run_sync(): synchronous ORM code, lazy loads included, from a coroutine."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:run_sync]
import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session


def count_books(session: Session) -> dict[str, int]:  # (1)!
    authors = session.scalars(select(Author).order_by(Author.id))
    return {author.name: len(author.books) for author in authors}


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        print(await session.run_sync(count_books))  # (2)!
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author ORDER BY author.id
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (1,)
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (2,)
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (3,)
        #> {'Ursula': 2, 'Stanisław': 2, 'Octavia': 2}
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:run_sync]
