"""A leak or a busy application: what the pool says when nothing should be running."""

from snippets.support import database_url

# --8<-- [start:status]
import logging
import re

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(database_url(file=True), pool_size=2, max_overflow=0)
kept = []  # anything that lives long: a global, a cache, a request object


def request() -> None:
    with Session(engine) as session:
        session.execute(text("SELECT 1"))


def leaky_request() -> None:
    session = Session(engine)
    kept.append(session)  # (1)!
    session.execute(text("SELECT 1"))


request()
print(engine.pool.status())  # (2)!
#> Pool size: 2  Connections in pool: 1 Current Overflow: -1 Current Checked out connections: 0
leaky_request()
print(engine.pool.checkedout())  # (3)!
#> 1
# --8<-- [end:status]


# --8<-- [start:pool_log]
class PrintPoolLog(logging.Handler):
    def emit(self, record):
        print(re.sub(r" at 0x\w+", "", record.getMessage()))  # (1)!


pool_log = logging.getLogger("sqlalchemy.pool")
pool_log.addHandler(PrintPoolLog())
pool_log.setLevel(logging.DEBUG)  # (2)!

request()
#> Created new connection <sqlite3.Connection object>
#> Connection <sqlite3.Connection object> checked out from pool
#> Connection <sqlite3.Connection object> being returned to pool
#> Connection <sqlite3.Connection object> rollback-on-return
leaky_request()
#> Connection <sqlite3.Connection object> checked out from pool
# --8<-- [end:pool_log]
pool_log.removeHandler(pool_log.handlers[-1])
pool_log.setLevel(logging.NOTSET)
for session in kept:
    session.close()
engine.dispose()
