"""A query flushes pending changes first, unless autoflush is switched off."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:autoflush]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    session.add(User(name="Alice"))
    names = session.scalars(select(User.name)).all()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> SELECT user_account.name FROM user_account
    print(names)
    #> ['Alice']

    session.add(User(name="Bob"))
    with session.no_autoflush:
        names = session.scalars(select(User.name)).all()  # (2)!
        #> SELECT user_account.name FROM user_account
    print(names, len(session.new))
    #> ['Alice'] 1
#> ROLLBACK
# --8<-- [end:autoflush]
