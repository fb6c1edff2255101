"""Query.scalar() refuses several rows; session.scalar() returns the first one."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:legacy_scalar]
from sqlalchemy import select
from sqlalchemy.exc import MultipleResultsFound
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    try:
        session.query(User.name).order_by(User.name).scalar()  # (1)!
        #> BEGIN (implicit)
        #> SELECT user_account.name AS user_account_name FROM user_account ORDER BY user_account.name
    except MultipleResultsFound as error:
        print(error)
        #> Multiple rows were found when exactly one was required
    print(session.scalar(select(User.name).order_by(User.name)))  # (2)!
    #> SELECT user_account.name FROM user_account ORDER BY user_account.name
    #> Alice
#> ROLLBACK
# --8<-- [end:legacy_scalar]
