"""What every example shares: a fresh database, and a printout of the SQL it receives."""

import atexit
import os
import shutil
import tempfile

from sqlalchemy import Engine, MetaData, create_engine, event, func, select

# The tests point the examples at PostgreSQL or MariaDB through this variable.
DATABASE_URL = "GUIDE_DATABASE_URL"
LOCAL_POSTGRESQL = "postgresql+psycopg://root@127.0.0.1:5432/test"


def database_url(*, file: bool = False) -> str:
    """SQLite in memory, unless GUIDE_DATABASE_URL names another database.

    `file=True` swaps the in-memory database for a temporary file, so that a second
    connection sees the same database.
    """
    url = os.environ.get(DATABASE_URL) or "sqlite://"
    if file and url == "sqlite://":
        folder = tempfile.mkdtemp()
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        url = f"sqlite:///{folder}/guide.db"
    return url


def server_url() -> str:
    """For examples that need a database server: GUIDE_DATABASE_URL if it names one,
    else the PostgreSQL server of the development machines."""
    url = os.environ.get(DATABASE_URL) or ""
    return url if url and not url.startswith("sqlite") else LOCAL_POSTGRESQL


# --8<-- [start:fresh_engine]
def fresh_engine(metadata: MetaData, *, file: bool = False) -> Engine:
    """Connect to an empty database holding the tables of `metadata`; print its SQL."""
    engine = create_engine(database_url(file=file))
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


# --8<-- [start:count_elsewhere]
def count_elsewhere(engine: Engine, table) -> int:
    """Count the rows of `table` through a new connection: what other programs see."""
    observer = create_engine(engine.url)  # its own pool, and no SQL printout
    try:
        with observer.connect() as connection:
            return connection.scalar(select(func.count()).select_from(table))
    finally:
        observer.dispose()


# --8<-- [end:count_elsewhere]
