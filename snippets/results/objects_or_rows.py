"""execute() returns rows; scalars() returns the first column of each row: the objects."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:objects_or_rows]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    statement = select(User).where(User.name == "Alice")
    row = session.execute(statement).one()  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(type(row).__name__, row)
    #> Row (User(name='Alice'),)
    user = session.scalars(statement).one()  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(type(user).__name__, user)
    #> User User(name='Alice')
    same = session.execute(statement).scalar_one()  # (3)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(row.User is user is same)
    #> True
#> ROLLBACK
# --8<-- [end:objects_or_rows]
