"""The helpers of the chapter "asyncio": the examples' database, reached through an
asyncio driver, and a printout of its SQL."""

from snippets.support import database_url, print_sql

# --8<-- [start:engine]
from typing import Any

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

ASYNC_DRIVERS = {  # the asyncio driver of each database the guide runs on
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+psycopg_async",
    "mysql": "mysql+aiomysql",
    "mariadb": "mariadb+aiomysql",
}


def async_url(url: str) -> str:
    """`url` with the asyncio driver of its database: aiosqlite, psycopg (its asyncio
    mode) or aiomysql (pip install aiosqlite, or aiomysql)."""
    database, rest = url.split("://", 1)
    return f"{ASYNC_DRIVERS[database.split('+')[0]]}://{rest}"


async def fresh_async_engine(
    metadata: MetaData,
    *rows: object,
    file: bool = False,
    show_sql: bool = True,
    **options: Any,
) -> AsyncEngine:
    """An asyncio engine on an empty database with the tables of `metadata`, holding
    `rows` (mapped objects, stored first); it prints the SQL sent from then on, unless
    `show_sql=False`. `options` go to create_async_engine() (pool settings, say)."""
    engine = create_async_engine(async_url(database_url(file=file)), **options)
    async with engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
        await connection.run_sync(metadata.create_all)
    if rows:
        async with AsyncSession(engine) as session:
            session.add_all(rows)
            await session.commit()
    if show_sql:
        print_sql(engine.sync_engine, executed=True)
    return engine


# --8<-- [end:engine]
