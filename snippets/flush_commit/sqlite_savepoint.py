"""With Python's sqlite3 driver, a SAVEPOINT that opens the transaction escapes it."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine, print_sql

# --8<-- [start:pitfall]
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    with session.begin_nested():  # (1)!
        session.add(User(name="Alice"))
    #> BEGIN (implicit)
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
    session.rollback()  # (2)!
    #> ROLLBACK

with Session(engine) as session:
    names = session.scalars(select(User.name)).all()
    #> BEGIN (implicit)
    #> SELECT user_account.name FROM user_account
#> ROLLBACK
print(names)
#> ['Alice']
# --8<-- [end:pitfall]

# --8<-- [start:fix]
engine = create_engine("sqlite://")


@event.listens_for(engine, "connect")
def leave_transactions_to_sqlalchemy(dbapi_connection, record):
    dbapi_connection.isolation_level = None  # (1)!


@event.listens_for(engine, "begin")
def begin_for_real(connection):
    connection.exec_driver_sql("BEGIN")  # (2)!


# --8<-- [end:fix]
Base.metadata.create_all(engine)
print_sql(engine)

# --8<-- [start:fixed]
with Session(engine) as session:
    with session.begin_nested():
        session.add(User(name="Alice"))
    #> BEGIN
    #> BEGIN (implicit)
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
    session.rollback()
    #> ROLLBACK

with Session(engine) as session:
    fixed_names = session.scalars(select(User.name)).all()
    #> BEGIN
    #> BEGIN (implicit)
    #> SELECT user_account.name FROM user_account
#> ROLLBACK
print(fixed_names)
#> []
# --8<-- [end:fixed]
