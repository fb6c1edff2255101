"""expire() throws away changes that were not flushed yet."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:expire_discards_changes]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    user.name = "Alicia"
    print(session.is_modified(user))
    #> True

    session.expire(user)  # (1)!
    print(session.is_modified(user), user.name)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> False Alice
    session.commit()  # (2)!
    #> COMMIT
# --8<-- [end:expire_discards_changes]
