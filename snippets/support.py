"""What every example shares: a fresh database, and a printout of the SQL it receives."""

import os

from sqlalchemy import Engine, MetaData, create_engine, event

# The tests point the examples at PostgreSQL or MariaDB through this variable.
DATABASE_URL = "GUIDE_DATABASE_URL"


# --8<-- [start:fresh_engine]
def fresh_engine(metadata: MetaData) -> Engine:
    """Connect to an empty database holding the tables of `metadata`; print its SQL."""
    engine = create_engine(os.environ.get(DATABASE_URL, "sqlite://"))
    metadata.drop_all(engine)
    metadata.create_all(engine)
    print_sql(engine)
    return engine


# --8<-- [end:fresh_engine]


# --8<-- [start:print_sql]
def print_sql(engine: Engine) -> None:
    """Print every statement the engine sends, and where each transaction starts and ends."""

    @event.listens_for(engine, "before_cursor_execute")
    def statement(connection, cursor, sql, parameters, context, executemany):
        text = " ".join(sql.split())
        print(f"{text} {parameters}" if parameters else text)

    @event.listens_for(engine, "begin")
    def begin(connection):
        print("BEGIN (implicit)")

    @event.listens_for(engine, "commit")
    def commit(connection):
        print("COMMIT")

    @event.listens_for(engine, "rollback")
    def rollback(connection):
        print("ROLLBACK")


# --8<-- [end:print_sql]
