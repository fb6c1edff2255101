"""make_transient() forgets an object's identity: adding it again INSERTs a new row."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:make_transient_copy]
from sqlalchemy.orm import Session, make_transient

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    make_transient(user)
    print(state_of(user), user.id, user.name)  # (1)!
    #> transient 1 Alice

    user.id = None
    session.add(user)
    session.commit()
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT
    print(state_of(user), user.id)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    #> persistent 2
#> ROLLBACK
# --8<-- [end:make_transient_copy]
