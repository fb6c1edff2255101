"""An object belongs to one session at a time; add() to a second one raises."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:attached_elsewhere]
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

first, second = Session(engine), Session(engine)
user = first.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
try:
    second.add(user)
except InvalidRequestError as error:
    print(type(error).__name__)  # (1)!
    #> InvalidRequestError

first.expunge(user)  # or first.close(): let go of it in the first session
second.add(user)
print(state_of(user), user in first, user in second)
#> persistent False True
# --8<-- [end:attached_elsewhere]
first.close()
#> ROLLBACK
second.close()
