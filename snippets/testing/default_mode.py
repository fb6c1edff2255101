"""Without create_savepoint, a rollback in the code under test ends the test's transaction."""

from snippets.states.model import Base, User
from snippets.support import count_elsewhere, database_url, print_sql
from snippets.testing.sqlite_fix import begin_for_real

# --8<-- [start:default_mode]
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

engine = create_engine(database_url(file=True))
if engine.dialect.name == "sqlite":
    begin_for_real(engine)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print_sql(engine)


@contextmanager
def session_in_default_mode(engine: Engine) -> Iterator[Session]:
    """The same as session_for_a_test, without join_transaction_mode."""
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(bind=connection)  # (1)!
        try:
            yield session
        finally:
            session.close()
            transaction.rollback()


with (
    warnings.catch_warnings(record=True) as caught,
    session_in_default_mode(engine) as session,
):
    #> BEGIN
    #> BEGIN (implicit)
    warnings.simplefilter("always")  # record every warning, even a repeated one
    session.add(User(name="Alice"))
    session.commit()  # (2)!
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    session.add(User(name=None))
    try:
        session.commit()
        #> INSERT INTO user_account (name) VALUES (?) (None,)
        #> ROLLBACK
    except IntegrityError:
        session.rollback()  # (3)!
    session.add(User(name="Bob"))
    session.commit()  # (4)!
    #> BEGIN
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Bob',)
    #> COMMIT
for warning in caught:
    print(type(warning.message).__name__, warning.message)  # (5)!
    #> SAWarning transaction already deassociated from connection
print(count_elsewhere(engine, User.__table__))
#> 1
# --8<-- [end:default_mode]
