"""What an UPDATE or DELETE with a WHERE does to the objects the session holds."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:auto]
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    alice, bob = session.scalars(select(User).order_by(User.id)).all()
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account ORDER BY user_account.id
    session.execute(update(User).where(User.name == "Alice").values(name="Alicia"))
    #> UPDATE user_account SET name=? WHERE user_account.name = ? ('Alicia', 'Alice')
    print(alice.name)  # (1)!
    #> Alicia
    session.execute(delete(User).where(User.name == "Bob"))
    #> DELETE FROM user_account WHERE user_account.name = ? ('Bob',)
    print(state_of(bob), bob in session)  # (2)!
    #> deleted False
    session.rollback()
    #> ROLLBACK
# --8<-- [end:auto]

# --8<-- [start:false]
with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    blind = update(User).execution_options(synchronize_session=False)
    session.execute(blind.where(User.id == 1).values(name="Alicia"))
    #> UPDATE user_account SET name=? WHERE user_account.id = ? ('Alicia', 1)
    print(alice.name)  # (1)!
    #> Alice
    session.rollback()
    #> ROLLBACK
# --8<-- [end:false]
