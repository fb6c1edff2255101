"""A pool needs no engine: wrap any DBAPI connect function in a QueuePool."""

# --8<-- [start:pool_without_engine]
import sqlite3

from sqlalchemy.pool import QueuePool

# An in-memory database lives as long as its connection, and no longer.
pool = QueuePool(lambda: sqlite3.connect(":memory:"), pool_size=2, max_overflow=0)

connection = pool.connect()  # (1)!
cursor = connection.cursor()
cursor.execute("CREATE TABLE note (text TEXT)")
cursor.execute("INSERT INTO note VALUES ('pooled')")
connection.commit()
connection.close()  # (2)!
print(pool.checkedout(), pool.checkedin())
#> 0 1

again = pool.connect()  # (3)!
rows = again.cursor().execute("SELECT text FROM note").fetchall()
print(rows)
#> [('pooled',)]
again.close()
pool.dispose()
# --8<-- [end:pool_without_engine]
