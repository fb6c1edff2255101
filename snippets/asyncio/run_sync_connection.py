"""AsyncConnection.run_sync(): synchronous Core code, such as the inspector, from a coroutine."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Author, Base

# --8<-- [start:run_sync_connection]
import asyncio

from sqlalchemy import Connection, inspect
from sqlalchemy.exc import NoInspectionAvailable


def table_names(connection: Connection) -> list[str]:
    return inspect(connection).get_table_names()


async def main() -> None:
    engine = await fresh_async_engine(Base.metadata, Author(name="Ursula"))
    async with engine.connect() as connection:
        try:
            inspect(connection)  # (1)!
        except NoInspectionAvailable as error:
            print(type(error).__name__, error.code)
            #> NoInspectionAvailable xd3s
        print(await connection.run_sync(table_names))  # (2)!
        #> BEGIN (implicit)
        #> SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name
        #> ['author', 'book']
    #> ROLLBACK
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:run_sync_connection]
