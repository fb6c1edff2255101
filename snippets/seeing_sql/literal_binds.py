"""literal_binds writes the values into the SQL text, as the engine's dialect quotes them."""

from snippets.seeing_sql.terminal import show_sql
from snippets.support import database_url

# --8<-- [start:literal]
import datetime

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    select,
)
from sqlalchemy.exc import CompileError

event = Table(
    "event",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("title", String(50)),
    Column("day", Date),
)
stmt = select(event.c.id).where(
    event.c.title == "Bob's party",
    event.c.day == datetime.date(2025, 1, 31),
    event.c.id.in_([1, 2, 3]),
)
engine = create_engine(database_url())
show_sql(stmt.compile(engine, compile_kwargs={"literal_binds": True}))  # (1)!
#> SELECT event.id
#> FROM event
#> WHERE event.title = 'Bob''s party' AND event.day = '2025-01-31' AND event.id IN (1, 2, 3)
# --8<-- [end:literal]

# --8<-- [start:error]
settings = Table("settings", MetaData(), Column("data", JSON))
stmt = settings.insert().values(data={"theme": "dark"})
try:
    stmt.compile(engine, compile_kwargs={"literal_binds": True})
except CompileError as error:
    print(error)  # (1)!
    #> No literal value renderer is available for literal value "{'theme': 'dark'}" with datatype JSON
# --8<-- [end:error]

# --8<-- [start:fix]
compiled = stmt.compile(engine)
show_sql(compiled)  # (1)!
#> INSERT INTO settings (data) VALUES (?)
print(compiled.params)
#> {'data': {'theme': 'dark'}}
# --8<-- [end:fix]
