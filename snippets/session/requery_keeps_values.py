"""A query does not refresh an object the session already holds, unless asked to."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:requery]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), file=True)

with Session(engine, expire_on_commit=False) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    session.commit()  # (1)!
    #> COMMIT

    with Session(engine) as other:  # (2)!
        other.get(User, 1).name = "Alicia"
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
        other.commit()
        #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alicia', 1)
        #> COMMIT

    query = select(User, User.name).where(User.id == 1)
    row = session.execute(query).one()  # (3)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name, user_account.name AS name__1 FROM user_account WHERE user_account.id = ? (1,)
    kept = user.name
    print(row.User is user, row.name, kept)
    #> True Alicia Alice

    session.execute(query.execution_options(populate_existing=True)).one()  # (4)!
    #> SELECT user_account.id, user_account.name, user_account.name AS name__1 FROM user_account WHERE user_account.id = ? (1,)
    refreshed = user.name
    print(refreshed)
    #> Alicia
#> ROLLBACK
# --8<-- [end:requery]
