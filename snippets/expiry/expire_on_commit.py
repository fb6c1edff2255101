"""After a commit every object reloads on first access: one SELECT per object."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:expire_on_commit]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    users = [User(name="Alice"), User(name="Bob")]
    session.add_all(users)
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Alice',)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Bob',)
    #> COMMIT
    print([user.name for user in users])  # (2)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (2,)
    #> ['Alice', 'Bob']
#> ROLLBACK
# --8<-- [end:expire_on_commit]
