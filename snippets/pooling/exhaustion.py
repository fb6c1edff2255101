"""When every connection is checked out, the next checkout waits, then fails (3o7r)."""

from snippets.support import database_url

# --8<-- [start:exhaustion]
import time

from sqlalchemy import create_engine
from sqlalchemy.exc import TimeoutError

engine = create_engine(
    database_url(file=True), pool_size=1, max_overflow=1, pool_timeout=0.5
)
first, second = engine.connect(), engine.connect()  # the pool and its overflow

started = time.monotonic()
try:
    engine.connect()  # (1)!
except TimeoutError as error:
    waited = time.monotonic() - started
    print(error)
    #> QueuePool limit of size 1 overflow 1 reached, connection timed out, timeout 0.50 (Background on this error at: https://sqlalche.me/e/21/3o7r)

second.close()
third = engine.connect()  # (2)!
print(engine.pool.checkedout())
#> 2
# --8<-- [end:exhaustion]
first.close()
third.close()
