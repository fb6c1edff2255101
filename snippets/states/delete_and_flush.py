"""delete() only marks an object; the flush makes it deleted, the commit detaches it."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:delete_and_flush]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

session = Session(engine)
user = session.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)

session.delete(user)
print(state_of(user), user in session.deleted)  # (1)!
#> persistent True

session.flush()
#> DELETE FROM user_account WHERE user_account.id = ? (1,)
print(state_of(user), user in session)
#> deleted False

session.commit()
#> COMMIT
print(state_of(user))
#> detached
# --8<-- [end:delete_and_flush]
session.close()
