"""A context manager that collects the statements an engine sends."""

# --8<-- [start:count_statements]
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event


@contextmanager
def count_statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL of each statement `engine` sends to the database inside the block."""
    sent: list[str] = []

    def before(connection, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", before)


# --8<-- [end:count_statements]
