"""Where the identity map saves a query: lookups by primary key of an object it holds."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:lookups]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    by_merge = session.merge(User(id=1, name="Alice"))  # (1)!
    print(by_merge is alice)
    #> True

    session.commit()
    #> COMMIT
    after_commit = session.get(User, 1)  # (2)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    print(after_commit is alice)
    #> True
#> ROLLBACK
# --8<-- [end:lookups]
