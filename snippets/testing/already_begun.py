"""begin() on a session that has already begun: InvalidRequestError."""

from snippets.states.model import Base, User
from snippets.support import database_url, print_sql
from snippets.testing.fixture import session_for_a_test
from snippets.testing.sqlite_fix import begin_for_real

# --8<-- [start:error]
from sqlalchemy import create_engine
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = create_engine(database_url(file=True))
if engine.dialect.name == "sqlite":
    begin_for_real(engine)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print_sql(engine)


def rename(session: Session, user_id: int, name: str) -> None:
    """Code under test that opens its own transaction block."""
    with session.begin():
        session.get(User, user_id).name = name


with session_for_a_test(engine) as session:
    #> BEGIN
    #> BEGIN (implicit)
    alice = User(name="Alice")
    session.add(alice)
    session.flush()  # (1)!
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    try:
        rename(session, alice.id, "Alicia")
    except InvalidRequestError as error:
        print(type(error).__name__)
        #> InvalidRequestError
        print(error)  # (2)!
        #> A transaction is already begun on this Session.
#> ROLLBACK TO SAVEPOINT sa_savepoint_1
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with session_for_a_test(engine) as session:
    #> BEGIN
    #> BEGIN (implicit)
    alice = User(name="Alice")
    session.add(alice)
    session.flush()
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    alice_id = alice.id  # (1)!
    session.commit()  # (2)!
    #> RELEASE SAVEPOINT sa_savepoint_1
    rename(session, alice_id, "Alicia")
    #> SAVEPOINT sa_savepoint_2
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alicia', 1)
    #> RELEASE SAVEPOINT sa_savepoint_2
    print(session.get(User, alice_id).name)
    #> SAVEPOINT sa_savepoint_3
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alicia
#> ROLLBACK TO SAVEPOINT sa_savepoint_3
#> ROLLBACK
# --8<-- [end:fix]
