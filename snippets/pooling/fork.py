"""After fork, the child must not use the parent's pooled connections: dispose(close=False)."""

from snippets.support import database_url

# --8<-- [start:fork]
import multiprocessing

from sqlalchemy import create_engine, text

engine = create_engine(database_url(file=True), pool_size=1)


def child(results) -> None:
    engine.dispose(close=False)  # (1)!
    results.put(engine.pool.checkedin())
    with engine.connect() as connection:
        results.put(connection.scalar(text("SELECT 1")))


with engine.connect() as connection:
    connection.execute(text("SELECT 1"))
print(engine.pool.checkedin())  # (2)!
#> 1

context = multiprocessing.get_context("fork")  # (3)!
results = context.Queue()
process = context.Process(target=child, args=(results,))
process.start()
in_child = results.get(timeout=10), results.get(timeout=10)
print(*in_child)
#> 0 1
process.join(timeout=10)
parent_kept = engine.pool.checkedin()
print(process.exitcode, parent_kept)  # (4)!
#> 0 1
# --8<-- [end:fork]
engine.dispose()
