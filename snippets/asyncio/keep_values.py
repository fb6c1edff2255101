"""expire_on_commit=False: values survive the commit, and reading them needs no SQL."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base

# --8<-- [start:keep_values]
import asyncio

from sqlalchemy.ext.asyncio import async_sessionmaker


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata)
    Session = async_sessionmaker(engine, expire_on_commit=False)
    async with Session() as session:
        author = Author(name="Ursula")
        session.add(author)
        await session.commit()
        #> BEGIN (implicit)
        #> INSERT INTO author (name) VALUES (?) ('Ursula',)
        #> COMMIT
        print(author.name)  # (1)!
        #> Ursula
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:keep_values]
