"""The identity map: one object per row in a session, however you reach the row."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:identity_map]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    first = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    second = session.get(User, 1)  # (1)!
    third = session.scalars(select(User).where(User.name == "Alice")).one()  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(first is second, first is third)
    #> True True

    with Session(engine) as other:
        print(other.get(User, 1) is first)  # (3)!
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
        #> False
    #> ROLLBACK
#> ROLLBACK
# --8<-- [end:identity_map]
