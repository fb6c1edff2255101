"""The pool of an asyncio engine: a checkout that waits lets other tasks run, then gives up."""

from snippets.asyncio.engine import fresh_async_engine
from snippets.asyncio.model import Base

# --8<-- [start:pool]
import asyncio

from sqlalchemy.exc import TimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine


async def hold(engine: AsyncEngine, seconds: float) -> None:
    async with engine.connect():
        await asyncio.sleep(seconds)


async def main() -> None:
    engine = await fresh_async_engine(
        Base.metadata, file=True, pool_size=1, max_overflow=0, pool_timeout=0.5
    )  # (1)!
    print(type(engine.pool).__name__)
    #> AsyncAdaptedQueuePool

    holder = asyncio.create_task(hold(engine, 0.1))
    await asyncio.sleep(0)  # (2)!
    print(engine.pool.checkedout())
    #> 1
    async with engine.connect():  # (3)!
        print("Checked out.")
        #> Checked out.
    await holder

    async with engine.connect():
        try:
            async with engine.connect():  # (4)!
                pass
        except TimeoutError as error:
            print(type(error).__name__, error.code)
            #> TimeoutError 3o7r
            print(error)
            #> QueuePool limit of size 1 overflow 0 reached, connection timed out, timeout 0.50 (Background on this error at: https://sqlalche.me/e/21/3o7r)
    await engine.dispose()


asyncio.run(main())
# --8<-- [end:pool]
