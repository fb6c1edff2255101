"""flush() sends the SQL inside the transaction; only commit() lets others see it."""

from snippets.states.model import Base, User
from snippets.support import count_elsewhere, fresh_engine

# --8<-- [start:flush_then_commit]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, file=True)  # a file: other connections see it

session = Session(engine)
user = User(name="Alice")
session.add(user)

session.flush()
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice',)
print(user.id, count_elsewhere(engine, User))  # (1)!
#> 1 0

session.commit()  # (2)!
#> COMMIT
print(count_elsewhere(engine, User))
#> 1
session.close()
# --8<-- [end:flush_then_commit]
