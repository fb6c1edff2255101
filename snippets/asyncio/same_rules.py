"""The rules of the Session hold under asyncio: states, autoflush, the identity map."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base
from snippets.states.state_of import state_of

# --8<-- [start:same_rules]
import asyncio

from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncSession


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata)
    async with AsyncSession(engine) as session:
        author = Author(name="Ursula")
        session.add(author)  # (1)!
        print(state_of(author), inspect(author).session is session.sync_session)
        #> pending True

        query = select(Author).where(Author.name == "Ursula")
        found = await session.scalar(query)  # (2)!
        #> BEGIN (implicit)
        #> INSERT INTO author (name) VALUES (?) ('Ursula',)
        #> SELECT author.id, author.name FROM author WHERE author.name = ? ('Ursula',)
        print(found is author, state_of(author))
        #> True persistent

        print(await session.get(Author, author.id) is author)  # (3)!
        #> True

        await session.commit()
        #> COMMIT
        print(state_of(author), sorted(inspect(author).expired_attributes))  # (4)!
        #> persistent ['books', 'id', 'name']
    print(state_of(author))
    #> detached
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:same_rules]
