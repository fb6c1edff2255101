"""Helpers for the examples that need a server: its id for a connection, and a kill."""

# --8<-- [start:helpers]
import time

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.pool import NullPool


def server_id(connection: Connection) -> int:
    """The server's own number for this connection."""
    if connection.dialect.name == "postgresql":
        return connection.scalar(text("SELECT pg_backend_pid()"))
    return connection.scalar(text("SELECT CONNECTION_ID()"))


def alive(connection: Connection, ident: int) -> bool:
    if connection.dialect.name == "postgresql":
        # PostgreSQL keeps one view of pg_stat_activity per transaction: renew it.
        connection.execute(text("SELECT pg_stat_clear_snapshot()"))
        query = "SELECT count(*) FROM pg_stat_activity WHERE pid = :id"
    else:
        query = "SELECT count(*) FROM information_schema.processlist WHERE id = :id"
    return connection.scalar(text(query), {"id": ident}) > 0


def in_transaction(engine: Engine, ident: int) -> bool:
    """Whether the server sees an open transaction on that connection."""
    if engine.dialect.name == "postgresql":
        query = (
            "SELECT state = 'idle in transaction' FROM pg_stat_activity WHERE pid = :id"
        )
    else:
        query = (
            "SELECT count(*) > 0 FROM information_schema.innodb_trx"
            " WHERE trx_mysql_thread_id = :id"
        )
        time.sleep(0.2)  # InnoDB refreshes that view at most every 0.1 s
    observer = create_engine(engine.url, poolclass=NullPool)
    with observer.connect() as connection:
        result = bool(connection.scalar(text(query), {"id": ident}))
    observer.dispose()
    return result


def kill(engine: Engine, ident: int) -> None:
    """End a connection from the server side, as a restart or a timeout would."""
    admin = create_engine(engine.url, poolclass=NullPool)
    with admin.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_terminate_backend(:id)"), {"id": ident})
        else:
            connection.exec_driver_sql(f"KILL {int(ident)}")
        deadline = time.monotonic() + 10
        while alive(connection, ident) and time.monotonic() < deadline:
            time.sleep(0.05)
    admin.dispose()


# --8<-- [end:helpers]
