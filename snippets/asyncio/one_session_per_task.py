"""One session per task: each task opens its own, and gets its own connection."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:one_session_per_task]
import asyncio

from sqlalchemy.ext.asyncio import async_sessionmaker


async def name_of(Session: async_sessionmaker, author_id: int) -> str:
    async with Session() as session:  # (1)!
        author = await session.get(Author, author_id)
        return author.name


async def main() -> None:
    engine = await fresh_async_engine(
        Base.metadata, *library(Author, Book), file=True, show_sql=False
    )  # (2)!
    Session = async_sessionmaker(engine)
    print(await asyncio.gather(name_of(Session, 1), name_of(Session, 2)))
    #> ['Ursula', 'Stanisław']
    print(engine.pool.checkedin())  # (3)!
    #> 2
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:one_session_per_task]
