"""A connection the server dropped: an error without pool_pre_ping, none with it."""

from snippets.pooling.server_side import kill, server_id
from snippets.support import server_url

# --8<-- [start:without_pre_ping]
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

engine = create_engine(server_url(), pool_size=1)
with engine.connect() as connection:
    victim = server_id(connection)
kill(engine, victim)  # (1)!

try:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
except OperationalError as error:
    invalidated = error.connection_invalidated
    print(str(error.orig).splitlines()[0])  # (2)!
    #> terminating connection due to administrator command
    print(invalidated)
    #> True

with engine.connect() as connection:
    replaced = server_id(connection) != victim
print(replaced)  # (3)!
#> True
# --8<-- [end:without_pre_ping]
engine.dispose()

# --8<-- [start:with_pre_ping]
engine = create_engine(server_url(), pool_size=1, pool_pre_ping=True)
with engine.connect() as connection:
    victim = server_id(connection)
kill(engine, victim)

with engine.connect() as connection:  # (1)!
    answer = connection.scalar(text("SELECT 1"))
    replaced_by_ping = server_id(connection) != victim
print(answer, replaced_by_ping)
#> 1 True
# --8<-- [end:with_pre_ping]
engine.dispose()
