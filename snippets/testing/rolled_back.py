"""Code under test commits; the test's transaction rolls it all back."""

from snippets.states.model import Base, User
from snippets.support import count_elsewhere, database_url, print_sql
from snippets.testing.fixture import session_for_a_test
from snippets.testing.sqlite_fix import begin_for_real

# --8<-- [start:engine]
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

engine = create_engine(database_url(file=True))
if engine.dialect.name == "sqlite":
    begin_for_real(engine)  # (1)!
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print_sql(engine)
# --8<-- [end:engine]


# --8<-- [start:test]
def register(session: Session, name: str) -> User:
    """The code under test: it commits, as application code does."""
    user = User(name=name)
    session.add(user)
    session.commit()
    return user


with session_for_a_test(engine) as session:
    #> BEGIN
    #> BEGIN (implicit)
    alice = register(session, "Alice")  # (1)!
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
    print(session.scalars(select(User.name)).all())  # (2)!
    #> SAVEPOINT sa_savepoint_2
    #> SELECT user_account.name FROM user_account
    #> ['Alice']
#> ROLLBACK TO SAVEPOINT sa_savepoint_2
#> ROLLBACK
print(count_elsewhere(engine, User.__table__))  # (3)!
#> 0
# --8<-- [end:test]


# --8<-- [start:rollback_inside]
def try_to_register(session: Session, name: str | None) -> bool:
    """More code under test: it rolls back when the INSERT fails."""
    session.add(User(name=name))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # (1)!
        return False
    return True


with session_for_a_test(engine) as session:
    #> BEGIN
    #> BEGIN (implicit)
    register(session, "Alice")
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
    print(try_to_register(session, None))  # (2)!
    #> SAVEPOINT sa_savepoint_2
    #> INSERT INTO user_account (name) VALUES (?) (None,)
    #> ROLLBACK TO SAVEPOINT sa_savepoint_2
    #> False
    print(session.scalars(select(User.name)).all())  # (3)!
    #> SAVEPOINT sa_savepoint_3
    #> SELECT user_account.name FROM user_account
    #> ['Alice']
#> ROLLBACK TO SAVEPOINT sa_savepoint_3
#> ROLLBACK
print(count_elsewhere(engine, User.__table__))
#> 0
# --8<-- [end:rollback_inside]
