"""Threads sharing one engine: what the pool has checked out, and its overflow."""

from snippets.support import database_url

# --8<-- [start:checkouts]
import threading

from sqlalchemy import create_engine, text

engine = create_engine(database_url(file=True), pool_size=2, max_overflow=2)

holding = threading.Barrier(5)  # four workers and the main thread
done = threading.Event()


def worker() -> None:
    with engine.connect() as connection:  # (1)!
        connection.execute(text("SELECT 1"))
        holding.wait(timeout=10)
        done.wait(timeout=10)


threads = [threading.Thread(target=worker) for _ in range(4)]
for thread in threads:
    thread.start()
holding.wait(timeout=10)  # all four hold a connection now
during = engine.pool.checkedout(), engine.pool.overflow()
print(*during)  # (2)!
#> 4 2

done.set()
for thread in threads:
    thread.join(timeout=10)
after = engine.pool.checkedout(), engine.pool.checkedin(), engine.pool.overflow()
print(*after)  # (3)!
#> 0 2 0
# --8<-- [end:checkouts]
