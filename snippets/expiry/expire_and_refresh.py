"""expire() forgets now and loads later; refresh() loads now. Both can name attributes."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:expire_and_refresh]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)

    session.expire(user)  # (1)!
    print(user.name)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alice

    session.refresh(user)  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)

    session.expire(user, ["name"])  # (3)!
    print(user.id, user.name)
    #> SELECT user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> 1 Alice

    session.refresh(user, ["name"])  # (4)!
    #> SELECT user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> ROLLBACK
# --8<-- [end:expire_and_refresh]
