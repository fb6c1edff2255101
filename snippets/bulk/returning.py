"""RETURNING: the rows an UPDATE or DELETE changed, in the same statement."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:returning]
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

people = ["Alice", "Bob", "Carol"]
engine = fresh_engine(Base.metadata, *[User(name=name) for name in people])

with Session(engine) as session:
    renamed = session.execute(
        update(User)
        .where(User.id < 3)
        .values(name=User.name + " Smith")
        .returning(User.id, User.name)  # (1)!
    ).all()
    #> BEGIN (implicit)
    #> UPDATE user_account SET name=(user_account.name || ?) WHERE user_account.id < ? RETURNING id, name (' Smith', 3)
    print(renamed)
    #> [(1, 'Alice Smith'), (2, 'Bob Smith')]
    removed = session.scalars(delete(User).where(User.id == 3).returning(User.name))
    #> DELETE FROM user_account WHERE user_account.id = ? RETURNING name (3,)
    print(removed.all())  # (2)!
    #> ['Carol']
    session.commit()
    #> COMMIT
# --8<-- [end:returning]
