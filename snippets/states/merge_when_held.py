"""Where the session already holds the row, add() of a detached copy fails; merge() works."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:merge_when_held]
import re

from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> ROLLBACK
user.name = "Alice Smith"  # changed while detached

with Session(engine) as session:
    held = session.get(User, 1)  # this session's own object for the row
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    try:
        session.add(user)
    except InvalidRequestError as error:
        print(re.sub(r"0x[0-9a-f]+|<class '[\w.]+'>", "…", str(error)))  # (1)!
        #> Can't attach instance <User at …>; another instance with key (…, (1,), None) is already present in this session.
    merged = session.merge(user)  # (2)!
    print(merged is held, held.name)
    #> True Alice Smith
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Smith', 1)
    #> COMMIT
# --8<-- [end:merge_when_held]
