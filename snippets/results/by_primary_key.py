"""get() returns None for a missing key; get_one() raises NoResultFound."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:get]
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    print(session.get(User, 1) is alice)  # (1)!
    #> True
    print(session.get(User, 2))  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    #> None
    try:
        session.get_one(User, 2)  # (3)!
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    except NoResultFound as error:
        print(error)
        #> No row was found when one was required
#> ROLLBACK
# --8<-- [end:get]
