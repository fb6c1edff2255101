"""The classic trap: reading an attribute after `await session.commit()`."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base

# --8<-- [start:error]
import asyncio
import warnings

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

warnings.filterwarnings("ignore", "coroutine 'Connection.cursor' was never awaited")


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata)
    async with AsyncSession(engine) as session:
        author = Author(name="Ursula")
        session.add(author)
        await session.commit()  # (1)!
        #> BEGIN (implicit)
        #> INSERT INTO author (name) VALUES (?) ('Ursula',)
        #> COMMIT
        try:
            print(author.name)  # (2)!
            #> BEGIN (implicit)
        except SQLAlchemyError as error:
            cause = getattr(error, "orig", error)  # (3)!
            print(type(cause).__name__, cause.code)
            #> MissingGreenlet xd2s
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:error]
