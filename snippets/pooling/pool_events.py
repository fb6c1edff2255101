"""Pool events: a per-connection setting applied on connect, and the checkout cycle."""

# --8<-- [start:connect]
from sqlalchemy import create_engine, event, text

engine = create_engine("sqlite://")  # SQLite's foreign keys are off until switched on


@event.listens_for(engine, "connect")
def enforce_foreign_keys(dbapi_connection, connection_record):  # (1)!
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


with engine.connect() as connection:
    print(connection.scalar(text("PRAGMA foreign_keys")))  # (2)!
    #> 1
# --8<-- [end:connect]

# --8<-- [start:cycle]
for name in ("checkout", "checkin", "reset"):
    event.listen(engine, name, lambda *args, name=name: print(name))  # (1)!

with engine.connect() as connection:
    #> checkout
    connection.execute(text("SELECT 1"))
#> reset
#> checkin
# --8<-- [end:cycle]
