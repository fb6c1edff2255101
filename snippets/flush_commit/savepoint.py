"""begin_nested() opens a SAVEPOINT: roll back part of a transaction, keep the rest."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:savepoint]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    alice = User(name="Alice")
    session.add(alice)
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)

    savepoint = session.begin_nested()
    bob = User(name="Bob")
    session.add(bob)
    session.flush()
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Bob',)
    savepoint.rollback()  # (1)!
    #> ROLLBACK TO SAVEPOINT sa_savepoint_1
    print(state_of(alice), state_of(bob))
    #> persistent transient

    with session.begin_nested():  # (2)!
        session.add(User(name="Carol"))
    #> SAVEPOINT sa_savepoint_2
    #> INSERT INTO user_account (name) VALUES (?) ('Carol',)
    #> RELEASE SAVEPOINT sa_savepoint_2
    session.commit()
    #> COMMIT

with Session(engine) as session:
    print(session.scalars(select(User.name).order_by(User.id)).all())
    #> BEGIN (implicit)
    #> SELECT user_account.name FROM user_account ORDER BY user_account.id
    #> ['Alice', 'Carol']
#> ROLLBACK
# --8<-- [end:savepoint]
