"""Code that makes its own sessions: hand it a sessionmaker bound to the test's connection."""

from snippets.states.model import Base, User
from snippets.support import count_elsewhere, database_url, print_sql
from snippets.testing.sqlite_fix import begin_for_real

# --8<-- [start:factory]
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import sessionmaker

engine = create_engine(database_url(file=True))
if engine.dialect.name == "sqlite":
    begin_for_real(engine)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print_sql(engine)


@contextmanager
def sessions_for_a_test(engine: Engine) -> Iterator[sessionmaker]:
    """A session factory whose sessions all work inside one rolled-back transaction."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield sessionmaker(
                bind=connection, join_transaction_mode="create_savepoint"
            )
        finally:
            transaction.rollback()


def sign_up(new_session: sessionmaker, name: str) -> None:
    """Code under test that opens, commits and closes a session of its own."""
    with new_session() as session:  # (1)!
        session.add(User(name=name))
        session.commit()


with sessions_for_a_test(engine) as new_session:
    #> BEGIN
    #> BEGIN (implicit)
    sign_up(new_session, "Alice")
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
    sign_up(new_session, "Bob")
    #> SAVEPOINT sa_savepoint_2
    #> INSERT INTO user_account (name) VALUES (?) ('Bob',)
    #> RELEASE SAVEPOINT sa_savepoint_2
    with new_session() as session:
        print(session.scalars(select(User.name).order_by(User.name)).all())  # (2)!
        #> SAVEPOINT sa_savepoint_3
        #> SELECT user_account.name FROM user_account ORDER BY user_account.name
        #> ['Alice', 'Bob']
    #> ROLLBACK TO SAVEPOINT sa_savepoint_3
#> ROLLBACK
print(count_elsewhere(engine, User.__table__))
#> 0
# --8<-- [end:factory]
