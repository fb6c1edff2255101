"""AsyncAttrs: `await obj.awaitable_attrs.name` loads an attribute that a plain read could not."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:awaitable_attrs]
import asyncio

from sqlalchemy.ext.asyncio import AsyncSession


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book))
    async with AsyncSession(engine) as session:
        author = await session.get(Author, 1)
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
        books = await author.awaitable_attrs.books  # (1)!
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (1,)
        print(books)
        #> [Book('The Dispossessed'), Book('The Lathe of Heaven')]
        await session.commit()
        #> COMMIT
        print(await author.awaitable_attrs.name)  # (2)!
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
        #> Ursula
        print(await author.awaitable_attrs.name)  # (3)!
        #> Ursula
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:awaitable_attrs]
