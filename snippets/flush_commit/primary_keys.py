"""The flush fills in primary keys the database generates; no SELECT needed."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:primary_keys]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    alice = User(name="Alice")
    session.add(alice)
    print(alice.id)
    #> None
    session.flush()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    print(alice.id)
    #> 1

    bob, carol = User(name="Bob"), User(name="Carol")
    session.add_all([bob, carol])
    session.flush()  # (2)!
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Bob',)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Carol',)
    print(bob.id, carol.id)
    #> 2 3
#> ROLLBACK
# --8<-- [end:primary_keys]
