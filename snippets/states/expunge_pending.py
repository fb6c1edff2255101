"""A pending object leaves the session with expunge(), rollback() or close()."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:expunge_pending]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    alice, bob, carol = User(name="Alice"), User(name="Bob"), User(name="Carol")
    session.add_all([alice, bob, carol])
    print(state_of(alice), state_of(bob), state_of(carol))
    #> pending pending pending

    session.expunge(alice)
    print(state_of(alice))
    #> transient

    session.rollback()
    print(state_of(bob))
    #> transient

    session.add(carol)
# (the end of the with block closes the session)
print(state_of(carol))
#> transient
# --8<-- [end:expunge_pending]
