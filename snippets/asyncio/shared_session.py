"""Two tasks, one AsyncSession: the second is refused while the first opens a connection."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base, Book
from snippets.loading.library import library

# --8<-- [start:shared_session]
import asyncio

from sqlalchemy.ext.asyncio import AsyncSession


async def name_of(session: AsyncSession, author_id: int) -> str:
    author = await session.get(Author, author_id)
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author WHERE author.id = ? (1,)
    return author.name


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, *library(Author, Book), file=True)
    await engine.dispose()  # (1)!
    async with AsyncSession(engine) as session:
        name, error = await asyncio.gather(
            name_of(session, 1), name_of(session, 2), return_exceptions=True
        )  # (2)!
        print(name)
        #> Ursula
        print(type(error).__name__, error.code)  # (3)!
        #> InvalidRequestError isce
        print(error)
        #> This session is provisioning a new connection; concurrent operations are not permitted (Background on this error at: https://sqlalche.me/e/21/isce)
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:shared_session]
