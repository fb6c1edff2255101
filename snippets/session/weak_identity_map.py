"""The identity map holds its objects weakly: an unchanged object nobody uses leaves it."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:weak]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    alice, bob = session.get(User, 1), session.get(User, 2)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    bob.name = "Robert"  # changed, not yet flushed
    held = len(session.identity_map)
    print(held)
    #> 2

    del alice, bob  # (1)!
    left = len(session.identity_map)
    print(left)  # (2)!
    #> 1
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Robert', 2)
    #> COMMIT
# --8<-- [end:weak]
