"""Synchronous and asyncio objects do not mix: each refuses the other, in its own words."""

from snippets.asyncio.engine import async_url
from snippets.support import database_url

# --8<-- [start:mixing]
import asyncio

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine


async def main() -> None:
    url = database_url()  # a synchronous driver's URL, such as sqlite://

    engine = create_engine(async_url(url))  # (1)!
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as error:
        print(type(error).__name__, error.code)
        #> MissingGreenlet xd2s

    try:
        create_async_engine(url)  # (2)!
    except SQLAlchemyError as error:
        print(error)
        #> The asyncio extension requires an async driver to be used. The loaded 'pysqlite' is not async.

    try:
        AsyncSession(create_engine(url))  # (3)!
    except SQLAlchemyError as error:
        print(type(error).__name__, error)
        #> ArgumentError AsyncEngine expected, got Engine(sqlite://)


asyncio.run(main())
# --8<-- [end:mixing]
