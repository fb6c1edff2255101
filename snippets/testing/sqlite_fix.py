"""On SQLite, let SQLAlchemy send BEGIN, so that savepoints stay in the transaction."""

# --8<-- [start:sqlite_fix]
from sqlalchemy import Engine, event


def begin_for_real(engine: Engine) -> None:
    """Python's sqlite3 driver sends no BEGIN before a SAVEPOINT: let SQLAlchemy
    send it, so that savepoints stay inside the transaction."""

    @event.listens_for(engine, "connect")
    def leave_transactions_to_sqlalchemy(dbapi_connection, record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


# --8<-- [end:sqlite_fix]
