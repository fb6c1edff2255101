"""Rolling back a flushed INSERT makes the object transient again, not detached."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:rollback_after_flush]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

session = Session(engine)
user = User(name="Alice")
session.add(user)
session.flush()
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice',)
print(state_of(user), user.id)
#> persistent 1

session.rollback()
#> ROLLBACK
print(state_of(user), user.id)  # (1)!
#> transient 1
print(user in session)
#> False
# --8<-- [end:rollback_after_flush]
session.close()
