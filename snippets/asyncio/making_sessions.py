"""An asyncio engine, a session factory, and sessions as async context managers."""

from snippets.asyncio.engine import async_url
from snippets.asyncio.model import Author, Base
from snippets.support import database_url, print_sql

# --8<-- [start:making_sessions]
import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine


async def main() -> None:
    engine = create_async_engine(async_url(database_url()))  # (1)!
    async with engine.begin() as connection:  # (2)!
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
    print_sql(engine.sync_engine, executed=True)

    Session = async_sessionmaker(engine, expire_on_commit=False)  # (3)!

    async with Session.begin() as session:  # (4)!
        session.add(Author(name="Ursula"))
    #> BEGIN (implicit)
    #> INSERT INTO author (name) VALUES (?) ('Ursula',)
    #> COMMIT
    async with Session() as session:  # (5)!
        authors = await session.scalars(select(Author))
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author
        print(authors.all())
        #> [Author('Ursula')]
    #> ROLLBACK
    await engine.dispose()  # (6)!


asyncio.run(main())
# --8<-- [end:making_sessions]
