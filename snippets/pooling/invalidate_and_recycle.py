"""A pool replaces a connection when it is invalidated, or older than pool_recycle."""

from snippets.support import database_url

# --8<-- [start:invalidate]
import time

from sqlalchemy import create_engine

engine = create_engine(database_url(file=True), pool_size=1)

with engine.connect() as connection:
    first = connection.connection.dbapi_connection
    connection.invalidate()  # (1)!

with engine.connect() as connection:
    reused_after_invalidate = connection.connection.dbapi_connection is first
print(reused_after_invalidate)  # (2)!
#> False
# --8<-- [end:invalidate]

# --8<-- [start:recycle]
engine = create_engine(database_url(file=True), pool_size=1, pool_recycle=1)

with engine.connect() as connection:
    first = connection.connection.dbapi_connection
with engine.connect() as connection:
    reused_while_young = connection.connection.dbapi_connection is first
print(reused_while_young)  # (1)!
#> True

time.sleep(1.1)
with engine.connect() as connection:
    reused_when_old = connection.connection.dbapi_connection is first
print(reused_when_old)  # (2)!
#> False
# --8<-- [end:recycle]
