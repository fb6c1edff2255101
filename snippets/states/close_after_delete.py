"""close() after a flushed DELETE undoes the DELETE, yet the object still says deleted."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:close_after_delete]
import re

from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

session = Session(engine)
user = session.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
session.delete(user)
session.flush()
#> DELETE FROM user_account WHERE user_account.id = ? (1,)
session.close()  # (1)!
#> ROLLBACK
print(state_of(user))
#> deleted

with Session(engine) as other:
    try:
        other.add(user)
    except InvalidRequestError as error:
        print(re.sub(r"0x[0-9a-f]+", "0x…", str(error)))  # (2)!
        #> Instance '<User at 0x…>' has been deleted.  Use the make_transient() function to send this object back to the transient state.
    again = other.get(User, 1)  # (3)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    print(again, again is user)
    #> User(name='Alice') False
#> ROLLBACK
# --8<-- [end:close_after_delete]
