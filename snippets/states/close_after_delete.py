"""close() after a flushed DELETE undoes the DELETE, yet the object still says deleted."""

from sqlalchemy import func, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

engine = fresh_engine(Base.metadata)
with Session(engine) as session:
    session.add(User(name="Alice"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT

# --8<-- [start:close_after_delete]
session = Session(engine)
user = session.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
session.delete(user)
session.flush()
#> DELETE FROM user_account WHERE user_account.id = ? (1,)
session.close()  # (1)!
#> ROLLBACK
print(state_of(user))
#> deleted

with Session(engine) as other:
    print(other.scalar(select(func.count()).select_from(User)))  # (2)!
    #> BEGIN (implicit)
    #> SELECT count(*) AS count_1 FROM user_account
    #> 1
    try:
        other.add(user)
    except InvalidRequestError as error:
        print(type(error).__name__)  # (3)!
        #> InvalidRequestError
#> ROLLBACK
# --8<-- [end:close_after_delete]
