"""NullPool keeps nothing; AssertionPool allows one checkout at a time."""

from snippets.support import database_url

# --8<-- [start:null_pool]
from sqlalchemy import create_engine
from sqlalchemy.pool import AssertionPool, NullPool

engine = create_engine(database_url(file=True), poolclass=NullPool)
with engine.connect() as connection:
    first = connection.connection.dbapi_connection
with engine.connect() as connection:
    reused = connection.connection.dbapi_connection is first
print(reused)  # (1)!
#> False
# --8<-- [end:null_pool]

# --8<-- [start:assertion_pool]
engine = create_engine(database_url(file=True), poolclass=AssertionPool)
held = engine.connect()
try:
    engine.connect()
except AssertionError as error:
    refusal = str(error).splitlines()[0]
    print(refusal)  # (1)!
    #> connection is already checked out at:
held.close()
# --8<-- [end:assertion_pool]
