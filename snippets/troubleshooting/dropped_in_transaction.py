"""A connection dropped inside a session's transaction: every later statement fails until rollback()."""

from snippets.pooling.server_side import kill, server_id
from snippets.support import server_url

# --8<-- [start:error]
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, PendingRollbackError
from sqlalchemy.orm import Session

engine = create_engine(server_url(), pool_pre_ping=True)

session = Session(engine)
print(session.scalar(text("SELECT 1")))  # the session's transaction begins
#> 1
kill(engine, server_id(session.connection()))  # (1)!

try:
    session.scalar(text("SELECT 1"))
except OperationalError as error:
    print(error.code, str(error.orig).splitlines()[0])  # (2)!
    #> e3q8 terminating connection due to administrator command

try:
    session.scalar(text("SELECT 1"))
except PendingRollbackError as error:
    print(error.code, str(error).split(" (Background")[0])  # (3)!
    #> 8s2b Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding
# --8<-- [end:error]

# --8<-- [start:fix]
session.rollback()  # (1)!
print(session.scalar(text("SELECT 1")))
#> 1
session.close()
# --8<-- [end:fix]
engine.dispose()
