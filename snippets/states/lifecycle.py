"""The path everyone knows: transient, pending, persistent, detached."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:lifecycle]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

session = Session(engine)

user = User(name="Alice")
print(state_of(user))
#> transient

session.add(user)  # (1)!
print(state_of(user), user.id)
#> pending None

session.flush()  # (2)!
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice',)
print(state_of(user), user.id)
#> persistent 1

session.commit()  # (3)!
#> COMMIT
print(state_of(user))
#> persistent

session.close()  # (4)!
print(state_of(user))
#> detached
# --8<-- [end:lifecycle]
