"""`await session.refresh()` loads what a plain read could not: columns or a relationship."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book

# --8<-- [start:refresh]
import asyncio

from sqlalchemy.ext.asyncio import AsyncSession


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata)
    async with AsyncSession(engine) as session:
        author = Author(name="Ursula", books=[Book(title="The Dispossessed")])
        session.add(author)
        await session.commit()
        #> BEGIN (implicit)
        #> INSERT INTO author (name) VALUES (?) ('Ursula',)
        #> INSERT INTO book (title, author_id) VALUES (?, ?) ('The Dispossessed', 1)
        #> COMMIT
        await session.refresh(author, ["name"])  # (1)!
        #> BEGIN (implicit)
        #> SELECT author.name FROM author WHERE author.id = ? (1,)
        print(author.name)
        #> Ursula
        await session.refresh(author, ["books"])  # (2)!
        #> SELECT author.id FROM author WHERE author.id = ? (1,)
        #> SELECT book.id, book.title, book.author_id FROM book WHERE ? = book.author_id (1,)
        print(author.books)
        #> [Book('The Dispossessed')]
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:refresh]
