"""Returning a connection to the pool rolls back what it left open, as the server sees."""

from snippets.pooling.server_side import in_transaction, server_id
from snippets.support import server_url

# --8<-- [start:connection]
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, select

note = Table("pool_note", MetaData(), Column("id", Integer, primary_key=True))
engine = create_engine(server_url())
note.drop(engine, checkfirst=True)
note.create(engine)
engine.dispose()

engine = create_engine(server_url(), pool_size=1)
connection = engine.connect()
ident = server_id(connection)
connection.execute(note.insert().values(id=1))  # (1)!
open_before = in_transaction(engine, ident)
print(open_before)
#> True

connection.close()  # (2)!
open_after = in_transaction(engine, ident)
with engine.connect() as connection:
    rows = connection.scalar(select(func.count()).select_from(note))
print(open_after, rows)
#> False 0
# --8<-- [end:connection]
engine.dispose()

# --8<-- [start:raw]
left_open = {}
for reset in ("rollback", None):
    engine = create_engine(server_url(), pool_size=1, pool_reset_on_return=reset)
    with engine.connect() as connection:
        ident = server_id(connection)  # the pool's one connection
    raw = engine.raw_connection()  # (1)!
    cursor = raw.cursor()
    cursor.execute("INSERT INTO pool_note (id) VALUES (2)")
    raw.close()  # (2)!
    left_open[reset] = in_transaction(engine, ident)
    engine.dispose()  # (3)!
print(left_open)
#> {'rollback': False, None: True}
# --8<-- [end:raw]

note.drop(engine, checkfirst=True)
engine.dispose()
