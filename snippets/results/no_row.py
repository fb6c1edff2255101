"""one() with no row raises NoResultFound; one_or_none(), first() and scalar() say None."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "Alice")).one()
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(alice)
    #> User(name='Alice')
    try:
        session.scalars(select(User).where(User.name == "Carol")).one()  # (1)!
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Carol',)
    except NoResultFound as error:
        print(f"{type(error).__name__}: {error}")
        #> NoResultFound: No row was found when one was required
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    carol = select(User).where(User.name == "Carol")
    print(session.scalars(carol).one_or_none())  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Carol',)
    #> None
    print(session.scalars(carol).first(), session.scalar(carol))  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Carol',)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Carol',)
    #> None None
#> ROLLBACK
# --8<-- [end:fix]
