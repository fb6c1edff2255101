"""Each database starts its transactions at an isolation level of its own."""

from snippets.support import database_url

# --8<-- [start:isolation_level]
from sqlalchemy import create_engine

engine = create_engine(database_url())
with engine.connect() as connection:
    print(connection.get_isolation_level())
    #> SERIALIZABLE
# --8<-- [end:isolation_level]
