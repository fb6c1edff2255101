"""Code under test that opens its own session waits for the locks of the test."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine
from snippets.testing.fixture import session_for_a_test
from snippets.testing.sqlite_fix import begin_for_real

# --8<-- [start:timeout]
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

GIVE_UP_ON_A_LOCK_AFTER_ONE_SECOND = {
    "sqlite": "PRAGMA busy_timeout = 1000",
    "postgresql": "SET lock_timeout = '1s'",
    "mariadb": "SET SESSION innodb_lock_wait_timeout = 1",
    "mysql": "SET SESSION innodb_lock_wait_timeout = 1",  # MySQL, or MariaDB by a mysql:// URL
}

engine = fresh_engine(Base.metadata, User(name="Alice"), file=True)
if engine.dialect.name == "sqlite":
    begin_for_real(engine)


@event.listens_for(engine, "connect")
def give_up_on_a_lock_after_one_second(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute(GIVE_UP_ON_A_LOCK_AFTER_ONE_SECOND[engine.dialect.name])
    cursor.close()
    dbapi_connection.commit()  # (1)!


engine.dispose()  # (2)!
# --8<-- [end:timeout]


# --8<-- [start:wait]
def rename(engine: Engine, user_id: int, name: str) -> None:
    """Code under test that opens a session of its own, on the engine."""
    with Session(engine) as session:
        session.get(User, user_id).name = name
        session.commit()


with session_for_a_test(engine) as session:
    #> BEGIN (implicit)
    #> BEGIN
    session.get(User, 1).name = "Alicia"
    #> SAVEPOINT sa_savepoint_1
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    session.commit()  # (1)!
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alicia', 1)
    #> RELEASE SAVEPOINT sa_savepoint_1
    try:
        rename(engine, 1, "Al")  # (2)!
        #> BEGIN (implicit)
        #> BEGIN
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
        #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Al', 1)
        #> ROLLBACK
    except OperationalError as error:
        print(error.orig)  # (3)!
        #> database is locked
#> ROLLBACK
# --8<-- [end:wait]
