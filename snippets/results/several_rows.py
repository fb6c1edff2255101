"""one() and one_or_none() refuse two rows; first() and scalar() keep the first one."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import MultipleResultsFound
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    try:
        session.scalars(select(User)).one()  # (1)!
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account
    except MultipleResultsFound as error:
        print(f"{type(error).__name__}: {error}")
        #> MultipleResultsFound: Multiple rows were found when exactly one was required
    try:
        session.scalars(select(User)).one_or_none()  # (2)!
        #> SELECT user_account.id, user_account.name FROM user_account
    except MultipleResultsFound as error:
        print(f"{type(error).__name__}: {error}")
        #> MultipleResultsFound: Multiple rows were found when one or none was required
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    bob = session.scalars(select(User).where(User.id == 2)).one()  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    by_name = select(User).order_by(User.name)
    first = session.scalars(by_name).first()  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account ORDER BY user_account.name
    also_first = session.scalar(by_name)  # (3)!
    #> SELECT user_account.id, user_account.name FROM user_account ORDER BY user_account.name
    print(bob, first, also_first)
    #> User(name='Bob') User(name='Alice') User(name='Alice')
#> ROLLBACK
# --8<-- [end:fix]
