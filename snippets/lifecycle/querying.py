"""Querying in the 2.0 style: select() with scalars(), execute() and get()."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:querying]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    users = session.scalars(select(User).order_by(User.name)).all()  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account ORDER BY user_account.name
    print(users)
    #> [User(name='Alice'), User(name='Bob')]

    rows = session.execute(select(User.id, User.name).where(User.id > 1)).all()  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id > ? (1,)
    print(rows)
    #> [(2, 'Bob')]

    bob = session.scalars(select(User).filter_by(name="Bob")).one()  # (3)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Bob',)
    print(session.get(User, 2) is bob)  # (4)!
    #> True
#> ROLLBACK
# --8<-- [end:querying]
