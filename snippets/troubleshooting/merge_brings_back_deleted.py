"""merge() of a detached object whose row is gone: no error, and the row comes back."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    user = session.get(User, 1)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> ROLLBACK

with Session(engine) as other:
    other.delete(other.get(User, 1))  # (2)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    other.commit()
    #> DELETE FROM user_account WHERE user_account.id = ? (1,)
    #> COMMIT

with Session(engine) as session:
    user.name = "Alicia"
    merged = session.merge(user)  # (3)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    session.commit()  # (4)!
    #> INSERT INTO user_account (id, name) VALUES (?, ?) (1, 'Alicia')
    #> COMMIT
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as other:
    other.delete(other.get(User, 1))  # deleted again, for the fix
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    other.commit()
    #> DELETE FROM user_account WHERE user_account.id = ? (1,)
    #> COMMIT

with Session(engine) as session:
    if session.get(User, user.id) is None:  # (1)!
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
        print("deleted meanwhile: not saved")
        #> deleted meanwhile: not saved
    else:
        session.merge(user)
        session.commit()
#> ROLLBACK
# --8<-- [end:fix]
