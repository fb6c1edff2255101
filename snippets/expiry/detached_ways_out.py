"""Four ways to read an object after its session closed, each without DetachedInstanceError."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:no_expiry]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine, expire_on_commit=False) as session:
    kept = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    kept.name = "Alice Smith"
    session.commit()  # nothing expires
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Smith', 1)
    #> COMMIT
print(kept.name)
#> Alice Smith
# --8<-- [end:no_expiry]

# --8<-- [start:load_first]
with Session(engine) as session:
    loaded = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    loaded.name = "Alice Jones"
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Jones', 1)
    #> COMMIT
    print(loaded.name)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alice Jones
#> ROLLBACK
print(loaded.name)
#> Alice Jones
# --8<-- [end:load_first]

# --8<-- [start:refresh]
with Session(engine) as session:
    refreshed = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    refreshed.name = "Alice Brown"
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Brown', 1)
    #> COMMIT
    session.refresh(refreshed)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> ROLLBACK
print(refreshed.name)
#> Alice Brown
# --8<-- [end:refresh]

# --8<-- [start:stay_open]
with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    user.name = "Alice Green"
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Green', 1)
    #> COMMIT
    print(user.name)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alice Green
#> ROLLBACK
# --8<-- [end:stay_open]
