"""make_transient_to_detached() vouches that a row exists: no INSERT, no SELECT."""

from sqlalchemy.orm import Session, make_transient_to_detached

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

engine = fresh_engine(Base.metadata)
with Session(engine) as session:
    session.add(User(name="Alice"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT

# --8<-- [start:make_transient_to_detached]
user = User(id=1, name="Alice (from a cache)")
make_transient_to_detached(user)
print(state_of(user))
#> detached

with Session(engine) as session:
    session.add(user)
    print(state_of(user), session.get(User, 1) is user)  # (1)!
    #> persistent True
# --8<-- [end:make_transient_to_detached]
