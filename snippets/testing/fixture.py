"""A session for one test: everything it does, commits included, is rolled back."""

# --8<-- [start:fixture]
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session


@contextmanager  # (1)!
def session_for_a_test(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back at the end."""
    with engine.connect() as connection:
        transaction = connection.begin()  # (2)!
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        try:
            yield session  # (3)!
        finally:
            session.close()
            transaction.rollback()  # (4)!


# --8<-- [end:fixture]
