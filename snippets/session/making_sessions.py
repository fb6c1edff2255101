"""Three ways to make a Session, and who commits, rolls back and closes in each."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:plain]
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

engine = fresh_engine(Base.metadata)

with Session(engine) as session:  # (1)!
    session.add(User(name="Alice"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT
# --8<-- [end:plain]

# --8<-- [start:begin]
with Session(engine) as session, session.begin():  # (1)!
    session.add(User(name="Bob"))
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Bob',)
#> COMMIT

try:
    with Session(engine) as session, session.begin():
        session.add(User(name="Carol"))
        session.flush()
        #> BEGIN (implicit)
        #> INSERT INTO user_account (name) VALUES (?) ('Carol',)
        raise RuntimeError("something failed")  # (2)!
    #> ROLLBACK
except RuntimeError as error:
    print(error)
    #> something failed
# --8<-- [end:begin]

# --8<-- [start:sessionmaker]
SessionLocal = sessionmaker(engine, expire_on_commit=False)  # (1)!

with SessionLocal.begin() as session:  # (2)!
    names = session.scalars(select(User.name).order_by(User.id)).all()
    #> BEGIN (implicit)
    #> SELECT user_account.name FROM user_account ORDER BY user_account.id
#> COMMIT
print(names)
#> ['Alice', 'Bob']
# --8<-- [end:sessionmaker]
