"""A rollback discards changes in memory too: the attribute reads the row again."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:rollback_restores]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    user.name = "Mallory"
    session.flush()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Mallory', 1)
    session.rollback()  # (1)!
    #> ROLLBACK
    print(user.name)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alice
#> ROLLBACK
# --8<-- [end:rollback_restores]
