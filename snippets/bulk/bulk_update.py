"""update() and delete(): by primary key from a list of dicts, or with a WHERE."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:by_primary_key]
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

people = ["Alice", "Bob", "Carol", "Dave"]
engine = fresh_engine(Base.metadata, *[User(name=name) for name in people])

with Session(engine) as session:
    changes = [{"id": 1, "name": "Alicia"}, {"id": 2, "name": "Robert"}]
    session.execute(update(User), changes)  # (1)!
    #> BEGIN (implicit)
    #> UPDATE user_account SET name=? WHERE user_account.id = ? [('Alicia', 1), ('Robert', 2)]
    session.commit()
    #> COMMIT
# --8<-- [end:by_primary_key]

# --8<-- [start:loaded]
with Session(engine) as session:
    for user in session.scalars(select(User).where(User.id.in_([3, 4]))):
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id IN (?, ?) (3, 4)
        user.name = user.name.upper()  # (1)!
    session.commit()
    #> UPDATE user_account SET name=? WHERE user_account.id = ? [('CAROL', 3), ('DAVE', 4)]
    #> COMMIT
# --8<-- [end:loaded]

# --8<-- [start:where]
with Session(engine) as session:
    renamed = session.execute(
        update(User).where(User.id >= 3).values(name=func.lower(User.name))  # (1)!
    )
    #> BEGIN (implicit)
    #> UPDATE user_account SET name=lower(user_account.name) WHERE user_account.id >= ? (3,)
    removed = session.execute(delete(User).where(User.name == "Robert"))
    #> DELETE FROM user_account WHERE user_account.name = ? ('Robert',)
    print(renamed.rowcount, removed.rowcount)  # (2)!
    #> 2 1
    session.commit()
    #> COMMIT
# --8<-- [end:where]
