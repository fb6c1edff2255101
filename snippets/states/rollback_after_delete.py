"""Rolling back a flushed DELETE makes the object persistent again."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:rollback_after_delete]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

session = Session(engine)
user = session.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
session.delete(user)
session.flush()
#> DELETE FROM user_account WHERE user_account.id = ? (1,)
print(state_of(user))
#> deleted

session.rollback()
#> ROLLBACK
print(state_of(user), user in session)
#> persistent True
print(user.name)  # (1)!
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> Alice
# --8<-- [end:rollback_after_delete]
session.close()
#> ROLLBACK
