"""make_transient_to_detached() vouches that a row exists: no INSERT, no SELECT."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:make_transient_to_detached]
from sqlalchemy.orm import Session, make_transient_to_detached

engine = fresh_engine(Base.metadata, User(name="Alice"))

user = User(id=1, name="Alice (from a cache)")
make_transient_to_detached(user)
print(state_of(user))
#> detached

with Session(engine) as session:
    session.add(user)
    print(state_of(user), session.get(User, 1) is user)  # (1)!
    #> persistent True
# --8<-- [end:make_transient_to_detached]
