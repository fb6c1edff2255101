"""add() re-attaches a detached object without a query; it reloads only when read."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:reattach_detached]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    user = User(name="Alice")
    session.add(user)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT
print(state_of(user))
#> detached

with Session(engine) as session:
    session.add(user)
    print(state_of(user))
    #> persistent
    print(user.name)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> Alice
#> ROLLBACK
# --8<-- [end:reattach_detached]
