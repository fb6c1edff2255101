"""expire_on_commit=False keeps the values after a commit, and keeps them stale too."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:keep_values]
from sqlalchemy import update
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, file=True)  # a file: other connections see it

with Session(engine, expire_on_commit=False) as session:
    user = User(name="Alice")
    session.add(user)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT
    print(user.name)  # (1)!
    #> Alice

    with engine.begin() as elsewhere:  # (2)!
        #> BEGIN (implicit)
        elsewhere.execute(update(User).values(name="Alicia"))
        #> UPDATE user_account SET name=? ('Alicia',)
    #> COMMIT
    print(user.name)  # (3)!
    #> Alice

    session.refresh(user)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    print(user.name)
    #> Alicia
#> ROLLBACK
# --8<-- [end:keep_values]
