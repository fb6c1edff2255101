"""merge() returns a persistent copy; the object passed in stays detached."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:merge_detached]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)
with Session(engine, expire_on_commit=False) as session:
    user = User(name="Alice")
    session.add(user)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT

user.name = "Alice Smith"  # changed while detached

with Session(engine) as session:
    merged = session.merge(user)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    print(merged is user, state_of(merged), state_of(user))
    #> False persistent detached
    print(merged.name, session.is_modified(merged))
    #> Alice Smith True
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alice Smith', 1)
    #> COMMIT
# --8<-- [end:merge_detached]
